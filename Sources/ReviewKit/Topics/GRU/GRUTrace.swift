/// Records GRU steps as worked steps, each once, in the order computed: per
/// step t the reset and update gates (pre-activation entry by entry, then
/// σ), what the reset gate multiplies (`reset_input`: W^{(h̃)} h_{t−1} or
/// r_t ⊙ h_{t−1}), the candidate's pre-activation and tanh, then h_t.
/// Ids follow the answers' paths with the step's row (`pre_activations.r[0]`,
/// `r[0]`, `h_tilde[0]`, `h[0]`).
enum GRUTrace {
    static func record(_ problem: GRUTopic.Problem, _ steps: [GRUSolver.Step]) -> Trace {
        var trace = Trace()
        for step in steps {
            let t = step.t, row = t - 1
            func gate(_ gate: GRUTopic.Gate) {
                GatedCellSheet.recordGate(
                    &trace, id: gate.rawValue, label: gate.label, t: t, pre: step.pre[gate.index],
                    preValues: step.preValues[gate.index], activation: gate == .hTilde ? .tanh : .sigmoid,
                    value: Notation.gate(gate, t), values: step.value(gate))
            }
            gate(.r)
            gate(.z)
            let input = Notation.resetInput(problem.reset, t)
            let candidate = problem.gates[GRUTopic.Gate.hTilde.index]
            trace.record(WorkedStep(
                id: "reset_input[\(row)]", label: input.plainLabel, formula: input, name: input,
                substituted: problem.reset == .after
                    ? .vector(Formula.rowProducts(candidate.wh, step.hPrevious))
                    : .hadamard(.vector(step.value(.r)), .vector(step.hPrevious)),
                value: .vector(step.resetInput)))
            gate(.hTilde)
            let h = CellNotation.at("h", t)
            let z = step.value(.z)
            trace.record(WorkedStep(
                id: "h[\(row)]", label: "h_\(t)", formula: h .= Notation.update(problem.zWeights, t), name: h,
                substituted: problem.zWeights == .previous
                    ? .hadamard(.vector(z), .vector(step.hPrevious)) + .hadamard(.vector(CellMath.oneMinus(z)), .vector(step.value(.hTilde)))
                    : .hadamard(.vector(CellMath.oneMinus(z)), .vector(step.hPrevious)) + .hadamard(.vector(z), .vector(step.value(.hTilde))),
                value: .vector(step.h)))
        }
        return trace
    }

    /// The symbols of a GRU step under its conventions.
    enum Notation {
        /// `r_t`, `z_t`, `h̃_t`
        static func gate(_ gate: GRUTopic.Gate, _ t: Int) -> Formula {
            gate == .hTilde ? CellNotation.at("h", t, accent: .tilde) : CellNotation.at(gate.rawValue, t)
        }

        /// What the reset gate multiplies: `W^{(h̃)} h_{t−1}` (after) or `r_t ⊙ h_{t−1}` (before).
        static func resetInput(_ reset: GRUTopic.Reset, _ t: Int) -> Formula {
            let h = CellNotation.at("h", t - 1)
            return reset == .after
                ? .juxtapose(CellNotation.weight("W", GRUTopic.Gate.hTilde.label), h) : .hadamard(CellNotation.at("r", t), h)
        }

        /// `z_t ⊙ h_{t−1} + (1 − z_t) ⊙ h̃_t` or the other way round.
        static func update(_ weights: GRUTopic.ZWeights, _ t: Int) -> Formula {
            let z = CellNotation.at("z", t), h = CellNotation.at("h", t - 1), candidate = gate(.hTilde, t)
            return weights == .previous
                ? .hadamard(z, h) + .hadamard(1 - z, candidate) : .hadamard(1 - z, h) + .hadamard(z, candidate)
        }

        /// Entry k of h_t written out with the numbers.
        static func updateEntry(_ weights: GRUTopic.ZWeights, _ step: GRUSolver.Step, _ k: Int) -> Formula {
            let z = Formula.number(step.value(.z)[k]), h = Formula.number(step.hPrevious[k])
            let candidate = Formula.number(step.value(.hTilde)[k])
            return weights == .previous ? z * h + (1 - z) * candidate : (1 - z) * h + z * candidate
        }
    }
}
