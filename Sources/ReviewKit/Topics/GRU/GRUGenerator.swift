/// Makes GRU steps a student can work with a calculator, as the contract
/// says per difficulty:
///
/// - easy: one unit, one input, one step, h_0 ≠ 0.
/// - standard: two units, one step, a W^{(h̃)} with a non-zero entry off
///   its diagonal and h_0 ≠ 0, so where the reset gate acts matters.
/// - hard: two units, two inputs, two steps, and `reset: "before"` or
///   `z_weights: "candidate"` (sometimes both).
///
/// Weights are halves in [−1, 1], biases and h_0 tenths, inputs small integers.
enum GRUGenerator: ProblemGenerator {
    static func generate(_ random: inout RandomSource, difficulty: Difficulty) -> GRUTopic.Problem {
        let (n, d, steps): (Int, Int, Int)
        switch difficulty {
        case .easy: (n, d, steps) = (1, 1, 1)
        case .standard: (n, d, steps) = (2, random.int(in: 1...2), 1)
        case .hard: (n, d, steps) = (2, 2, 2)
        }
        var x = (0..<steps).map { _ in (0..<d).map { _ in Double(random.int(in: -1...2)) } }
        if x.allSatisfy({ $0.allSatisfy { $0 == 0 } }) { x[0][0] = 1 }
        var gates = GRUTopic.Gate.allCases.map { _ in
            GateParameters(
                wh: LSTMGenerator.matrix(&random, n, n), ux: LSTMGenerator.matrix(&random, n, d),
                b: (0..<n).map { _ in Double(random.int(in: -5...5)) / 10 })
        }
        if n > 1 {
            let k = GRUTopic.Gate.hTilde.index
            while gates[k].wh[0][1] == 0 && gates[k].wh[1][0] == 0 { gates[k].wh = LSTMGenerator.matrix(&random, n, n) }
        }
        var h0 = (0..<n).map { _ in Double(random.int(in: -5...5)) / 10 }
        if h0.contains(0) { h0 = h0.map { $0 == 0 ? 0.5 : $0 } }
        var problem = GRUTopic.Problem(x: x, gates: gates, h0: h0)
        if difficulty == .hard {
            switch random.int(in: 0...3) {
            case 0, 1: problem.reset = .before
            case 2: problem.zWeights = .candidate
            default:
                problem.reset = .before
                problem.zWeights = .candidate
            }
        }
        return problem
    }
}
