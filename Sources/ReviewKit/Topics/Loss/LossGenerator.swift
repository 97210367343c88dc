/// Makes `loss` problems worked by hand: short decimals, 3–4 elements.
///
/// - easy: mse or mae on 3–4 numbers.
/// - standard: huber with residuals on both sides of δ, bce from
///   probabilities, or hinge with a point exactly on the margin.
/// - hard: multiclass hinge on a 3×3 score matrix, bce from logits, or
///   soft-target cross-entropy with `sum`.
enum LossGenerator: ProblemGenerator {
    static func generate(_ random: inout RandomSource, difficulty: Difficulty) -> LossTopic.Problem {
        var p = LossTopic.Problem()
        switch difficulty {
        case .easy:
            p.loss = random.pick([.mse, .mae])
            let count = random.int(in: 3...4)
            p.predictions = [(0..<count).map { _ in random.tenths(in: -2...2) }]
            p.targets = [(0..<count).map { _ in Double(random.int(in: -2...2)) }]
        case .standard:
            switch random.int(in: 0...2) {
            case 0:
                p.loss = .huber
                // Residuals inside and outside δ = 1, both signs.
                let residuals = random.shuffled([random.pick([0.5, -0.5, 0.2, -0.8]), random.pick([2, -1.5, 3, -2.5]), random.pick([1, -0.3, 1.5])])
                p.targets = [residuals.map { _ in Double(random.int(in: -1...1)) }]
                p.predictions = [zip(residuals, p.targets[0]).map { $0 + $1 }]
            case 1:
                p.loss = .bce
                let count = random.int(in: 3...4)
                p.predictions = [(0..<count).map { _ in Double(random.int(in: 1...9)) / 10 }]
                p.targets = [(0..<count).map { _ in Double(random.int(in: 0...1)) }]
            default:
                p.loss = .hinge
                let labels = (0..<4).map { _ in random.chance(0.5) ? 1.0 : -1.0 }
                var scores = labels.map { _ in random.tenths(in: -2...2) }
                scores[random.int(in: 0...3)] = 0  // keep a variety of cases
                let onMargin = random.int(in: 0...3)
                scores[onMargin] = labels[onMargin]  // y·ŷ = 1 = m: inactive
                p.predictions = [scores]
                p.targets = [labels]
            }
        case .hard:
            switch random.int(in: 0...2) {
            case 0:
                p.loss = .multiclassHinge
                p.isMatrix = true
                p.predictions = (0..<3).map { _ in (0..<3).map { _ in random.tenths(in: -2...3) } }
                p.rowTargets = (0..<3).map { _ in .index(random.int(in: 0...2)) }
            case 1:
                p.loss = .bce
                p.fromLogits = true
                let count = random.int(in: 3...4)
                p.predictions = [(0..<count).map { _ in random.tenths(in: -3...3) }]
                p.targets = [(0..<count).map { _ in Double(random.int(in: 0...1)) }]
            default:
                p.loss = .crossEntropy
                p.isMatrix = true
                p.reduction = .sum
                p.predictions = (0..<2).map { _ in tenthsSummingToOne(&random, positive: true) }
                p.rowTargets = (0..<2).map { _ in .distribution(tenthsSummingToOne(&random, positive: false)) }
            }
        }
        return p
    }

    /// Three tenths that add up to 1 (all positive for probabilities a
    /// model gives; a target may have a 0).
    private static func tenthsSummingToOne(_ random: inout RandomSource, positive: Bool) -> [Double] {
        while true {
            let a = random.int(in: 0...10), b = random.int(in: 0...10 - a)
            let parts = [a, b, 10 - a - b]
            if !positive || parts.allSatisfy({ $0 > 0 }) { return parts.map { Double($0) / 10 } }
        }
    }
}
