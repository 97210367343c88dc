import Foundation

/// `loss`: a loss and its gradient with respect to the predictions, term by
/// term: MSE, MAE, Huber, hinge and binary cross-entropy element-wise;
/// multiclass hinge and cross-entropy row by row; `mean` or `sum`.
enum LossTopic: SchemaTopic, GeneratedTopic {
    typealias Generator = LossGenerator

    enum Kind: String, CaseIterable, Sendable {
        case mse, mae, huber, hinge, bce
        case multiclassHinge = "multiclass_hinge"
        case crossEntropy = "cross_entropy"

        /// Whether the loss takes one row (example) at a time.
        var rowWise: Bool { self == .multiclassHinge || self == .crossEntropy }
        var usesMargin: Bool { self == .hinge || self == .multiclassHinge }
    }

    /// A row-wise target: a class index or (cross-entropy) a distribution.
    enum RowTarget: Sendable, Equatable {
        case index(Int)
        case distribution([Double])
    }

    struct Problem: Sendable {
        var loss = Kind.mse
        /// One row per example; a vector is one row.
        var predictions: [[Double]] = []
        var isMatrix = false
        /// Element-wise targets, the predictions' shape.
        var targets: [[Double]] = []
        /// Row-wise targets, one per row.
        var rowTargets: [RowTarget] = []
        var delta: Double = 1
        var margin: Double = 1
        var fromLogits = false
        var reduction = LossReduction.mean
    }

    typealias Solution = SolverSolution<Problem, LossSolver.Result>

    static let name = "loss"
    static let maxEntries = 1000

    static let blank = Problem()

    static let schema = FieldSchema<Problem>([
        .choice("loss", \.loss, default: .mse, doc: "which loss (see below)"),
        .custom(
            "predictions", type: "vector of numbers, or a matrix (a row per example)", doc: "$\\hat y$ (probabilities for `bce` and `cross_entropy`, logits with `from_logits`, scores for `multiclass_hinge`)",
            read: { field, problem in (problem.predictions, problem.isMatrix) = try LossDecoding.predictions(field) },
            write: { p in p.isMatrix ? .array(p.predictions.map(LossDecoding.vector)) : LossDecoding.vector(p.predictions[0]) }),
        .custom(
            "from_logits", type: "`true` or `false`", default: "false (bce)", doc: "`bce` only: read predictions as logits $z$, $p = \\sigma(z)$",
            read: { field, problem in
                guard problem.loss == .bce else { throw field.error("is used only by bce, not by \(problem.loss.rawValue)") }
                problem.fromLogits = try field.bool()
            },
            write: { $0.loss == .bce ? .bool($0.fromLogits) : .null }),
        .custom(
            "target", type: "the predictions' shape; for row-wise losses a class index (or distribution) per row", doc: "$y$",
            read: { field, problem in try LossDecoding.targets(field, &problem) },
            write: { LossDecoding.encodeTargets($0) }),
        .custom(
            "delta", type: "number > 0", default: "1 (huber)", doc: "Huber's $\\delta$; only with `huber`",
            read: { field, problem in problem.delta = try LossDecoding.onlyWith(field, problem, [.huber]) },
            write: { $0.loss == .huber ? .number($0.delta) : .null }),
        .custom(
            "margin", type: "number > 0", default: "1 (hinges)", doc: "the margin $m$; only with `hinge` and `multiclass_hinge`",
            read: { field, problem in problem.margin = try LossDecoding.onlyWith(field, problem, [.hinge, .multiclassHinge]) },
            write: { $0.loss.usesMargin ? .number($0.margin) : .null }),
        .choice("reduction", \.reduction, default: .mean, doc: "`mean` over elements (rows for row-wise losses) or `sum`"),
    ])

    static func solve(_ problem: Problem) throws -> Solution {
        let result = LossSolver.solve(problem)
        guard result.loss.isFinite, result.gradient.allSatisfy({ $0.allSatisfy(\.isFinite) }) else {
            throw SolveError(at: "predictions", "the loss or its gradient is not finite for these predictions")
        }
        return Solution(problem: problem, result: result, trace: LossTrace.record(problem, result))
    }

    static func answers(_ solution: Solution) -> JSONValue {
        let p = solution.problem, r = solution.result
        func shaped(_ m: [[Double]]) -> JSONValue { p.isMatrix ? .array(m.map(LossDecoding.vector)) : LossDecoding.vector(m[0]) }
        let losses: JSONValue = p.loss.rowWise ? LossDecoding.vector(r.rowLosses) : shaped(r.terms)
        return .object([("losses", losses), ("loss", .number(r.loss)), ("gradient", shaped(r.gradient))])
    }

    static func present(_ problem: Problem, _ solution: Solution, in context: PresentationContext) -> Presentation {
        var presenter = LossPresenter(solution: solution, templates: context.templates)
        return presenter.presentation()
    }
}

/// What the printed answer key shows (`FinalAnswers`): the reduced loss and its gradient; the per-element losses
/// are working.
extension LossTopic {
    static let finalAnswers: FinalAnswers = ["loss", "gradient"]
}
