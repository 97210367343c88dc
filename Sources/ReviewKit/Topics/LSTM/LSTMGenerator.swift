/// Makes LSTM steps a student can work with a calculator, as the contract
/// says per difficulty:
///
/// - easy: one unit, one input, one step, h_0 = c_0 = 0.
/// - standard: two units, one or two inputs, one or two steps, c_0 ≠ 0.
/// - hard: two units, two inputs, two or three steps, and either one gate
///   written as a single `W` on [h_{t−1}, x_t] or peepholes on i, f and o.
///
/// Weights and peepholes are halves in [−1, 1], biases and states tenths, inputs small
/// integers, so every pre-activation is a short decimal.
enum LSTMGenerator: ProblemGenerator {
    static func generate(_ random: inout RandomSource, difficulty: Difficulty) -> LSTMTopic.Problem {
        let (n, d, steps): (Int, Int, Int)
        switch difficulty {
        case .easy: (n, d, steps) = (1, 1, 1)
        case .standard: (n, d, steps) = (2, random.int(in: 1...2), random.int(in: 1...2))
        case .hard: (n, d, steps) = (2, 2, random.int(in: 2...3))
        }
        var x = (0..<steps).map { _ in (0..<d).map { _ in Double(random.int(in: -1...2)) } }
        if x.allSatisfy({ $0.allSatisfy { $0 == 0 } }) { x[0][0] = 1 }
        var gates = LSTMTopic.Gate.allCases.map { gate in
            GateParameters(
                wh: matrix(&random, n, n), ux: matrix(&random, n, d),
                b: (0..<n).map { _ in gate == .f ? random.tenths(in: 0...1) : Double(random.int(in: -5...5)) / 10 })
        }
        var h0 = Array(repeating: 0.0, count: n), c0 = Array(repeating: 0.0, count: n)
        if difficulty != .easy {
            c0 = (0..<n).map { _ in random.tenths(in: -1...1) }
            if c0.allSatisfy({ $0 == 0 }) { c0[0] = 0.5 }
            h0 = (0..<n).map { _ in random.chance(0.5) ? Double(random.int(in: -5...5)) / 10 : 0 }
        }
        if difficulty == .hard {
            if random.chance(0.5) {
                gates[random.int(in: 0...3)].stacked = true
            } else {
                for gate in [LSTMTopic.Gate.i, .f, .o] {
                    gates[gate.index].peephole = (0..<n).map { _ in Double(random.int(in: -1...1)) / 2 }
                }
            }
        }
        return LSTMTopic.Problem(x: x, gates: gates, h0: h0, c0: c0)
    }

    /// Halves in [−1, 1], not all zero.
    static func matrix(_ random: inout RandomSource, _ rows: Int, _ columns: Int) -> [[Double]] {
        while true {
            let m = (0..<rows).map { _ in (0..<columns).map { _ in Double(random.int(in: -2...2)) / 2 } }
            if m.contains(where: { $0.contains { $0 != 0 } }) { return m }
        }
    }
}
