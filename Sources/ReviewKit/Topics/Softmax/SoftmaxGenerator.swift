/// Makes softmax / cross-entropy problems a student can work with a
/// calculator: 3–4 classes, logits with one decimal in [-3, 3], and targets
/// that are a class index or, sometimes, a soft target in tenths (like a
/// label-smoothed or teacher distribution).
///
/// - easy: one example, 3 classes, a class index.
/// - standard: one example, 3–4 classes, sometimes a soft target.
/// - hard: a batch of 2–3 examples (mean or sum), sometimes soft targets,
///   sometimes a temperature of 2.
///
/// A row whose logits are all equal is redrawn: its answer (uniform
/// probabilities) needs no computation and teaches nothing.
enum SoftmaxGenerator: ProblemGenerator {
    static func generate(_ random: inout RandomSource, difficulty: Difficulty) -> SoftmaxTopic.Problem {
        switch difficulty {
        case .easy:
            let z = logits(&random, classes: 3)
            return .init(logits: [z], isBatch: false, targets: [.index(random.int(in: 0...2))])
        case .standard:
            let classes = random.int(in: 3...4)
            let z = logits(&random, classes: classes)
            return .init(logits: [z], isBatch: false, targets: [target(&random, classes: classes, softChance: 0.35)])
        case .hard:
            let rows = random.int(in: 2...3)
            let classes = random.int(in: 3...4)
            let z = (0..<rows).map { _ in logits(&random, classes: classes) }
            let targets = (0..<rows).map { _ in target(&random, classes: classes, softChance: 0.25) }
            var problem = SoftmaxTopic.Problem(logits: z, isBatch: true, targets: targets)
            problem.reduction = random.chance(0.7) ? .mean : .sum
            if random.chance(0.2) { problem.temperature = 2 }
            return problem
        }
    }

    /// Logits with one decimal in [-3, 3], not all equal.
    private static func logits(_ random: inout RandomSource, classes: Int) -> [Double] {
        random.redraw({ r in (0..<classes).map { _ in r.tenths(in: -3...3) } }, until: { Set($0).count > 1 })
    }

    private static func target(_ random: inout RandomSource, classes: Int, softChance: Double) -> SoftmaxTopic.Target {
        random.chance(softChance) ? .distribution(softTarget(&random, classes: classes)) : .index(random.int(in: 0...classes - 1))
    }

    /// Tenths that add up to 1 with at least two non-zero entries (so it is
    /// really soft, not a one-hot vector in disguise).
    private static func softTarget(_ random: inout RandomSource, classes: Int) -> [Double] {
        let tenths = random.redraw({ r in
            let cuts = ((0..<classes - 1).map { _ in r.int(in: 0...10) } + [0, 10]).sorted()
            return zip(cuts.dropFirst(), cuts).map { $0 - $1 }
        }, until: { $0.filter { $0 > 0 }.count >= 2 })
        return tenths.map { Double($0) / 10 }
    }
}
