/// `rnn`: a vanilla RNN unrolled over T steps and trained by
/// backpropagation through time (BPTT), the exam question "compute two
/// steps of the RNN and the gradients of U, V, W". The letters are the
/// course's (notes 003 "注意三个权重矩阵！U、V、W", 004 s_t = f(Ux_t + Ws_{t−1})):
/// U takes the input, W the previous state, V gives the output.
///
/// a_t = U x_t + W s_{t−1} + b, s_t = f(a_t), o_t = V s_t + c; the loss is
/// the sum of the steps' losses, and so is each gradient (U, V, W are shared).
enum RNNTopic: SchemaTopic, GeneratedTopic {
    typealias Generator = RNNGenerator

    enum Output: String, CaseIterable, Sendable {
        /// ŷ_t = softmax(o_t), L_t the cross-entropy.
        case softmax
        /// L_t = ½‖o_t − y_t‖².
        case linear
    }

    /// One step's target, kept in the form the file gave it.
    enum Target: Sendable, Equatable {
        /// No loss at this step (`null`).
        case none
        /// A class index (softmax).
        case index(Int)
        /// A probability vector (softmax) or the k target numbers (linear).
        case vector([Double])
        /// One number (linear with k = 1).
        case scalar(Double)

        /// The target as a vector over `k` outputs; nil for `.none`.
        func values(k: Int) -> [Double]? {
            switch self {
            case .none: return nil
            case .index(let c): return (0..<k).map { $0 == c ? 1 : 0 }
            case .vector(let y): return y
            case .scalar(let y): return [y]
            }
        }
    }

    struct Problem: Sendable {
        /// x, T×d: row t−1 is x_t.
        var x: [[Double]]
        /// U, n×d
        var U: [[Double]]
        /// W, n×n
        var W: [[Double]]
        /// V, k×n
        var V: [[Double]]
        /// b (n), c (k), s0 (n); nil means zeros.
        var b: [Double]?
        var c: [Double]?
        var s0: [Double]?
        var activation = Activation.tanh
        var output = Output.softmax
        /// One per step, or nil: only the forward pass is asked.
        var targets: [Target]?

        var steps: Int { x.count }
        var inputs: Int { x.first?.count ?? 0 }
        var units: Int { U.count }
        var outputs: Int { V.count }
        var bias: [Double] { b ?? Array(repeating: 0, count: units) }
        var outputBias: [Double] { c ?? Array(repeating: 0, count: outputs) }
        var initialState: [Double] { s0 ?? Array(repeating: 0, count: units) }
    }

    struct Solution: Sendable {
        var problem: Problem
        var forward: RNNSolver.Forward
        /// nil without targets.
        var backward: RNNSolver.Backward?
        var trace: Trace
    }

    static let name = "rnn"

    /// The contract's slips (mistake diagnosis): each gives the answers a
    /// student who makes it would write (`slipAnswers`).
    enum Slip: String, CaseIterable, Sendable {
        /// 梯度只算最后一步: each sum keeps only its t = T term.
        case lastStepOnly = "last-step-only"
        /// 没有沿时间反传: ∂L/∂s_t without Wᵀδ_{t+1}.
        case noBPTT = "no-bptt"
        /// 导数代错值: tanh′ = 1 − a_t² instead of 1 − s_t² (sigmoid: a_t(1 − a_t)).
        case derivativeOfPreactivation = "derivative-of-preactivation"

        /// The contract's Chinese name.
        var zh: String {
            switch self {
            case .lastStepOnly: return "梯度只算最后一步"
            case .noBPTT: return "没有沿时间反传"
            case .derivativeOfPreactivation: return "导数代错值"
            }
        }
    }

    /// The whole `answers` object of a student making `slip`, or nil where
    /// the slip cannot occur here (no targets; one step for the first two;
    /// relu, whose derivative is the same from a_t or s_t) or changes nothing.
    static func slipAnswers(_ problem: Problem, _ slip: Slip) throws -> JSONValue? {
        guard problem.targets != nil else { return nil }
        switch slip {
        case .lastStepOnly, .noBPTT: if problem.steps == 1 { return nil }
        case .derivativeOfPreactivation: if problem.activation == .relu { return nil }
        }
        let right = try solve(problem)
        var wrong = right
        wrong.backward = RNNSolver.backward(problem, right.forward, slip: slip)
        let answers = self.answers(wrong)
        return answers == self.answers(right) ? nil : answers
    }

    // MARK: Reading and writing problems

    static let blank = Problem(x: [], U: [], W: [], V: [])

    static let schema = FieldSchema<Problem>([
        .custom(
            "x", type: "T×d matrix", doc: "the inputs, one row per step: row t−1 is $x_t$",
            read: { field, problem in problem.x = try RNNDecoder.inputs(field) },
            write: { matrix($0.x) }),
        .custom(
            "U", type: "n×d matrix", doc: "$U$, takes the input: $a_t = U x_t + W s_{t-1} + b$",
            read: { field, problem in problem.U = try RNNDecoder.matrix(field, rows: nil, columns: problem.inputs) },
            write: { matrix($0.U) }),
        .custom(
            "W", type: "n×n matrix", doc: "$W$, takes the previous state $s_{t-1}$",
            read: { field, problem in problem.W = try RNNDecoder.matrix(field, rows: problem.units, columns: problem.units) },
            write: { matrix($0.W) }),
        .custom(
            "V", type: "k×n matrix", doc: "$V$, gives the output: $o_t = V s_t + c$",
            read: { field, problem in problem.V = try RNNDecoder.matrix(field, rows: nil, columns: problem.units) },
            write: { matrix($0.V) }),
        .custom(
            "b", type: "vector of n numbers", default: "zeros", doc: "$b$, the state bias",
            read: { field, problem in problem.b = try RNNDecoder.vector(field, count: problem.units) },
            write: { vector($0.bias) }),
        .custom(
            "c", type: "vector of k numbers", default: "zeros", doc: "$c$, the output bias",
            read: { field, problem in problem.c = try RNNDecoder.vector(field, count: problem.outputs) },
            write: { vector($0.outputBias) }),
        .custom(
            "s0", type: "vector of n numbers", default: "zeros", doc: "$s_0$, the state before the first step",
            read: { field, problem in problem.s0 = try RNNDecoder.vector(field, count: problem.units) },
            write: { vector($0.initialState) }),
        .choice("activation", \.activation, among: [.tanh, .relu, .sigmoid], default: .tanh, doc: "$f$ in $s_t = f(a_t)$"),
        .choice(
            "output", \.output, default: .softmax,
            doc: "`softmax`: $\\hat y_t = \\operatorname{softmax}(o_t)$ with cross-entropy; `linear`: $L_t = \\frac{1}{2} \\lVert o_t - y_t \\rVert^2$"),
        .custom(
            "targets", type: "array of T targets: class index, probability vector, k numbers or `null`",
            default: "none",
            doc: "one per step (`null`: no loss there); without it only the forward pass is worked",
            read: { field, problem in problem.targets = try RNNDecoder.targets(field, for: problem) },
            write: { problem in problem.targets.map { .array($0.map(target)) } ?? .null }),
    ])

    static func matrix(_ m: [[Double]]) -> JSONValue { .array(m.map(vector)) }
    static func vector(_ v: [Double]) -> JSONValue { .array(v.map { .number($0) }) }

    private static func target(_ t: Target) -> JSONValue {
        switch t {
        case .none: return .null
        case .index(let k): return .number(k)
        case .vector(let y): return vector(y)
        case .scalar(let y): return .number(y)
        }
    }

    // MARK: Solving

    static func solve(_ problem: Problem) throws -> Solution {
        let forward = RNNSolver.forward(problem)
        let backward = problem.targets == nil ? nil : RNNSolver.backward(problem, forward)
        return Solution(
            problem: problem, forward: forward, backward: backward,
            trace: RNNTrace.record(problem, forward, backward))
    }

    static func answers(_ solution: Solution) -> JSONValue {
        let f = solution.forward
        var members: [(String, JSONValue)] = [
            ("pre_activations", matrix(f.a)), ("states", matrix(f.s)), ("outputs", matrix(f.o)),
        ]
        if solution.problem.output == .softmax { members.append(("probabilities", matrix(f.yHat))) }
        if let back = solution.backward {
            members += [
                ("losses", vector(f.losses)), ("loss", .number(f.loss)),
                ("output_gradients", matrix(back.g)), ("state_gradients", matrix(back.ds)), ("deltas", matrix(back.delta)),
                ("gradient", .object([
                    ("U", matrix(back.dU)), ("W", matrix(back.dW)), ("V", matrix(back.dV)),
                    ("b", vector(back.db)), ("c", vector(back.dc)),
                ])),
            ]
        }
        return .object(members)
    }

    static func trace(_ solution: Solution) -> Trace {
        solution.trace
    }

    static func present(_ problem: Problem, _ solution: Solution, in context: PresentationContext) -> Presentation {
        var presenter = RNNPresenter(solution: solution, templates: context.templates)
        return presenter.presentation()
    }
}

/// What the printed answer key shows (`FinalAnswers`): the loss (the outputs when no target is given) and the BPTT
/// gradients of U, W, V, b, c.
extension RNNTopic {
    static let finalAnswers: FinalAnswers = ["loss | outputs", "gradient"]
}
