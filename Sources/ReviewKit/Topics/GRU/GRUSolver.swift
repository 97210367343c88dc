/// The numbers of GRU steps, gate by gate, under the problem's conventions:
///
///     r = σ(W^{(r)} h_{t−1} + U^{(r)} x_t + b^{(r)}),  z likewise
///     reset after:  ã = U^{(h̃)} x_t + r ⊙ (W^{(h̃)} h_{t−1}) + b^{(h̃)}   (notes 004, PyTorch with b_hn = 0)
///     reset before: ã = W^{(h̃)} (r ⊙ h_{t−1}) + U^{(h̃)} x_t + b^{(h̃)}   (Cho et al., Keras)
///     h̃ = tanh(ã)
///     z on the previous state:  h_t = z ⊙ h_{t−1} + (1 − z) ⊙ h̃   (notes 004, PyTorch)
///     z on the candidate:       h_t = (1 − z) ⊙ h_{t−1} + z ⊙ h̃   (Chung et al. 2014, colah)
///
/// No wording and no formatting here.
enum GRUSolver {
    struct Step: Sendable {
        var t: Int
        var x: [Double]
        var hPrevious: [Double]
        /// r, z, h̃ in `GRUTopic.Gate.allCases` order.
        var pre: [PreActivation]
        var preValues: [[Double]]
        var gateValues: [[Double]]
        /// W^{(h̃)} h_{t−1} (reset after) or r ⊙ h_{t−1} (reset before).
        var resetInput: [Double]
        var h: [Double]

        func value(_ gate: GRUTopic.Gate) -> [Double] { gateValues[gate.index] }
    }

    static func solve(_ problem: GRUTopic.Problem, slip: GRUTopic.Slip? = nil) throws -> [Step] {
        var reset = problem.reset
        if slip == .resetMisplaced { reset = reset == .after ? .before : .after }
        var zWeights = problem.zWeights
        if slip == .zSwapped { zWeights = zWeights == .previous ? .candidate : .previous }
        var h = problem.h0
        var steps: [Step] = []
        for (row, x) in problem.x.enumerated() {
            let t = row + 1
            func checked(_ a: PreActivation, _ gate: GRUTopic.Gate) throws -> [Double] {
                let v = a.values
                guard v.allSatisfy(\.isFinite) else {
                    throw SolveError(
                        JSONPath.root.appending(key: "gates").appending(key: gate.rawValue),
                        "the pre-activation of this gate overflows at step \(t)")
                }
                return v
            }
            var pre: [PreActivation] = []
            var values: [[Double]] = []
            for gate in [GRUTopic.Gate.r, .z] {
                let a = CellNotation.standard(problem.gates[gate.index], label: gate.label, t: t, h: h, x: x)
                pre.append(a)
                values.append(CellMath.apply(.sigmoid, try checked(a, gate)))
            }
            let r = slip == .resetForgotten ? Array(repeating: 1.0, count: h.count) : values[0]
            let candidate = problem.gates[GRUTopic.Gate.hTilde.index]
            let label = GRUTopic.Gate.hTilde.label
            let resetInput: [Double]
            let a: PreActivation
            switch reset {
            case .after:
                resetInput = CellMath.matrixVector(candidate.wh, h)
                a = PreActivation(terms: [
                    .product(candidate.ux, CellNotation.weight("U", label), x, CellNotation.at("x", t)),
                    .elementwise(r, CellNotation.at("r", t), resetInput, .juxtapose(CellNotation.weight("W", label), CellNotation.at("h", t - 1))),
                    .bias(candidate.b, CellNotation.weight("b", label)),
                ])
            case .before:
                resetInput = CellMath.hadamard(r, h)
                a = PreActivation(terms: [
                    .product(candidate.wh, CellNotation.weight("W", label), resetInput, .hadamard(CellNotation.at("r", t), CellNotation.at("h", t - 1))),
                    .product(candidate.ux, CellNotation.weight("U", label), x, CellNotation.at("x", t)),
                    .bias(candidate.b, CellNotation.weight("b", label)),
                ])
            }
            pre.append(a)
            let hTilde = CellMath.apply(.tanh, try checked(a, .hTilde))
            values.append(hTilde)
            let z = values[1]
            let newH = h.indices.map { k in
                zWeights == .previous ? z[k] * h[k] + (1 - z[k]) * hTilde[k] : (1 - z[k]) * h[k] + z[k] * hTilde[k]
            }
            steps.append(Step(
                t: t, x: x, hPrevious: h, pre: pre, preValues: pre.map(\.values), gateValues: values, resetInput: resetInput,
                h: newH))
            h = newH
        }
        return steps
    }
}
