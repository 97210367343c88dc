/// `attention`: attention weights and context vectors, the exam question
/// "given queries, keys and values, compute the attention weights and the
/// output". Two forms, as the contract says:
///
/// - scaled dot-product (Vaswani et al. 2017, "Attention Is All You Need"):
///   S = scale · QKᵀ, A = softmax of each row over the keys, output AV;
/// - encoder–decoder soft attention (notes 003 "对编码器所有时间步的隐藏状态
///   做加权平均"): scores e_j of the decoder state s against each encoder
///   state h_j (dot, general or additive), α = softmax(e), c = Σ_j α_j h_j.
///
/// A mask leaves a key out of a query's softmax: its weight is exactly 0.
enum AttentionTopic: SchemaTopic, GeneratedTopic {
    typealias Generator = AttentionGenerator

    /// `scale` of the Q/K/V form.
    enum Scale: Sendable, Equatable {
        /// 1/√d_k (`true`, the default).
        case standard
        /// No scaling (`false`).
        case none
        case value(Double)
    }

    /// How the soft form scores s against h_j.
    enum Score: String, CaseIterable, Sendable {
        /// sᵀ h_j
        case dot
        /// sᵀ W h_j (Luong)
        case general
        /// vᵀ tanh(W1 h_j + W2 s) (Bahdanau)
        case additive
    }

    enum Form: Sendable, Equatable {
        /// Q n×d_k, K m×d_k, V m×d_v.
        case queries
        /// decoder_state s (d_s), encoder_states H (m×d_h).
        case soft
    }

    struct Problem: Sendable {
        var form: Form
        var Q: [[Double]] = []
        var K: [[Double]] = []
        var V: [[Double]] = []
        var scale = Scale.standard
        var decoderState: [Double] = []
        var encoderStates: [[Double]] = []
        var score = Score.dot
        var W: [[Double]]?
        var W1: [[Double]]?
        var W2: [[Double]]?
        var v: [Double]?
        /// One row per query (a single vector given applies to every query);
        /// nil: no mask. `vectorMask` remembers the form the file gave.
        var mask: [[Bool]]?
        var vectorMask = false

        /// Rows of the softmax: the queries, or the one decoder state.
        var queries: Int { form == .queries ? Q.count : 1 }
        /// Keys: rows of K, or encoder states.
        var keys: Int { form == .queries ? K.count : encoderStates.count }
        /// Whether query i may attend to key j.
        func allowed(_ i: Int, _ j: Int) -> Bool {
            guard let mask else { return true }
            return mask[vectorMask ? 0 : i][j]
        }
        /// The number the scores are multiplied by.
        var factor: Double {
            switch scale {
            case .standard: return 1 / Double(Q.first?.count ?? 1).squareRoot()
            case .none: return 1
            case .value(let c): return c
            }
        }
    }

    typealias Solution = SolverSolution<Problem, AttentionSolver.Result>

    static let name = "attention"

    /// The contract's slips (mistake diagnosis): each gives the answers a
    /// student who makes it would write (`slipAnswers`).
    enum Slip: String, CaseIterable, Sendable {
        /// 忘了除以 √d_k: no scaling.
        case scaleForgotten = "scale-forgotten"
        /// 用 K 代替 V: output AK.
        case keysAsValues = "keys-as-values"
        /// 没有归一化: the raw scores used as weights.
        case noSoftmax = "no-softmax"

        /// The contract's Chinese name.
        var zh: String {
            switch self {
            case .scaleForgotten: return "忘了除以 √d_k"
            case .keysAsValues: return "用 K 代替 V"
            case .noSoftmax: return "没有归一化"
            }
        }
    }

    /// The whole `answers` object of a student making `slip`, or nil where
    /// it cannot occur here (scaling and K ≠ V exist only in the Q/K/V form;
    /// a scale of 1 has nothing to forget) or changes nothing.
    static func slipAnswers(_ problem: Problem, _ slip: Slip) throws -> JSONValue? {
        let right = try solve(problem)
        var wrong = right.result
        switch slip {
        case .scaleForgotten:
            guard problem.form == .queries, problem.factor != 1 else { return nil }
            var unscaled = problem
            unscaled.scale = .none
            wrong = AttentionSolver.solve(unscaled)
        case .keysAsValues:
            guard problem.form == .queries else { return nil }
            wrong.output = wrong.weights.map { a in
                (0..<problem.K[0].count).map { d in MatrixMath.sum(a.indices.map { a[$0] * problem.K[$0][d] }) }
            }
        case .noSoftmax:
            let values = problem.form == .queries ? problem.V : problem.encoderStates
            wrong.weights = wrong.scores.enumerated().map { i, row in row.indices.map { problem.allowed(i, $0) ? row[$0] : 0 } }
            wrong.output = wrong.weights.map { a in
                (0..<values[0].count).map { d in MatrixMath.sum(a.indices.map { a[$0] * values[$0][d] }) }
            }
        }
        var solution = right
        solution.result = wrong
        let answers = self.answers(solution)
        return answers == self.answers(right) ? nil : answers
    }

    // MARK: Reading and writing problems

    static let blank = Problem(form: .queries)

    static let schema = FieldSchema<Problem>([
        .custom(
            "Q", type: "n×d_k matrix", default: "none", doc: "the queries, one per row (scaled dot-product form)",
            read: { field, problem in problem.Q = try AttentionDecoder.matrix(field, rows: nil, columns: nil) },
            write: { $0.form == .queries ? matrix($0.Q) : .null }),
        .custom(
            "K", type: "m×d_k matrix", default: "none", doc: "the keys, one per row",
            read: { field, problem in problem.K = try AttentionDecoder.matrix(field, rows: nil, columns: problem.Q[0].count) },
            write: { $0.form == .queries ? matrix($0.K) : .null }),
        .custom(
            "V", type: "m×d_v matrix", default: "none", doc: "the values, one per key",
            read: { field, problem in problem.V = try AttentionDecoder.matrix(field, rows: problem.K.count, columns: nil) },
            write: { $0.form == .queries ? matrix($0.V) : .null }),
        .custom(
            "scale", type: "`true`, `false` or a number > 0", default: "true",
            doc: "$S = \\text{scale} \\cdot Q K^T$: `true` is $1/\\sqrt{d_k}$, `false` is 1",
            read: { field, problem in problem.scale = try AttentionDecoder.scale(field, form: problem.form) },
            write: { problem in
                guard problem.form == .queries else { return .null }
                switch problem.scale {
                case .standard: return .bool(true)
                case .none: return .bool(false)
                case .value(let c): return .number(c)
                }
            }),
        .custom(
            "decoder_state", type: "vector of d_s numbers", default: "none",
            doc: "$s$, the decoder state (encoder–decoder soft attention)",
            read: { field, problem in problem.decoderState = try AttentionDecoder.vector(field, count: nil) },
            write: { $0.form == .soft ? vector($0.decoderState) : .null }),
        .custom(
            "encoder_states", type: "m×d_h matrix", default: "none", doc: "$H$, the encoder states $h_j$, one per row",
            read: { field, problem in problem.encoderStates = try AttentionDecoder.matrix(field, rows: nil, columns: nil) },
            write: { $0.form == .soft ? matrix($0.encoderStates) : .null }),
        .custom(
            "score", type: "`\"dot\"` or `\"general\"` or `\"additive\"`", default: "\"dot\"",
            doc: "$s^T h_j$, $s^T W h_j$ (Luong) or $v^T \\tanh(W_1 h_j + W_2 s)$ (Bahdanau); soft form only",
            read: { field, problem in problem.score = try AttentionDecoder.score(field, problem) },
            write: { $0.form == .soft ? .string($0.score.rawValue) : .null }),
        .custom(
            "W", type: "d_s×d_h matrix", default: "none", doc: "$W$ of the `general` score",
            read: { field, problem in problem.W = try AttentionDecoder.scoreWeights(field, problem) },
            write: { $0.W.map(matrix) ?? .null }),
        .custom(
            "W1", type: "d_a×d_h matrix", default: "none", doc: "$W_1$ of the `additive` score",
            read: { field, problem in problem.W1 = try AttentionDecoder.scoreWeights(field, problem) },
            write: { $0.W1.map(matrix) ?? .null }),
        .custom(
            "W2", type: "d_a×d_s matrix", default: "none", doc: "$W_2$ of the `additive` score",
            read: { field, problem in problem.W2 = try AttentionDecoder.scoreWeights(field, problem) },
            write: { $0.W2.map(matrix) ?? .null }),
        .custom(
            "v", type: "vector of d_a numbers", default: "none", doc: "$v$ of the `additive` score",
            read: { field, problem in problem.v = try AttentionDecoder.additiveVector(field, problem) },
            write: { $0.v.map(vector) ?? .null }),
        .custom(
            "mask", type: "m booleans, or n×m (Q/K/V form)", default: "none",
            doc: "`true`: the query may attend to the key; `false`: weight 0, left out of the softmax",
            read: { field, problem in
                (problem.mask, problem.vectorMask) = try AttentionDecoder.mask(field, problem)
            },
            write: { problem in
                guard let mask = problem.mask else { return .null }
                let rows = mask.map { JSONValue.array($0.map { .bool($0) }) }
                return problem.vectorMask ? rows[0] : .array(rows)
            }),
    ])

    static func decode(_ object: ObjectFields) throws -> Problem {
        let problem = try schema.decode(object, into: AttentionDecoder.blank(for: object))
        try AttentionDecoder.checkComplete(problem, object)
        return problem
    }

    static func matrix(_ m: [[Double]]) -> JSONValue { .array(m.map(vector)) }
    static func vector(_ v: [Double]) -> JSONValue { .array(v.map { .number($0) }) }

    // MARK: Solving

    static func solve(_ problem: Problem) throws -> Solution {
        let result = AttentionSolver.solve(problem)
        return Solution(problem: problem, result: result, trace: AttentionTrace.record(problem, result))
    }

    static func answers(_ solution: Solution) -> JSONValue {
        let r = solution.result
        if solution.problem.form == .soft {
            return .object([("scores", vector(r.scores[0])), ("weights", vector(r.weights[0])), ("output", vector(r.output[0]))])
        }
        return .object([("scores", matrix(r.scores)), ("weights", matrix(r.weights)), ("output", matrix(r.output))])
    }

    static func present(_ problem: Problem, _ solution: Solution, in context: PresentationContext) -> Presentation {
        var presenter = AttentionPresenter(solution: solution, templates: context.templates)
        return presenter.presentation()
    }
}

/// What the printed answer key shows (`FinalAnswers`): the attention weights and the output (context vector); the
/// raw scores are working.
extension AttentionTopic {
    static let finalAnswers: FinalAnswers = ["weights", "output"]
}
