import Foundation

/// The numbers of softmax + cross-entropy, in the order a student computes
/// them by hand. No wording and no formatting: `SoftmaxPresenter` and
/// `SoftmaxTopic.steps` only read what is recorded here.
///
/// The computation is the stable one the contract asks for: subtract the
/// largest logit before exponentiating (so no e^x overflows and the sum is at
/// least 1), and take logs as ln p_i = a_i − ln S (log-sum-exp), so the loss
/// stays finite even when a probability underflows to 0.
enum SoftmaxSolver {
    /// One example (one row of the logits), worked through.
    struct Row: Sendable {
        var logits: [Double]
        /// The target as a distribution y (a class index becomes one-hot).
        var target: [Double]
        /// The class index, when the target was given as one.
        var targetIndex: Int?
        /// m = max_i z_i
        var max: Double
        /// a_i = (z_i − m) / T
        var shifted: [Double]
        /// e^{a_i}
        var exponentials: [Double]
        /// S = Σ_j e^{a_j}
        var sum: Double
        /// p_i = e^{a_i} / S
        var probabilities: [Double]
        /// ln S
        var logSum: Double
        /// ln p_i = a_i − ln S
        var logProbabilities: [Double]
        /// −y_i ln p_i (exactly 0 where y_i = 0, even if p_i underflowed)
        var lossTerms: [Double]
        /// L_n = Σ_i −y_i ln p_i
        var loss: Double
        /// p_i − y_i
        var difference: [Double]
        /// ∂L_n/∂z_i = (p_i − y_i) / T
        var gradient: [Double]
        /// Whether the naive e^{max z / T} would overflow a double (why the
        /// max subtraction matters for this very row).
        var naiveOverflows: Bool
        /// Whether every naive e^{z_i / T} would underflow to 0, making the
        /// naive p = 0/0.
        var naiveSumVanishes: Bool
        /// Whether some e^{a_i} underflowed to exactly 0.
        var underflows: Bool
    }

    struct Result: Sendable {
        var rows: [Row]
        /// The reduced loss: the mean or the sum of the rows' losses.
        var loss: Double
        /// The factor on each row's gradient from the reduction: 1/N for
        /// `mean`, 1 for `sum`.
        var reductionFactor: Double
        /// ∂L/∂z for every row: the row gradient times the reduction factor.
        var gradient: [[Double]]
    }

    /// Works every row, then the reduction. Only absurd inputs fail
    /// (logits ~1e308 apart, T ~1e-300): the stable form keeps every
    /// realistic problem finite, and the error names the row.
    static func solve(_ problem: SoftmaxTopic.Problem) throws -> Result {
        let classes = problem.logits[0].count
        var rows: [Row] = []
        for (n, z) in problem.logits.enumerated() {
            let target = problem.targets[n]
            let row = self.row(
                z, target: target.distribution(classes: classes), index: target.index, temperature: problem.temperature)
            guard row.shifted.allSatisfy(\.isFinite), row.gradient.allSatisfy(\.isFinite) else {
                throw overflow(problem, row: n, inShift: true)
            }
            guard row.loss.isFinite else { throw overflow(problem, row: n, inShift: false) }
            rows.append(row)
        }
        let mean = problem.reduction == .mean
        let total = rows.reduce(0) { $0 + $1.loss }
        let factor = mean ? 1 / Double(rows.count) : 1
        let loss = mean ? total / Double(rows.count) : total
        guard loss.isFinite else { throw overflow(problem, row: 0, inShift: false) }
        let gradient = rows.map { $0.gradient.map { $0 * factor } }
        return Result(rows: rows, loss: loss, reductionFactor: factor, gradient: gradient)
    }

    private static func overflow(_ problem: SoftmaxTopic.Problem, row n: Int, inShift: Bool) -> SolveError {
        if inShift && problem.temperature != 1 {
            return SolveError(at: "temperature", "is too small for these logits: (z - max z) / T overflows")
        }
        let logits = JSONPath.root.appending(key: "logits")
        return SolveError(
            problem.isBatch ? logits.appending(index: n) : logits,
            inShift ? "the logits are too far apart: z - max z overflows" : "the loss overflows for these logits")
    }

    static func row(_ z: [Double], target y: [Double], index: Int?, temperature t: Double) -> Row {
        let m = z.max() ?? 0
        let a = z.map { ($0 - m) / t }
        let e = a.map { exp($0) }
        let s = e.reduce(0, +)
        let p = e.map { $0 / s }
        let logS = log(s)
        let logP = a.map { $0 - logS }
        let terms = zip(y, logP).map { yi, lp in yi == 0 ? 0 : -yi * lp }
        let loss = terms.reduce(0, +)
        let difference = zip(p, y).map { $0 - $1 }
        return Row(
            logits: z, target: y, targetIndex: index, max: m, shifted: a, exponentials: e, sum: s,
            probabilities: p, logSum: logS, logProbabilities: logP, lossTerms: terms, loss: loss,
            difference: difference, gradient: difference.map { $0 / t },
            naiveOverflows: !exp(m / t).isFinite, naiveSumVanishes: exp(m / t) == 0, underflows: e.contains(0))
    }
}
