/// How a batch's losses combine into one, defined once for the topics with
/// a `reduction` field (softmax, loss): their `mean`, so every example's
/// gradient carries 1/N, or their `sum`.
enum LossReduction: String, CaseIterable, Sendable {
    case mean, sum

    /// The factor on each example's gradient: 1/N for `mean`, 1 for `sum`.
    func factor(count: Int) -> Double {
        self == .mean ? 1 / Double(count) : 1
    }

    /// The losses combined: Σ_n L_n / N, or Σ_n L_n.
    func combine(_ losses: [Double]) -> Double {
        let total = losses.reduce(0, +)
        return self == .mean ? total / Double(losses.count) : total
    }
}

extension LossReduction {
    /// A combined quantity in symbols and with its numbers: under `mean`
    /// with 1/N in front of both (`\frac{1}{N} \sum_n L_n`, `\frac{1}{2} (…)`),
    /// under `sum` as they are; softmax's loss and gradient, loss's `L`.
    func formulas(_ symbols: Formula, _ numbers: Formula, count: Int) -> (Formula, Formula) {
        self == .mean ? (.juxtapose(.frac(1, "N"), symbols), .juxtapose(.frac(1, .integer(count)), numbers)) : (symbols, numbers)
    }
}
