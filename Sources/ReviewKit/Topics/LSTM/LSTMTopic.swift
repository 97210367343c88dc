/// `lstm`: LSTM steps worked gate by gate, e.g. the contract's two-unit,
/// two-step example: each gate's pre-activation W h_{t−1} + U x_t + b with
/// the numbers put in, σ or tanh of it, the cell c_t = f ⊙ c_{t−1} + i ⊙ g
/// and the state h_t = o ⊙ tanh(c_t).
enum LSTMTopic: SchemaTopic, GeneratedTopic {
    typealias Generator = LSTMGenerator

    /// The gates in the contract's order (answers, `gates` keys).
    enum Gate: String, CaseIterable, Sendable {
        case i, f, o, g

        var index: Int { Self.allCases.firstIndex(of: self)! }
        /// The letter in formulas: `i`, `f`, `o`, `g`.
        var label: Formula { .symbol(rawValue) }
    }

    /// The contract's slips (mistake diagnosis): each gives the answers a
    /// student who makes it would write (`LSTMSolver.solve(_:slip:)`).
    enum Slip: String, CaseIterable, Sendable {
        /// 忘了 tanh: h_t = o_t ⊙ c_t
        case tanhCellForgotten = "tanh-cell-forgotten"
        /// 遗忘门输入门用反: c_t = i_t ⊙ c_{t−1} + f_t ⊙ g_t
        case forgetInputSwapped = "forget-input-swapped"
        /// 候选值用了 sigmoid: g_t = σ(a_g)
        case sigmoidCandidate = "sigmoid-candidate"

        /// The contract's Chinese name.
        var zh: String {
            switch self {
            case .tanhCellForgotten: return "忘了 tanh"
            case .forgetInputSwapped: return "遗忘门输入门用反"
            case .sigmoidCandidate: return "候选值用了 sigmoid"
            }
        }
    }

    struct Problem: GatedCellProblem {
        typealias Gate = LSTMTopic.Gate
        var x: [[Double]]
        /// i, f, o, g.
        var gates: [GateParameters]
        var h0: [Double]
        var c0: [Double]
    }

    struct Solution: Sendable {
        var problem: Problem
        var steps: [LSTMSolver.Step]
        var trace: Trace
    }

    static let name = "lstm"
    static let blank = Problem(x: [], gates: [], h0: [], c0: [])

    static let gateSchema = GateDecoding.schema(peephole: true)

    /// The README table of `gates`.
    static let gatesSchema = FieldSchema<Problem>.cellGateTable(gateSchema) { gate in
        [Gate.i: "input gate: $i_t = \\sigma(a)$", .f: "forget gate: $f_t = \\sigma(a)$",
         .o: "output gate: $o_t = \\sigma(a)$", .g: "candidate $g_t = \\tilde c_t = \\tanh(a)$ (no peephole)"][gate]!
    }

    static let schema = FieldSchema<Problem>([
        .cellInputs,
        .cellGates(gatesSchema) { field, d in
            try GateDecoding.gates(
                field, Gate.self, inputs: d, allowsPeephole: { $0 != .g },
                peepholeRefusal: "the candidate g has no peephole (peepholes feed the cell to the gates i, f and o)")
        },
        .cellStart("h0", \.h0),
        .cellStart("c0", \.c0),
    ])

    static func decode(_ object: ObjectFields) throws -> Problem {
        var problem = try schema.decode(object, into: blank)
        let n = problem.units
        if problem.h0.isEmpty { problem.h0 = Array(repeating: 0, count: n) }
        if problem.c0.isEmpty { problem.c0 = Array(repeating: 0, count: n) }
        return problem
    }

    static func solve(_ problem: Problem) throws -> Solution {
        let steps = try LSTMSolver.solve(problem)
        return Solution(problem: problem, steps: steps, trace: LSTMTrace.record(problem, steps))
    }

    static func sheetLimit(_ solution: Solution) -> SolveError? { GatedCellLimits.sheetLimit(steps: solution.steps.count) }

    static func answers(_ solution: Solution) -> JSONValue { answers(solution.steps) }

    /// The answers of these steps (right, or a slip's).
    static func answers(_ steps: [LSTMSolver.Step]) -> JSONValue {
        GateDecoding.stepAnswers(
            steps, Gate.self, pre: \.preValues, values: \.gateValues, extra: [("c", \.c), ("h", \.h)])
    }

    /// What a slip makes of this problem's answers.
    static func slipAnswers(_ problem: Problem, _ slip: Slip) throws -> JSONValue {
        answers(try LSTMSolver.solve(problem, slip: slip))
    }

    static func trace(_ solution: Solution) -> Trace { solution.trace }

    static func present(_ problem: Problem, _ solution: Solution, in context: PresentationContext) -> Presentation {
        var presenter = LSTMPresenter(solution: solution, templates: context.templates)
        return presenter.presentation()
    }
}

/// What the printed answer key shows (`FinalAnswers`): the cell and hidden states c_t and h_t; the gates are
/// working.
extension LSTMTopic {
    static let finalAnswers: FinalAnswers = ["c", "h"]
}
