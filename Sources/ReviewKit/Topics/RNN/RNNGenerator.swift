/// Makes RNN problems a student can work with a calculator, as the
/// contract's variants say:
///
/// - easy: a scalar RNN (d = n = k = 1), two steps, linear output, a target
///   at the last step only.
/// - standard: d = n = k = 2, two steps, tanh, softmax, a class per step.
/// - hard: three steps, biases, s0 ≠ 0, relu or tanh, softmax with one
///   target at the last step (many-to-one).
///
/// Inputs are small integers, weights one decimal in [−1, 1] (never all
/// zero in a row, so every unit moves).
enum RNNGenerator: ProblemGenerator {
    static func generate(_ random: inout RandomSource, difficulty: Difficulty) -> RNNTopic.Problem {
        switch difficulty {
        case .easy:
            var p = RNNTopic.Problem(
                x: inputs(&random, steps: 2, size: 1), U: matrix(&random, 1, 1),
                W: matrix(&random, 1, 1), V: matrix(&random, 1, 1))
            p.output = .linear
            p.targets = [.none, .scalar(Double(random.int(in: -2...2)))]
            return p
        case .standard:
            var p = RNNTopic.Problem(
                x: inputs(&random, steps: 2, size: 2), U: matrix(&random, 2, 2), W: matrix(&random, 2, 2),
                V: matrix(&random, 2, 2))
            p.targets = (0..<2).map { _ in .index(random.int(in: 0...1)) }
            return p
        case .hard:
            var p = RNNTopic.Problem(
                x: inputs(&random, steps: 3, size: 2), U: matrix(&random, 2, 2), W: matrix(&random, 2, 2),
                V: matrix(&random, 2, 2))
            p.b = smallNonZero(&random, 2)
            p.c = smallNonZero(&random, 2)
            p.s0 = smallNonZero(&random, 2)
            p.activation = random.chance(0.5) ? .relu : .tanh
            p.targets = [.none, .none, .index(random.int(in: 0...1))]
            return p
        }
    }

    /// Tenths in [−0.5, 0.5], not all zero (a bias or an initial state that shows).
    private static func smallNonZero(_ random: inout RandomSource, _ count: Int) -> [Double] {
        while true {
            let v = (0..<count).map { _ in Double(random.int(in: -5...5)) / 10 }
            if v.contains(where: { $0 != 0 }) { return v }
        }
    }

    /// Rows of small integers (0, ±1, ±2), none all zero.
    private static func inputs(_ random: inout RandomSource, steps: Int, size: Int) -> [[Double]] {
        (0..<steps).map { _ in
            while true {
                let row = (0..<size).map { _ in Double(random.int(in: -2...2)) }
                if row.contains(where: { $0 != 0 }) { return row }
            }
        }
    }

    /// One-decimal weights in [−1, 1], no row all zero.
    private static func matrix(_ random: inout RandomSource, _ rows: Int, _ columns: Int) -> [[Double]] {
        (0..<rows).map { _ in
            while true {
                let row = (0..<columns).map { _ in random.tenths(in: -1...1) }
                if row.contains(where: { $0 != 0 }) { return row }
            }
        }
    }
}
