import Foundation

/// The numbers of softmax + cross-entropy, in the order a student computes
/// them by hand. No wording and no formatting: `SoftmaxPresenter` and
/// `SoftmaxTopic.steps` only read what is recorded here.
///
/// The computation is the stable one the contract asks for, done by the
/// shared `Softmax` and `CrossEntropy` (`Calculus`): subtract the
/// largest logit before exponentiating (so no e^x overflows and the sum is at
/// least 1), and take logs as ln p_i = a_i − ln S (log-sum-exp), so the loss
/// stays finite even when a probability underflows to 0.
enum SoftmaxSolver {
    struct Result: Sendable {
        /// One per example (row of the logits), worked through: its softmax,
        /// the loss against its target (a class index becomes one-hot) and
        /// the gradient with respect to its logits.
        var rows: [CrossEntropy]
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
        var rows: [CrossEntropy] = []
        for (n, z) in problem.logits.enumerated() {
            let row = CrossEntropy(
                Softmax(z, temperature: problem.temperature), target: problem.targets[n].distribution(classes: classes))
            guard row.softmax.shifted.allSatisfy(\.isFinite), row.gradient.allSatisfy(\.isFinite) else {
                throw overflow(problem, row: n, inShift: true)
            }
            guard row.loss.isFinite else { throw overflow(problem, row: n, inShift: false) }
            rows.append(row)
        }
        let factor = problem.reduction.factor(count: rows.count)
        let loss = problem.reduction.combine(rows.map(\.loss))
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
}
