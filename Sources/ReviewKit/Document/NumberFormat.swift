import Foundation

/// How numbers appear on a sheet (JSON always carries full precision).
///
/// Integers print exactly; other values are rounded to `decimals` places
/// (default 4) with trailing zeros dropped, which is what a student writes by
/// hand. Magnitudes that would print as a long run of digits or as 0 switch to
/// scientific notation (`3.2551 \times 10^{5}` in LaTeX).
enum NumberFormat {
    /// LaTeX math for `value`, e.g. `0.7311`, `-4`, `3.2551 \times 10^{5}`.
    static func latex(_ value: Double, decimals: Int = 4) -> String {
        let (mantissa, exponent) = parts(value, decimals: decimals)
        guard let exponent else { return mantissa }
        return "\(mantissa) \\times 10^{\(exponent)}"
    }

    /// LaTeX math for `value`, wrapped in parentheses when negative so it can
    /// be substituted into a formula: `2 \cdot (-3)`.
    static func operand(_ value: Double, decimals: Int = 4) -> String {
        let text = latex(value, decimals: decimals)
        return value < 0 || text.contains("times") ? "(\(text))" : text
    }

    /// Plain text, e.g. for JSON `substituted` strings and table cells.
    static func plain(_ value: Double, decimals: Int = 4) -> String {
        let (mantissa, exponent) = parts(value, decimals: decimals)
        guard let exponent else { return mantissa }
        return "\(mantissa)e\(exponent)"
    }

    /// A coordinate for SVG or TikZ: fixed point, never scientific,
    /// trailing zeros dropped (`12`, `3.5`, `-0.25`).
    static func coordinate(_ value: Double, decimals: Int = 1) -> String {
        fixed(value, decimals)
    }

    static func isInteger(_ value: Double) -> Bool {
        value.rounded() == value && abs(value) < 1e15
    }

    private static func parts(_ value: Double, decimals: Int) -> (String, Int?) {
        // Solvers refuse non-finite results (`FiniteCheck`), so this only
        // keeps a slip from trapping in `Int(_:)` while the check runs.
        if !value.isFinite { return (value.isNaN ? "NaN" : value < 0 ? "-\\infty" : "\\infty", nil) }
        if value == 0 { return ("0", nil) }
        if isInteger(value) && abs(value) < 1e9 { return (String(Int(value)), nil) }
        let magnitude = abs(value)
        if magnitude >= 1e7 || magnitude < 1e-4 {
            var exponent = Int(floor(log10(magnitude)))
            var mantissa = value / pow(10, Double(exponent))
            if abs(round(mantissa, decimals)) >= 10 { mantissa /= 10; exponent += 1 }
            return (fixed(mantissa, decimals), exponent)
        }
        return (fixed(value, decimals), nil)
    }

    private static func round(_ value: Double, _ decimals: Int) -> Double {
        let scale = pow(10, Double(decimals))
        return (value * scale).rounded() / scale
    }

    /// Fixed-point with at most `decimals` places, trailing zeros dropped;
    /// halves round away from zero, as on paper (0.125 → 0.13).
    ///
    /// Integer arithmetic rather than `String(format:)`, which was a tenth of
    /// the time of a whole sheet.
    private static func fixed(_ value: Double, _ decimals: Int) -> String {
        let scale = pow(10, Double(decimals))
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9e15, decimals <= 15 else { return String(format: "%.\(decimals)f", value) }
        let units = UInt64(scaled)
        let divisor = UInt64(scale)
        var text = value < 0 && units != 0 ? "-" : ""
        text += String(units / divisor)
        var fraction = units % divisor
        guard fraction != 0 else { return text }
        var digits = decimals
        while fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        let tail = String(fraction)
        text += "." + String(repeating: "0", count: digits - tail.count) + tail
        return text
    }
}

extension NumberFormat {
    /// `=` when the printed value is exact, `\approx` when it was rounded.
    ///
    /// "Exact" allows for floating-point noise: 1 − 2.2 is stored as
    /// −1.2000000000000002, but a student's −1.2 is right, not approximate.
    static func relation(_ value: Double, decimals: Int = 4) -> String {
        guard let shown = Double(plain(value, decimals: decimals)) else { return "\\approx" }
        return abs(shown - value) <= 1e-12 * max(1, abs(value)) ? "=" : "\\approx"
    }

    /// `= 6` or `\approx 0.7311`: the tail of a worked line.
    static func result(_ value: Double, decimals: Int = 4) -> String {
        "\(relation(value, decimals: decimals)) \(latex(value, decimals: decimals))"
    }
}
