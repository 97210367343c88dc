/// Makes attention problems a student can work with a calculator, as the
/// contract's variants say:
///
/// - easy: `dot` soft attention, a 2-D decoder state and three encoder
///   states of small integers.
/// - standard: two queries, three keys, d_k = 4 (so the scale is 1/2),
///   small integers.
/// - hard: three queries with a causal mask (query i sees keys 0…i), or
///   `additive` soft attention with 2×2 W1, W2 and v of one decimal.
///
/// Scores stay within a spread of 10 (entries in [−2, 2] or [−1, 2]), so
/// every exponential is a comfortable number.
enum AttentionGenerator: ProblemGenerator {
    /// Redrawn until the scores spread over at most 10 (the contract's bound).
    static func generate(_ random: inout RandomSource, difficulty: Difficulty) -> AttentionTopic.Problem {
        while true {
            let p = draw(&random, difficulty: difficulty)
            let scores = AttentionSolver.solve(p).scores.flatMap { $0 }
            if let top = scores.max(), let bottom = scores.min(), top - bottom <= 10 { return p }
        }
    }

    private static func draw(_ random: inout RandomSource, difficulty: Difficulty) -> AttentionTopic.Problem {
        switch difficulty {
        case .easy:
            var p = AttentionTopic.Problem(form: .soft)
            p.decoderState = nonZero(&random, 2, -2...2)
            p.encoderStates = (0..<3).map { _ in nonZero(&random, 2, -2...2) }
            return p
        case .standard:
            var p = AttentionTopic.Problem(form: .queries)
            p.Q = (0..<2).map { _ in nonZero(&random, 4, -1...2) }
            p.K = (0..<3).map { _ in nonZero(&random, 4, -1...2) }
            p.V = (0..<3).map { _ in random.integers(2, in: -2...3) }
            return p
        case .hard:
            if random.chance(0.5) {
                var p = AttentionTopic.Problem(form: .queries)
                p.Q = (0..<3).map { _ in nonZero(&random, 2, -2...2) }
                p.K = (0..<3).map { _ in nonZero(&random, 2, -2...2) }
                p.V = (0..<3).map { _ in random.integers(2, in: -2...3) }
                p.mask = (0..<3).map { i in (0..<3).map { $0 <= i } }
                return p
            }
            var p = AttentionTopic.Problem(form: .soft)
            p.score = .additive
            p.decoderState = nonZero(&random, 2, -2...2)
            p.encoderStates = (0..<3).map { _ in nonZero(&random, 2, -2...2) }
            p.W1 = (0..<2).map { _ in tenths(&random, 2) }
            p.W2 = (0..<2).map { _ in tenths(&random, 2) }
            p.v = tenths(&random, 2)
            return p
        }
    }

    /// Small integers, not all zero (a zero state attends nowhere in particular).
    private static func nonZero(_ random: inout RandomSource, _ count: Int, _ range: ClosedRange<Int>) -> [Double] {
        while true {
            let v = random.integers(count, in: range)
            if v.contains(where: { $0 != 0 }) { return v }
        }
    }

    /// One decimal in [−1, 1], not all zero.
    private static func tenths(_ random: inout RandomSource, _ count: Int) -> [Double] {
        while true {
            let v = (0..<count).map { _ in random.tenths(in: -1...1) }
            if v.contains(where: { $0 != 0 }) { return v }
        }
    }
}
