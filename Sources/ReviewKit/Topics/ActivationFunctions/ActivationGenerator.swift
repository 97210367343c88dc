/// Makes `activation` problems worked with a calculator: points among
/// 0, ±0.5, ±1, ±2, short α and weights.
///
/// - easy: sigmoid, tanh or relu at 2–3 points among 0, ±1, ±2.
/// - standard: leaky relu or ELU with α and a point at 0 (the kink), or
///   sigmoid through 5–10 layers.
/// - hard: a weight and depth that make the chain vanish at one point and
///   explode at another (sigmoid w = 5, tanh w = 2, relu w = 1.5, leaky
///   relu w = 2).
enum ActivationGenerator: ProblemGenerator {
    static func generate(_ random: inout RandomSource, difficulty: Difficulty) -> ActivationTopic.Problem {
        var p = ActivationTopic.Problem()
        switch difficulty {
        case .easy:
            p.function = random.pick([.sigmoid, .tanh, .relu])
            p.points = points(&random, from: [0, 1, -1, 2, -2], count: random.int(in: 2...3))
        case .standard:
            if random.chance(0.5) {
                p.function = random.pick([.leakyRelu, .elu])
                p.alpha = p.function == .leakyRelu ? random.pick([0.1, 0.2]) : random.pick([0.5, 1])
                p.points = [0] + points(&random, from: [1, -1, 2, -2, 0.5, -0.5], count: random.int(in: 1...2))
                if random.chance(0.3) { p.kink = .right }
            } else {
                p.function = .sigmoid
                p.points = points(&random, from: [0, 1, -1, 2, -2], count: random.int(in: 2...3))
                p.depth = random.int(in: 5...10)
            }
        case .hard:
            p.function = random.pick([.sigmoid, .tanh, .relu, .leakyRelu])
            switch p.function {
            case .sigmoid: p.weight = 5; p.points = [0, random.pick([2, -2, 3])]
            case .tanh: p.weight = 2; p.points = [0, random.pick([1.5, -1.5, 2, -2])]
            case .relu: p.weight = 1.5; p.points = [random.pick([1, 2]), random.pick([-1, -2])]
            default: p.weight = 2; p.alpha = 0.1; p.points = [random.pick([1, 2]), random.pick([-1, -2])]
            }
            p.depth = random.pick([10, 20])
        }
        return p
    }

    private static func points(_ random: inout RandomSource, from choices: [Double], count: Int) -> [Double] {
        Array(random.shuffled(choices).prefix(count))
    }
}
