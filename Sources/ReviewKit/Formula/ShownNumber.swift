/// A number as the number policy decided to show it, before any notation:
/// the writers only spell it (`12{,}345` in LaTeX, `12345` in plain text).
struct ShownNumber: Hashable, Sendable {
    enum Form: Hashable, Sendable {
        /// Digits with an optional decimal point and no sign: `0.7311`, `12345`.
        case decimal(String)
        /// `mantissa × 10^exponent`, the mantissa as a `decimal` string.
        case scientific(mantissa: String, exponent: Int)
        /// `numerator / denominator` in lowest terms: a simple fraction that
        /// has no short decimal (`1/3`).
        case fraction(Int, Int)
        /// Infinity or NaN. Solvers refuse them (`FiniteCheck`); this only keeps
        /// a slip visible instead of trapping.
        case nonFinite(String)
    }

    var negative: Bool
    var form: Form
    /// Whether the shown number equals the value (up to binary noise): it
    /// decides `=` or `≈` for `Relation.result`.
    var isExact: Bool
    /// The number a reader sees, as a Double: what a student redoing the
    /// step would type into a calculator.
    var value: Double
    /// One unit in the last shown digit (`0.001` for `0.659`, `1` for
    /// `12`): the tolerance of the reproducibility rule (see `Reproducibility`).
    var unit: Double
}
