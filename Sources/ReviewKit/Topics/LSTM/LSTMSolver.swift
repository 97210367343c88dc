/// The numbers of LSTM steps, gate by gate, in the order a student works
/// them (Graves 2012, the notes' 000 and 004 equations):
///
///     a_q = W^{(q)} h_{t−1} + U^{(q)} x_t + b^{(q)}   (+ p_q ⊙ c for a peephole)
///     i = σ(a_i), f = σ(a_f), o = σ(a_o), g = tanh(a_g)
///     c_t = f ⊙ c_{t−1} + i ⊙ g,  h_t = o ⊙ tanh(c_t)
///
/// The output gate's peephole looks at the new cell c_t, so with one the
/// output gate is worked after the cell. No wording and no formatting here.
enum LSTMSolver {
    struct Step: Sendable {
        var t: Int
        var x: [Double]
        var hPrevious: [Double]
        var cPrevious: [Double]
        /// Per gate, in `LSTMTopic.Gate.allCases` order.
        var pre: [PreActivation]
        var preValues: [[Double]]
        var gateValues: [[Double]]
        var c: [Double]
        var tanhC: [Double]
        var h: [Double]

        func value(_ gate: LSTMTopic.Gate) -> [Double] { gateValues[gate.index] }
    }

    /// The right equations, or one of the contract's slips (for mistake
    /// diagnosis: the answers a student who makes it would give).
    static func solve(_ problem: LSTMTopic.Problem, slip: LSTMTopic.Slip? = nil) throws -> [Step] {
        var h = problem.h0, c = problem.c0
        var steps: [Step] = []
        for (row, x) in problem.x.enumerated() {
            let t = row + 1
            var pre: [PreActivation?] = Array(repeating: nil, count: 4)
            var values: [[Double]] = Array(repeating: [], count: 4)
            func work(_ gate: LSTMTopic.Gate, cell: (name: String, t: Int, values: [Double])) throws {
                let parameters = problem.gates[gate.index]
                var a = CellNotation.standard(parameters, label: gate.label, t: t, h: h, x: x)
                if let p = parameters.peephole {
                    a.terms.insert(
                        .elementwise(p, CellNotation.weight("p", gate.label), cell.values, CellNotation.at(cell.name, cell.t)),
                        at: 2)
                }
                let v = a.values
                guard v.allSatisfy(\.isFinite) else {
                    throw SolveError(
                        JSONPath.root.appending(key: "gates").appending(key: gate.rawValue),
                        "the pre-activation of this gate overflows at step \(t)")
                }
                pre[gate.index] = a
                let squash: Activation = gate == .g && slip != .sigmoidCandidate ? .tanh : .sigmoid
                values[gate.index] = CellMath.apply(squash, v)
            }
            let previousCell = (name: "c", t: t - 1, values: c)
            for gate in [LSTMTopic.Gate.i, .f, .g] { try work(gate, cell: previousCell) }
            let outputPeephole = problem.gates[LSTMTopic.Gate.o.index].peephole != nil
            if !outputPeephole { try work(.o, cell: previousCell) }
            let (i, f, g) = (values[0], values[1], values[3])
            let newC = slip == .forgetInputSwapped
                ? zip(CellMath.hadamard(i, c), CellMath.hadamard(f, g)).map { $0 + $1 }
                : zip(CellMath.hadamard(f, c), CellMath.hadamard(i, g)).map { $0 + $1 }
            if outputPeephole { try work(.o, cell: (name: "c", t: t, values: newC)) }
            let tanhC = CellMath.apply(.tanh, newC)
            let newH = CellMath.hadamard(values[2], slip == .tanhCellForgotten ? newC : tanhC)
            steps.append(Step(
                t: t, x: x, hPrevious: h, cPrevious: c, pre: pre.map { $0! }, preValues: pre.map { $0!.values },
                gateValues: values, c: newC, tanhC: tanhC, h: newH))
            h = newH
            c = newC
        }
        return steps
    }
}
