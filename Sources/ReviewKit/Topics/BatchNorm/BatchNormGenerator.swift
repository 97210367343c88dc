/// Makes batch-normalisation problems a student can work by hand.
///
/// - easy: one feature, m = 4 small integers, ε = 0 (training).
/// - standard: a 3–4 × 2 batch with γ, β and the running-statistics update.
/// - hard: the backward pass on a 3×2 batch (one-decimal dL/dy), or
///   inference from given running statistics (with a backward pass).
///
/// A constant column is redrawn: its x̂ is 0/0 with ε = 0 and teaches nothing.
enum BatchNormGenerator: ProblemGenerator {
    static func generate(_ random: inout RandomSource, difficulty: Difficulty) -> BatchNormTopic.Problem {
        var problem = BatchNormTopic.Problem()
        switch difficulty {
        case .easy:
            problem.x = column(&random, m: 4).map { [$0] }
            problem.isVector = true
            problem.eps = 0
        case .standard:
            let m = random.int(in: 3...4)
            problem.x = batch(&random, m: m, d: 2)
            problem.gamma = [random.pick([0.5, 1, 2]), random.pick([0.5, 1, 2])]
            problem.beta = [random.pick([-1, 0, 0.5, 1]), random.pick([-1, 0, 0.5, 1])]
        case .hard:
            problem.x = batch(&random, m: 3, d: 2)
            problem.gamma = [random.pick([0.5, 1, 2]), random.pick([0.5, 1, 2])]
            problem.beta = [random.pick([-1, 0, 1]), random.pick([-1, 0, 1])]
            problem.gradOutput = (0..<3).map { _ in [random.tenths(in: -1...1), random.tenths(in: -1...1)] }
            if random.chance(0.3) {
                problem.mode = .inference
                problem.runningMean = [Double(random.int(in: 1...4)), Double(random.int(in: 1...4))]
                problem.runningVar = [random.pick([1, 4, 0.25]), random.pick([1, 4, 0.25])]
            }
        }
        return problem
    }

    /// m small integers in 0…9, not all equal.
    private static func column(_ random: inout RandomSource, m: Int) -> [Double] {
        while true {
            let values = (0..<m).map { _ in Double(random.int(in: 0...9)) }
            if Set(values).count > 1 { return values }
        }
    }

    private static func batch(_ random: inout RandomSource, m: Int, d: Int) -> [[Double]] {
        let columns = (0..<d).map { _ in column(&random, m: m) }
        return (0..<m).map { i in columns.map { $0[i] } }
    }
}
