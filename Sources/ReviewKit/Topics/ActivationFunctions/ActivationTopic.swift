import Foundation

/// `activation`: values and derivatives of an activation function at given
/// points, and with `depth` the factor (w·f'(x))^n a gradient picks up
/// through n layers (vanishing for sigmoid, exploding for relu with w > 1).
enum ActivationTopic: SchemaTopic, GeneratedTopic {
    typealias Generator = ActivationGenerator

    /// The functions this topic takes (the shared `Activation` minus `linear`).
    enum Function: String, CaseIterable, Sendable {
        case sigmoid, tanh, relu
        case leakyRelu = "leaky_relu", elu, softplus

        var shared: Activation { Activation(rawValue: rawValue)! }
    }

    struct Problem: Sendable {
        var function = Function.sigmoid
        var points: [Double] = []
        /// α as given; nil means the function's default (or none).
        var alpha: Double?
        var kink = Activation.Kink.left
        var depth: Int?
        var weight: Double?

        /// α in use: the given one or the function's default.
        var effectiveAlpha: Double { alpha ?? function.shared.defaultAlpha ?? 0 }
        var effectiveWeight: Double { weight ?? 1 }
    }

    struct Solution: Sendable {
        var problem: Problem
        var values: [Double]
        var derivatives: [Double]
        /// (w·f'(x))^n per point, with `depth`.
        var chain: [Double]?
        var trace: Trace
    }

    static let name = "activation"
    static let maxPoints = 100

    static let blank = Problem()

    static let schema = FieldSchema<Problem>([
        .choice("function", \.function, default: .sigmoid, doc: "$f$: σ, tanh, ReLU, leaky ReLU, ELU or softplus"),
        .custom(
            "points", type: "non-empty list of numbers", doc: "the $x$ at which $f$ and $f'$ are wanted",
            read: { field, problem in
                let x = try field.numberArray()
                guard !x.isEmpty else { throw field.error("must have at least one entry, got an empty array") }
                guard x.count <= maxPoints else { throw field.error("has \(x.count) entries; at most \(maxPoints) points are supported") }
                problem.points = x
            },
            write: { .array($0.points.map { .number($0) }) }),
        .custom(
            "alpha", type: "number > 0", default: "0.01 (leaky_relu), 1 (elu)",
            doc: "α: leaky ReLU's slope for $x < 0$, ELU's scale; only with those two",
            read: { field, problem in
                guard problem.function.shared.defaultAlpha != nil else {
                    throw field.error("is used only by leaky_relu and elu, not by \(problem.function.rawValue)")
                }
                let alpha = try field.number()
                guard alpha > 0 else { throw field.error("must be a positive number, got \(field.describe())") }
                problem.alpha = alpha
            },
            write: { p in p.function.shared.defaultAlpha == nil ? .null : .number(p.effectiveAlpha) }),
        .choice("kink", \.kink, default: .left, doc: "the slope at exactly 0 of relu, leaky_relu, elu: `left` (0, α, α; PyTorch) or `right` (1; the notes' table)"),
        .custom(
            "depth", type: "integer 1 … 1000", default: "none", doc: "$n$: the layers a gradient passes through, each contributing $w f'(x)$",
            read: { field, problem in problem.depth = try field.int(in: 1...1000) },
            write: { $0.depth.map { .number($0) } ?? .null }),
        .custom(
            "weight", type: "number", default: "1 (with depth)", doc: "$w$ in $(w f'(x))^n$; only with `depth`",
            read: { field, problem in
                guard problem.depth != nil else { throw field.error("is used only with depth, which is not given") }
                problem.weight = try field.number()
            },
            write: { p in p.depth == nil ? .null : .number(p.effectiveWeight) }),
    ])

    static func solve(_ problem: Problem) throws -> Solution {
        let f = problem.function.shared, alpha = problem.effectiveAlpha
        let values = problem.points.map { f.value($0, alpha: alpha) }
        let derivatives = zip(problem.points, values).map { f.derivative(at: $0, output: $1, alpha: alpha, kink: problem.kink) }
        for (i, v) in values.enumerated() where !v.isFinite {
            throw SolveError(at: "points", index: i, "f(x) is not finite here")
        }
        var chain: [Double]?
        if let n = problem.depth {
            let w = problem.effectiveWeight
            chain = try derivatives.enumerated().map { i, d in
                let c = Foundation.pow(w * d, Double(n))
                guard c.isFinite else {
                    throw SolveError(at: "depth", "(w·f'(x))^n overflows at points[\(i)]: the product explodes past the largest double")
                }
                return c
            }
        }
        var solution = Solution(problem: problem, values: values, derivatives: derivatives, chain: chain, trace: Trace())
        solution.trace = ActivationTrace.record(solution)
        return solution
    }

    static func answers(_ solution: Solution) -> JSONValue {
        func vec(_ v: [Double]) -> JSONValue { .array(v.map { .number($0) }) }
        var members: [(String, JSONValue)] = [("values", vec(solution.values)), ("derivatives", vec(solution.derivatives))]
        if let chain = solution.chain { members.append(("chain", vec(chain))) }
        return .object(members)
    }

    static func trace(_ solution: Solution) -> Trace { solution.trace }

    static func present(_ problem: Problem, _ solution: Solution, in context: PresentationContext) -> Presentation {
        var presenter = ActivationPresenter(solution: solution, templates: context.templates)
        return presenter.presentation()
    }
}

/// What the printed answer key shows (`FinalAnswers`): f(x) and f′(x) at each point, and the chain factor when a
/// depth is given.
extension ActivationTopic {
    static let finalAnswers: FinalAnswers = ["values", "derivatives", "chain"]
}
