/// `softmax`: softmax probabilities, the cross-entropy loss and its gradient
/// with respect to the logits, e.g. the classic z = (2, 1, 0.1) with true
/// class 0 (p ≈ 0.659, 0.242, 0.099; L ≈ 0.417).
enum SoftmaxTopic: SchemaTopic, PresentedTopic {
    typealias Presenter = SoftmaxPresenter

    /// One example's target: a class index, or a probability vector (one-hot
    /// or soft). Kept as written so `encode` gives back the same form.
    enum Target: Sendable, Equatable {
        case index(Int)
        case distribution([Double])

        /// The target as a probability vector over `classes` classes.
        func distribution(classes: Int) -> [Double] {
            switch self {
            case .index(let k): return (0..<classes).map { $0 == k ? 1 : 0 }
            case .distribution(let y): return y
            }
        }
    }

    enum Reduction: String, Sendable, CaseIterable {
        case mean, sum
    }

    struct Problem: Sendable {
        /// One row per example; a single vector is one row.
        var logits: [[Double]]
        /// Whether `logits` was given as a matrix (so answers are matrices).
        var isBatch: Bool
        /// One target per row.
        var targets: [Target]
        var temperature: Double = 1
        var reduction: Reduction = .mean
    }

    struct Solution: Sendable, TracedSolution {
        var problem: Problem
        var result: SoftmaxSolver.Result
        /// Every worked step, recorded once (`SoftmaxTrace`).
        var trace: Trace
    }

    static let name = "softmax"

    // MARK: Reading and writing problems

    static let blank = Problem(logits: [], isBatch: false, targets: [])

    static let schema = FieldSchema<Problem>([
        .custom(
            "logits", type: "vector of numbers, or a matrix (a row per example)",
            doc: "the logits $z$; a matrix is a batch",
            read: { field, problem in (problem.logits, problem.isBatch) = try SoftmaxDecoding.logits(field) },
            write: { problem in .rows(problem.logits, batch: problem.isBatch) }),
        .custom(
            "target", type: "class index or probability vector (an array of them for a batch)",
            doc: "the true class, or a soft target summing to 1",
            read: { field, problem in
                problem.targets = try SoftmaxDecoding.targets(
                    field, rows: problem.logits.count, classes: problem.logits[0].count, isBatch: problem.isBatch)
            },
            write: { problem in problem.isBatch ? .array(problem.targets.map(target)) : target(problem.targets[0]) }),
        .positiveNumber("temperature", \.temperature, default: 1, doc: "$T$ in $\\operatorname{softmax}(z / T)$"),
        .choice("reduction", \.reduction, default: .mean, doc: "how a batch's losses combine"),
    ])

    private static func target(_ t: Target) -> JSONValue {
        switch t {
        case .index(let k): return .number(k)
        case .distribution(let y): return .numbers(y)
        }
    }

    // MARK: Solving

    static func solve(_ problem: Problem) throws -> Solution {
        let classes = problem.logits[0].count
        do {
            let result = try SoftmaxSolver.solve(
                logits: problem.logits,
                targets: problem.targets.map { $0.distribution(classes: classes) },
                targetIndices: problem.targets.map { if case .index(let k) = $0 { k } else { nil } },
                temperature: problem.temperature, mean: problem.reduction == .mean)
            return Solution(problem: problem, result: result, trace: SoftmaxTrace.record(problem, result))
        } catch {
            // Only absurd inputs get here (logits ~1e308 apart, T ~1e-300):
            // the stable form keeps every realistic problem finite.
            var path = JSONPath.root.appending(key: "logits")
            let row: Int
            switch error {
            case .shiftOverflows(let n): row = n
            case .lossOverflows(let n): row = n
            }
            if problem.isBatch { path = path.appending(index: row) }
            switch error {
            case .shiftOverflows where problem.temperature != 1:
                throw SolveError(at: "temperature", "is too small for these logits: (z - max z) / T overflows")
            case .shiftOverflows:
                throw SolveError(path, "the logits are too far apart: z - max z overflows")
            case .lossOverflows:
                throw SolveError(path, "the loss overflows for these logits")
            }
        }
    }

    static func answers(_ solution: Solution) -> JSONValue {
        let result = solution.result
        let batch = solution.problem.isBatch
        let probabilities = result.rows.map(\.probabilities)
        return .object([
            ("probabilities", .rows(probabilities, batch: batch)),
            ("loss", .number(result.loss)),
            ("gradient", .rows(result.gradient, batch: batch)),
        ])
    }

    static func generate(_ random: inout RandomSource, difficulty: Difficulty) -> Problem {
        SoftmaxGenerator.generate(&random, difficulty: difficulty)
    }
}

/// What the printed answer key shows (`FinalAnswers`): p, the loss L and its gradient with respect to the logits.
extension SoftmaxTopic {
    static let finalAnswers: FinalAnswers = ["probabilities", "loss", "gradient"]
}
