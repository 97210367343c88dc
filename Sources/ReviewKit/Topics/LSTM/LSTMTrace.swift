/// Records LSTM steps as worked steps, each once, in the order computed:
/// per step t each gate's pre-activation (entry by entry) and value, then
/// c_t, tanh(c_t) and h_t. Ids follow the answers' paths with the step's
/// row (`pre_activations.i[0]`, `i[0]`, `c[0]`, `h[0]`; `tanh_c[0]` besides).
enum LSTMTrace {
    static func record(_ problem: LSTMTopic.Problem, _ steps: [LSTMSolver.Step]) -> Trace {
        var trace = Trace()
        for step in steps {
            let t = step.t, row = t - 1
            func gate(_ gate: LSTMTopic.Gate) {
                GatedCellSheet.recordGate(
                    &trace, id: gate.rawValue, label: gate.label, t: t, pre: step.pre[gate.index],
                    preValues: step.preValues[gate.index], activation: gate == .g ? .tanh : .sigmoid,
                    value: CellNotation.at(gate.rawValue, t), values: step.value(gate))
            }
            let peepholeOnOutput = problem.gates[LSTMTopic.Gate.o.index].peephole != nil
            for g in [LSTMTopic.Gate.i, .f] + (peepholeOnOutput ? [.g] : [.o, .g]) { gate(g) }
            let c = CellNotation.at("c", t)
            trace.record(WorkedStep(
                id: "c[\(row)]", label: "c_\(t)",
                formula: c .= .hadamard(CellNotation.at("f", t), CellNotation.at("c", t - 1))
                    + .hadamard(CellNotation.at("i", t), CellNotation.at("g", t)),
                name: c,
                substituted: .hadamard(.vector(step.value(.f)), .vector(step.cPrevious))
                    + .hadamard(.vector(step.value(.i)), .vector(step.value(.g))),
                value: .vector(step.c)))
            if peepholeOnOutput { gate(.o) }
            let tanhC = Activation.tanh.formula(c)
            trace.record(WorkedStep(
                id: "tanh_c[\(row)]", label: "tanh(c_\(t))", formula: tanhC, name: tanhC,
                substituted: .vector(step.c.map { Activation.tanh.formula(.number($0)) }), value: .vector(step.tanhC)))
            let h = CellNotation.at("h", t)
            trace.record(WorkedStep(
                id: "h[\(row)]", label: "h_\(t)", formula: h .= .hadamard(CellNotation.at("o", t), tanhC), name: h,
                substituted: .hadamard(.vector(step.value(.o)), .vector(step.tanhC)), value: .vector(step.h)))
        }
        return trace
    }
}
