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

    struct Problem: Sendable {
        /// T×d, row t−1 is x_t.
        var x: [[Double]]
        /// i, f, o, g.
        var gates: [GateParameters]
        var h0: [Double]
        var c0: [Double]

        var units: Int { gates.first?.wh.count ?? 0 }
    }

    struct Solution: Sendable {
        var problem: Problem
        var steps: [LSTMSolver.Step]
        var trace: Trace
    }

    static let name = "lstm"
    /// Steps a problem may have (each is a page of a sheet; JSON takes them all).
    static let maxSteps = 1000
    /// Steps a worked sheet shows.
    static let maxSheetSteps = 50

    static let blank = Problem(x: [], gates: [], h0: [], c0: [])

    static let gateSchema = GateDecoding.schema(peephole: true)

    /// The README table of `gates`.
    static let gatesSchema = FieldSchema<Problem>(Gate.allCases.map { gate in
        .readWithSiblings(
            gate.rawValue, type: "gate object (table below)",
            doc: [Gate.i: "input gate: $i_t = \\sigma(a)$", .f: "forget gate: $f_t = \\sigma(a)$",
                  .o: "output gate: $o_t = \\sigma(a)$", .g: "candidate $g_t = \\tilde c_t = \\tanh(a)$ (no peephole)"][gate]!,
            write: { gateSchema.encodedObject($0.gates[gate.index]) })
    })

    static let schema = FieldSchema<Problem>([
        .custom(
            "x", type: "T×d matrix", doc: "the inputs, row $t-1$ is $x_t$ (one row per step)",
            read: { field, problem in problem.x = try GateDecoding.inputs(field, maxSteps: maxSteps) },
            write: { GateDecoding.matrixJSON($0.x) }),
        .custom(
            "gates", type: "object with `i`, `f`, `o`, `g` (tables below)",
            doc: "each gate's $W$ (`Wh`, on $h_{t-1}$), $U$ (`Ux`, on $x_t$) and $b$; the first matrix sets the $n$ units",
            read: { field, problem in problem.gates = try gates(field, inputs: problem.x[0].count) },
            write: { gatesSchema.encodedObject($0) }),
        .custom(
            "h0", type: "vector of n numbers", default: "zeros", doc: "$h_0$",
            read: { field, problem in problem.h0 = try GateDecoding.vector(field, count: problem.units) },
            write: { GateDecoding.vectorJSON($0.h0) }),
        .custom(
            "c0", type: "vector of n numbers", default: "zeros", doc: "$c_0$",
            read: { field, problem in problem.c0 = try GateDecoding.vector(field, count: problem.units) },
            write: { GateDecoding.vectorJSON($0.c0) }),
    ])

    static func gates(_ field: Field, inputs d: Int) throws -> [GateParameters] {
        let object = try field.object(allowedKeys: Gate.allCases.map(\.rawValue))
        var gates: [GateParameters] = []
        for gate in Gate.allCases {
            gates.append(try GateDecoding.gate(
                try object.required(gate.rawValue), units: gates.first?.wh.count, inputs: d, allowsPeephole: gate != .g,
                peepholeRefusal: "the candidate g has no peephole (peepholes feed the cell to the gates i, f and o)"))
        }
        return gates
    }

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

    static func sheetLimit(_ solution: Solution) -> SolveError? {
        guard solution.steps.count > maxSheetSteps else { return nil }
        return SolveError(
            at: "x", "has \(solution.steps.count) steps; a worked sheet takes at most \(maxSheetSteps) (--format json gives the answers)")
    }

    static func answers(_ solution: Solution) -> JSONValue {
        answers(solution.steps)
    }

    /// The answers of these steps (right, or a slip's).
    static func answers(_ steps: [LSTMSolver.Step]) -> JSONValue {
        func rows(_ pick: (LSTMSolver.Step) -> [Double]) -> JSONValue { GateDecoding.matrixJSON(steps.map(pick)) }
        return .object([
            ("pre_activations", .object(Gate.allCases.map { gate in (gate.rawValue, rows { $0.preValues[gate.index] }) })),
        ] + Gate.allCases.map { gate in (gate.rawValue, rows { $0.value(gate) }) } + [
            ("c", rows(\.c)),
            ("h", rows(\.h)),
        ])
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
