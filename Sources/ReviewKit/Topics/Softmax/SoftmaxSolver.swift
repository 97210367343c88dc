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

    /// Fails (with the row's index) only when a number leaves the range of
    /// doubles, which the stable form avoids for any sensible input.
    enum Failure: Error {
        case shiftOverflows(row: Int)
        case lossOverflows(row: Int)
    }

    static func solve(
        logits: [[Double]], targets: [[Double]], targetIndices: [Int?], temperature: Double, mean: Bool
    ) throws(Failure) -> Result {
        var rows: [Row] = []
        for (n, z) in logits.enumerated() {
            let row = self.row(z, target: targets[n], index: targetIndices[n], temperature: temperature)
            guard row.shifted.allSatisfy(\.isFinite), row.gradient.allSatisfy(\.isFinite) else {
                throw .shiftOverflows(row: n)
            }
            guard row.loss.isFinite else { throw .lossOverflows(row: n) }
            rows.append(row)
        }
        let total = rows.reduce(0) { $0 + $1.loss }
        let factor = mean ? 1 / Double(rows.count) : 1
        let loss = mean ? total / Double(rows.count) : total
        guard loss.isFinite else { throw .lossOverflows(row: 0) }
        let gradient = rows.map { $0.gradient.map { $0 * factor } }
        return Result(rows: rows, loss: loss, reductionFactor: factor, gradient: gradient)
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
