/// `gru`: GRU steps worked gate by gate under named conventions: the reset
/// gate applied after or before W^{(h̃)} meets h_{t−1}, and z weighting the
/// previous state or the candidate. Each pre-activation W h_{t−1} + U x_t + b
/// is written out with the numbers, then σ or tanh, then h_t.
enum GRUTopic: SchemaTopic, GeneratedTopic {
    typealias Generator = GRUGenerator

    enum Gate: String, CaseIterable, Sendable {
        case r, z
        case hTilde = "h_tilde"

        var index: Int { Self.allCases.firstIndex(of: self)! }
        /// `r`, `z`, `h̃`
        var label: Formula { self == .hTilde ? .symbol("h", accent: .tilde) : .symbol(rawValue) }
    }

    /// Where the reset gate acts in the candidate.
    enum Reset: String, CaseIterable, Sendable {
        /// h̃ = tanh(U x + r ⊙ (W h) + b): notes 004, PyTorch (b_hn = 0).
        case after
        /// h̃ = tanh(W (r ⊙ h) + U x + b): Cho et al.'s final version, Keras.
        case before
    }

    /// Which term z weights in h_t.
    enum ZWeights: String, CaseIterable, Sendable {
        /// h = z ⊙ h_{t−1} + (1 − z) ⊙ h̃: notes 004, PyTorch.
        case previous
        /// h = (1 − z) ⊙ h_{t−1} + z ⊙ h̃: Chung et al. 2014, colah, Wikipedia.
        case candidate
    }

    /// The contract's slips (mistake diagnosis).
    enum Slip: String, CaseIterable, Sendable {
        /// z 与 1−z 用反: the other `z_weights`' h
        case zSwapped = "z-swapped"
        /// 重置门位置放错: the other `reset`'s h̃
        case resetMisplaced = "reset-misplaced"
        /// 忘了重置门: h̃ with r = 1
        case resetForgotten = "reset-forgotten"

        var zh: String {
            switch self {
            case .zSwapped: return "z 与 1−z 用反"
            case .resetMisplaced: return "重置门位置放错"
            case .resetForgotten: return "忘了重置门"
            }
        }
    }

    struct Problem: GatedCellProblem {
        typealias Gate = GRUTopic.Gate
        var x: [[Double]]
        /// r, z, h̃.
        var gates: [GateParameters]
        var h0: [Double]
        var reset = Reset.after
        var zWeights = ZWeights.previous
    }

    struct Solution: Sendable {
        var problem: Problem
        var steps: [GRUSolver.Step]
        var trace: Trace
    }

    static let name = "gru"

    static let blank = Problem(x: [], gates: [], h0: [])

    static let gateSchema = GateDecoding.schema(peephole: false)

    static let gatesSchema = FieldSchema<Problem>.cellGateTable(gateSchema) { gate in
        [Gate.r: "reset gate: $r_t = \\sigma(a)$", .z: "update gate: $z_t = \\sigma(a)$",
         .hTilde: "candidate $\\tilde h_t = \\tanh(a)$, $a$ as `reset` says"][gate]!
    }

    static let schema = FieldSchema<Problem>([
        .cellInputs,
        .cellGates(gatesSchema) { field, d in
            try GateDecoding.gates(field, Gate.self, inputs: d, allowsPeephole: { _ in nil })
        },
        .cellStart("h0", \.h0),
        .choice(
            "reset", \.reset, default: .after,
            doc: "`after`: $\\tanh(U x_t + r_t \\odot (W h_{t-1}) + b)$ (notes 004, PyTorch); `before`: $\\tanh(W (r_t \\odot h_{t-1}) + U x_t + b)$ (Cho et al., Keras)"),
        .choice(
            "z_weights", \.zWeights, default: .previous,
            doc: "`previous`: $h_t = z_t \\odot h_{t-1} + (1 - z_t) \\odot \\tilde h_t$ (notes 004, PyTorch); `candidate`: $h_t = (1 - z_t) \\odot h_{t-1} + z_t \\odot \\tilde h_t$ (Chung et al., colah)"),
    ])

    static func decode(_ object: ObjectFields) throws -> Problem {
        var problem = try schema.decode(object, into: blank)
        if problem.h0.isEmpty { problem.h0 = Array(repeating: 0, count: problem.units) }
        return problem
    }

    static func solve(_ problem: Problem) throws -> Solution {
        let steps = try GRUSolver.solve(problem)
        return Solution(problem: problem, steps: steps, trace: GRUTrace.record(problem, steps))
    }

    static func sheetLimit(_ solution: Solution) -> SolveError? { GatedCellLimits.sheetLimit(steps: solution.steps.count) }

    static func answers(_ solution: Solution) -> JSONValue { answers(solution.steps) }

    static func answers(_ steps: [GRUSolver.Step]) -> JSONValue {
        GateDecoding.stepAnswers(steps, Gate.self, pre: \.preValues, values: \.gateValues, extra: [("h", \.h)])
    }

    static func slipAnswers(_ problem: Problem, _ slip: Slip) throws -> JSONValue {
        answers(try GRUSolver.solve(problem, slip: slip))
    }

    static func trace(_ solution: Solution) -> Trace { solution.trace }

    static func present(_ problem: Problem, _ solution: Solution, in context: PresentationContext) -> Presentation {
        var presenter = GRUPresenter(solution: solution, templates: context.templates)
        return presenter.presentation()
    }
}

/// What the printed answer key shows (`FinalAnswers`): the hidden states h_t; the gates and the candidate are
/// working.
extension GRUTopic {
    static let finalAnswers: FinalAnswers = ["h"]
}
