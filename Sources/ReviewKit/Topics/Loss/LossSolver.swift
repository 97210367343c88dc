import Foundation

/// The numbers of a `loss` problem: each term, the reduced loss and the
/// gradient with respect to the predictions (1/N included under `mean`).
enum LossSolver {
    /// Which branch an element-wise term took (Huber's and the hinge's).
    enum Branch: Sendable, Equatable {
        case none
        /// Huber: |r| ≤ δ (quadratic) or beyond (linear).
        case quadratic, linear
        /// Hinge: m − yŷ > 0 (active) or not.
        case active, inactive
    }

    struct Result: Sendable {
        /// Element-wise terms, the predictions' shape (element-wise losses).
        var terms: [[Double]]
        var branches: [[Branch]]
        /// Per-row losses (row-wise losses; empty otherwise).
        var rowLosses: [Double]
        /// Row-wise: per row, per class, the hinge margin s_j − s_t + m (0 at t).
        var margins: [[Double]]
        var loss: Double
        /// N: the count divided by under `mean` (1 under `sum`).
        var count: Int
        var gradient: [[Double]]
    }

    static func sign(_ x: Double) -> Double { x > 0 ? 1 : x < 0 ? -1 : 0 }

    static func solve(_ p: LossTopic.Problem) -> Result {
        let mean = p.reduction == .mean
        if p.loss.rowWise { return rowWise(p, mean: mean) }
        let elements = p.predictions.reduce(0) { $0 + $1.count }
        let n = mean ? elements : 1
        let scale = 1 / Double(n)
        var terms: [[Double]] = [], branches: [[Branch]] = [], gradient: [[Double]] = []
        for (row, targets) in zip(p.predictions, p.targets) {
            var t: [Double] = [], b: [Branch] = [], g: [Double] = []
            for (yhat, y) in zip(row, targets) {
                let (term, branch, slope) = element(p, yhat, y)
                t.append(term)
                b.append(branch)
                g.append(slope * scale)
            }
            terms.append(t)
            branches.append(b)
            gradient.append(g)
        }
        return Result(
            terms: terms, branches: branches, rowLosses: [], margins: [], loss: p.reduction.combine(Array(terms.joined())),
            count: n, gradient: gradient)
    }

    /// One element's term, branch and d term / d prediction (before 1/N).
    static func element(_ p: LossTopic.Problem, _ yhat: Double, _ y: Double) -> (Double, Branch, Double) {
        let r = yhat - y
        switch p.loss {
        case .mse: return (r * r, .none, 2 * r)
        case .mae: return (abs(r), .none, sign(r))
        case .huber:
            return abs(r) <= p.delta
                ? (0.5 * r * r, .quadratic, r) : (p.delta * (abs(r) - 0.5 * p.delta), .linear, p.delta * sign(r))
        case .hinge:
            let slack = p.margin - y * yhat
            return slack > 0 ? (slack, .active, -y) : (0, .inactive, 0)
        case .bce:
            if p.fromLogits {
                let z = yhat
                return (Activation.softplus.value(z) - y * z, .none, Activation.sigmoid.value(z) - y)
            }
            let term = -(y == 0 ? 0 : y * log(yhat)) - (y == 1 ? 0 : (1 - y) * log(1 - yhat))
            return (term, .none, (yhat - y) / (yhat * (1 - yhat)))
        case .multiclassHinge, .crossEntropy:
            preconditionFailure("row-wise")
        }
    }

    static func rowWise(_ p: LossTopic.Problem, mean: Bool) -> Result {
        let n = mean ? p.predictions.count : 1
        let scale = 1 / Double(n)
        var losses: [Double] = [], margins: [[Double]] = [], gradient: [[Double]] = []
        for (row, target) in zip(p.predictions, p.rowTargets) {
            if p.loss == .multiclassHinge, case .index(let t) = target {
                // s_j − s_t + m in binary floating point leaves 1e-16 where the
                // decimals cancel (0.4 − 1.4 + 1): such a margin is exactly 0,
                // inactive as the contract says, not a tiny active one.
                let m = row.indices.map { j -> Double in
                    guard j != t else { return 0 }
                    let margin = row[j] - row[t] + p.margin
                    return margin.withoutNoise(scale: max(1, abs(row[j]), abs(row[t]), p.margin))
                }
                let active = row.indices.map { $0 != t && m[$0] > 0 }
                losses.append(row.indices.reduce(0) { $0 + (active[$1] ? m[$1] : 0) })
                margins.append(m)
                let count = Double(active.filter { $0 }.count)
                gradient.append(row.indices.map { j in (j == t ? -count : active[j] ? 1 : 0) * scale })
            } else {
                let t = LossDecoding.distribution(target, classes: row.count)
                losses.append(zip(t, row).reduce(0) { $0 + ($1.0 == 0 ? 0 : -$1.0 * log($1.1)) })
                margins.append([])
                gradient.append(zip(t, row).map { ($0 == 0 ? 0 : -$0 / $1) * scale })
            }
        }
        return Result(
            terms: [], branches: [], rowLosses: losses, margins: margins, loss: p.reduction.combine(losses), count: n,
            gradient: gradient)
    }
}
