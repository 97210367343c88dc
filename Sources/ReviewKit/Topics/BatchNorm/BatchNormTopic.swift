/// `batchnorm`: batch normalisation of a small batch, forward (training or
/// inference), the running-statistics update and the backward pass, e.g.
/// the notes' formula on x = 1, 2, 3, 4 (x̂ ≈ −1.342, −0.447, 0.447, 1.342).
enum BatchNormTopic: SchemaTopic, GeneratedTopic {
    typealias Generator = BatchNormGenerator

    enum Mode: String, Sendable, CaseIterable {
        case training, inference
    }

    struct Problem: Sendable {
        /// One row per example, one column per feature.
        var x: [[Double]] = []
        /// `x` was one vector (one feature): per-feature fields are numbers.
        var isVector = false
        var mode: Mode = .training
        var gamma: [Double]?
        var beta: [Double]?
        var eps = 1e-5
        var momentum = 0.1
        var runningMean: [Double]?
        var runningVar: [Double]?
        var gradOutput: [[Double]]?

        var m: Int { x.count }
        var d: Int { x.first?.count ?? 0 }
        var columns: [[Double]] { (0..<d).map { j in x.map { $0[j] } } }
    }

    struct Solution: Sendable {
        var problem: Problem
        var features: [BatchNormSolver.Feature]
        var trace: Trace
    }

    static let name = "batchnorm"
    static let maxExamples = 100, maxFeatures = 20

    // MARK: Reading and writing problems

    static let blank = Problem()

    static let schema = FieldSchema<Problem>([
        .custom(
            "x", type: "m×d matrix (a row per example), or a vector of m values (one feature)", doc: "the batch",
            read: { field, problem in try BatchNormDecoding.x(field, into: &problem) },
            write: { problem in problem.isVector ? vector(problem.x.map { $0[0] }) : .array(problem.x.map(vector)) }),
        .choice("mode", \.mode, default: .training, doc: "`training`: the batch's μ_B, σ²_B; `inference`: the running ones"),
        perFeature("gamma", \.gamma, default: 1, doc: "γ, the scale"),
        perFeature("beta", \.beta, default: 0, doc: "β, the shift"),
        .custom(
            "eps", type: "number ≥ 0", default: "1e-05", doc: "ε inside the square root (PyTorch's default)",
            read: { field, problem in problem.eps = try OptimizerDecoding.nonNegative(field) },
            write: { .number($0.eps) }),
        .number("momentum", \.momentum, in: 0...1, default: 0.1, doc: "PyTorch's momentum of the running statistics (training)"),
        perFeature("running_mean", \.runningMean, default: 0, doc: "the running mean before the step; required in inference"),
        perFeature(
            "running_var", \.runningVar, default: 1, nonNegative: true,
            doc: "the running variance before the step; required in inference"),
        .custom(
            "grad_output", type: "the shape of `x`", default: "none", doc: "dL/dy, for the backward pass",
            read: { field, problem in problem.gradOutput = try BatchNormDecoding.gradOutput(field, problem) },
            write: { problem in
                problem.gradOutput.map { rows in problem.isVector ? vector(rows.map { $0[0] }) : .array(rows.map(vector)) } ?? .null
            }),
    ])

    static func vector(_ v: [Double]) -> JSONValue { .array(v.map { .number($0) }) }

    /// A per-feature field: a number for a vector `x`, else one number per column.
    private static func perFeature(
        _ name: String, _ keyPath: WritableKeyPath<Problem, [Double]?> & Sendable, default value: Double,
        nonNegative: Bool = false, doc: String
    ) -> FieldSchema<Problem>.Spec {
        .custom(
            name, type: "number per feature (a number for a vector `x`)", default: JSONWriter.format(number: value), doc: doc,
            read: { field, problem in
                problem[keyPath: keyPath] = try BatchNormDecoding.perFeature(field, problem, nonNegative: nonNegative)
            },
            write: { problem in
                let values = problem[keyPath: keyPath] ?? Array(repeating: value, count: problem.d)
                return problem.isVector ? .number(values[0]) : vector(values)
            })
    }

    // MARK: Solving

    static func solve(_ problem: Problem) throws -> Solution {
        try solve(problem, variant: .right)
    }

    /// The problem solved with `variant`'s rule (a slip's, or the right one).
    static func solve(_ problem: Problem, variant: BatchNormSolver.Variant) throws -> Solution {
        let training = problem.mode == .training
        if training, problem.m < 2 {
            throw SolveError(at: "x", "training mode needs a batch of at least 2 examples, got 1 (use mode 'inference')")
        }
        if !training {
            for (name, value) in [("running_mean", problem.runningMean), ("running_var", problem.runningVar)] where value == nil {
                throw SolveError(.root, "mode 'inference' needs '\(name)' (the running statistics replace μ_B and σ²_B)")
            }
        }
        let d = problem.d
        do {
            let features = try BatchNormSolver.solve(
                columns: problem.columns, gamma: problem.gamma ?? Array(repeating: 1, count: d),
                beta: problem.beta ?? Array(repeating: 0, count: d), eps: problem.eps, training: training,
                runningMean: problem.runningMean ?? Array(repeating: 0, count: d),
                runningVar: problem.runningVar ?? Array(repeating: 1, count: d), momentum: problem.momentum,
                gradOutput: problem.gradOutput.map { rows in (0..<d).map { j in rows.map { $0[j] } } }, variant: variant)
            let trace = variant == .right ? BatchNormTrace.record(problem, features) : Trace()
            return Solution(problem: problem, features: features, trace: trace)
        } catch {
            switch error {
            case .zeroVariance(let j):
                let which = problem.isVector ? "x" : "feature \(j) of x"
                throw SolveError(at: training ? "x" : "running_var",
                    training ? "\(which) is constant and eps is 0, so σ² + ε = 0 (give eps > 0)"
                        : "running_var\(problem.isVector ? "" : "[\(j)]") + eps = 0 (give eps > 0)")
            case .notFinite(let j):
                throw SolveError(at: "x", "the values of \(problem.isVector ? "x" : "feature \(j)") overflow")
            }
        }
    }

    static func answers(_ solution: Solution) -> JSONValue {
        let problem = solution.problem, f = solution.features
        func perFeature(_ values: [Double]) -> JSONValue { problem.isVector ? .number(values[0]) : vector(values) }
        /// Column values per feature back into the shape of x.
        func shaped(_ columns: [[Double]]) -> JSONValue {
            problem.isVector ? vector(columns[0]) : .array((0..<problem.m).map { i in vector(columns.map { $0[i] }) })
        }
        var members: [(String, JSONValue)] = [
            ("mean", perFeature(f.map(\.mean))), ("var", perFeature(f.map(\.variance))),
            ("x_hat", shaped(f.map(\.xHat))), ("y", shaped(f.map(\.y))),
        ]
        if problem.mode == .training {
            members += [("running_mean", perFeature(f.map { $0.runningMean! })), ("running_var", perFeature(f.map { $0.runningVar! }))]
        }
        if problem.gradOutput != nil {
            members += [
                ("grad_x", shaped(f.map { $0.gradX! })), ("grad_gamma", perFeature(f.map { $0.gradGamma! })),
                ("grad_beta", perFeature(f.map { $0.gradBeta! })),
            ]
        }
        return .object(members)
    }

    static func trace(_ solution: Solution) -> Trace { solution.trace }

    static func present(_ problem: Problem, _ solution: Solution, in context: PresentationContext) -> Presentation {
        var presenter = BatchNormPresenter(solution: solution, templates: context.templates)
        return presenter.presentation()
    }
}

/// What the printed answer key shows (`FinalAnswers`): y, the updated running statistics, and the backward pass's
/// gradients; μ, σ² and x̂ are working.
extension BatchNormTopic {
    static let finalAnswers: FinalAnswers = ["y", "running_mean", "running_var", "grad_x", "grad_gamma", "grad_beta"]
}
