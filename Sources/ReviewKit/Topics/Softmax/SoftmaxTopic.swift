/// `softmax`: softmax probabilities, the cross-entropy loss and its gradient
/// with respect to the logits, e.g. the classic z = (2, 1, 0.1) with true
/// class 0 (p ≈ 0.659, 0.242, 0.099; L ≈ 0.417).
enum SoftmaxTopic: SchemaTopic, PresentedTopic, GeneratedTopic {
    typealias Presenter = SoftmaxPresenter
    typealias Generator = SoftmaxGenerator

    /// A class index or a probability vector (shared with rnn's targets).
    typealias Target = ClassTarget

    struct Problem: Sendable {
        /// One row per example; a single vector is one row.
        var logits: [[Double]]
        /// Whether `logits` was given as a matrix (so answers are matrices).
        var isBatch: Bool
        /// One target per row.
        var targets: [Target]
        var temperature: Double = 1
        var reduction: LossReduction = .mean
    }

    /// The problem, its numbers and every worked step, recorded once (`SoftmaxTrace`).
    typealias Solution = SolverSolution<Problem, SoftmaxSolver.Result>

    static let name = "softmax"

    // MARK: Reading and writing problems

    static let blank = Problem(logits: [], isBatch: false, targets: [])

    /// Examples in a batch and classes per example. The sheet works every
    /// row by hand (a table of the class's numbers each), so these keep the
    /// largest sheet readable and its size bounded.
    static let maxRows = 1000
    static let maxClasses = 1000

    /// `target`'s shape follows `logits`: one target for a vector, one per
    /// row for a matrix; each a class index or a probability vector.
    static let schema = FieldSchema<Problem>([
        .examples(
            "logits", \.logits, batch: \.isBatch, doc: "the logits $z$; a matrix is a batch", maxRows: maxRows,
            maxColumns: maxClasses, columns: "classes"),
        .custom(
            "target", type: "class index or probability vector (an array of them for a batch)",
            doc: "the true class, or a soft target summing to 1",
            read: { field, problem in problem.targets = try targets(field, problem) },
            write: { problem in problem.isBatch ? .array(problem.targets.map(\.json)) : problem.targets[0].json }),
        .positiveNumber("temperature", \.temperature, default: 1, doc: "$T$ in $\\operatorname{softmax}(z / T)$"),
        .choice("reduction", \.reduction, default: .mean, doc: "how a batch's losses combine"),
    ])

    private static func targets(_ field: Field, _ problem: Problem) throws -> [Target] {
        let (rows, classes) = (problem.logits.count, problem.logits[0].count)
        guard problem.isBatch else {
            try field.rejectRows("class index or one probability vector", since: "logits")
            return [try field.classTarget(classes: classes)]
        }
        guard case .array = field.value.kind else {
            throw field.error(
                "must be an array with one target per row of logits (\(counted(rows, "row"))), got \(field.describe())")
        }
        return try field.onePer("row", of: "logits", count: rows, noun: "target") { try $0.classTarget(classes: classes) }
    }

    static func solve(_ problem: Problem) throws -> Solution {
        let result = try SoftmaxSolver.solve(problem)
        return Solution(problem: problem, result: result, trace: SoftmaxTrace.record(problem, result))
    }

    static func answers(_ solution: Solution) -> JSONValue {
        let (result, batch) = (solution.result, solution.problem.isBatch)
        return .object([
            ("probabilities", .rows(result.rows.map(\.softmax.probabilities), batch: batch)),
            ("loss", .number(result.loss)),
            ("gradient", .rows(result.gradient, batch: batch)),
        ])
    }
}

/// What the printed answer key shows (`FinalAnswers`): p, the loss L and its gradient with respect to the logits.
extension SoftmaxTopic {
    static let finalAnswers: FinalAnswers = ["probabilities", "loss", "gradient"]
}
