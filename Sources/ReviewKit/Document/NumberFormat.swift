import Foundation

/// How numbers appear on a sheet (JSON always carries full precision).
///
/// Integers print exactly; other values are rounded to `decimals` places
/// (default 4) with trailing zeros dropped, which is what a student writes by
/// hand. Magnitudes that would print as a long run of digits or as 0 switch to
/// scientific notation (`3.2551 \times 10^{5}` in LaTeX).
///
/// Every format goes through `parts`, and all digit work happens on the
/// decimal digits of Swift's shortest round-trip spelling (`description`):
/// no value is ever scaled by a power of ten, so subnormals (`5e-324`) and
/// values near `Double.greatestFiniteMagnitude` print as correctly as `0.5`.
/// Rounding is half away from zero on those digits, as on paper: the sheet
/// rounds the number the student reads (`1.0005` → `1.001`), not the binary
/// value just below it.
enum NumberFormat {
    /// LaTeX math for `value`, e.g. `0.7311`, `-4`, `3.2551 \times 10^{5}`.
    static func latex(_ value: Double, decimals: Int = 4) -> String {
        let (mantissa, exponent) = parts(value, decimals: decimals)
        guard let exponent else { return mantissa }
        return "\(mantissa) \\times 10^{\(exponent)}"
    }

    /// LaTeX math for `value`, wrapped in parentheses when negative so it can
    /// be substituted into a formula: `2 \cdot (-3)`. A tiny negative value
    /// that prints as `0` is not wrapped.
    static func operand(_ value: Double, decimals: Int = 4) -> String {
        let text = latex(value, decimals: decimals)
        return text.hasPrefix("-") || text.contains("times") ? "(\(text))" : text
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
        guard value.isFinite else { return "0" }
        return fixed(Digits(value), max(decimals, 0))
    }

    static func isInteger(_ value: Double) -> Bool {
        value.rounded() == value && abs(value) < 1e15
    }

    private static func parts(_ value: Double, decimals: Int) -> (String, Int?) {
        // Solvers refuse non-finite results (`FiniteCheck`), so this only
        // keeps a slip from trapping in `Int(_:)` while the check runs.
        if !value.isFinite { return (value.isNaN ? "NaN" : value < 0 ? "-\\infty" : "\\infty", nil) }
        if value == 0 { return ("0", nil) }  // also -0, which a sheet never shows
        if isInteger(value) && abs(value) < 1e9 { return (String(Int(value)), nil) }
        let decimals = max(decimals, 0)
        let magnitude = abs(value)
        let digits = Digits(value)
        if magnitude >= 1e7 || magnitude < 1e-4 {
            let rounded = digits.rounded(significant: decimals + 1)
            return (fixed(rounded.scaled(to: 0), decimals), rounded.exponent)
        }
        return (fixed(digits, decimals), nil)
    }

    // The digit work other number writers share (the formula writers'
    // `NumberPolicy`), so every number on every sheet is rounded one way.

    /// `value` in fixed point with at most `decimals` places, trailing zeros
    /// dropped, halves away from zero (`0.125` → `0.13` at 2).
    static func fixedText(_ value: Double, decimals: Int) -> String {
        fixed(Digits(value), max(decimals, 0))
    }

    /// `value` (non-zero, finite) rounded to `significant` digits, as a
    /// mantissa in [1, 10) and a power of ten: `(“1.235”, 5)` for 123456.
    static func scientificText(_ value: Double, significant: Int) -> (mantissa: String, exponent: Int) {
        let rounded = Digits(value).rounded(significant: max(significant, 1))
        return (fixed(rounded.scaled(to: 0), max(significant, 1) - 1), rounded.exponent)
    }

    /// `magnitude` (positive, finite) to `significant` figures in fixed
    /// point, never fewer than its whole digits (`12346` for 12345.6 at 4):
    /// the text, the number that text denotes (what `Double(text)` reads),
    /// and how many digits follow the point. One pass over the digits, for
    /// `NumberPolicy.show`, which runs for every number on every sheet.
    static func fixedShown(_ magnitude: Double, significant: Int) -> (text: String, value: Double, places: Int) {
        let digits = Digits(magnitude)
        let decimals = max(0, significant - 1 - digits.exponent)
        let rounded = digits.rounded(significant: digits.exponent + 1 + decimals)
        let text = fixed(rounded, decimals)
        let places = max(0, rounded.digits.count - (rounded.exponent + 1))
        return (text, rounded.exactValue ?? Double(text) ?? magnitude, places)
    }

    /// 10^`power` as the literal `1e<power>` reads, from a table where the
    /// power is small (the common case) and parsed otherwise.
    static func powerOfTen(_ power: Int) -> Double {
        if power >= 0 && power < positivePowers.count { return positivePowers[power] }
        if power < 0 && -power < negativePowers.count { return negativePowers[-power] }
        return Double("1e\(power)") ?? 0
    }

    private static let positivePowers: [Double] = (0...22).map { Double("1e\($0)")! }
    private static let negativePowers: [Double] = (0...22).map { Double("1e-\($0)")! }

    /// The power of ten of `value`'s first digit (`2` for 123.4, `-324` for
    /// 5e-324), read from its digits: `log10` is off by one near powers of ten.
    static func decimalExponent(_ value: Double) -> Int {
        Digits(value).exponent
    }

    /// Fixed point with at most `decimals` places, trailing zeros dropped;
    /// a value that rounds to zero prints as `0`, never `-0`.
    private static func fixed(_ digits: Digits, _ decimals: Int) -> String {
        let rounded = digits.rounded(significant: digits.exponent + 1 + decimals)
        guard !rounded.digits.isEmpty else { return "0" }
        let integerCount = rounded.exponent + 1  // digits before the point
        var text = rounded.negative ? "-" : ""
        if integerCount <= 0 {
            text += "0." + String(repeating: "0", count: -integerCount) + rounded.text(rounded.digits[...])
        } else {
            let whole = rounded.digits.prefix(integerCount)
            text += rounded.text(whole) + String(repeating: "0", count: integerCount - whole.count)
            if rounded.digits.count > integerCount {
                text += "." + rounded.text(rounded.digits[integerCount...])
            }
        }
        return text
    }
}

/// A finite double as decimal digits: `±d₀.d₁d₂… × 10^exponent`, taken from
/// Swift's shortest round-trip `description`, with no leading or trailing
/// zeros (zero has no digits).
private struct Digits {
    var negative: Bool
    var digits: [UInt8]
    var exponent: Int

    /// `value` must be finite.
    init(_ value: Double) {
        negative = value.sign == .minus
        digits = []
        exponent = 0
        // `description` is `123.45`, `0.0001`, `1e-05`, `5e-324` or `1.5e+300`.
        var pointAt: Int?  // digits seen before the `.`
        var exponentText = ""
        var inExponent = false
        for byte in abs(value).description.utf8 {
            switch byte {
            case _ where inExponent: exponentText.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: "e"), UInt8(ascii: "E"): inExponent = true
            case UInt8(ascii: "."): pointAt = digits.count
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits.append(byte - UInt8(ascii: "0"))
            default: break
            }
        }
        // d₀d₁… with the point after `pointAt` digits is d₀.d₁… × 10^(pointAt − 1).
        exponent = (pointAt ?? digits.count) - 1 + (Int(exponentText) ?? 0)
        while digits.first == 0 {
            digits.removeFirst()
            exponent -= 1
        }
        while digits.last == 0 { digits.removeLast() }
        if digits.isEmpty { exponent = 0 }
    }

    /// The same digits with the exponent replaced (the mantissa of a
    /// scientific form is `scaled(to: 0)`).
    func scaled(to newExponent: Int) -> Digits {
        var copy = self
        copy.exponent = newExponent
        return copy
    }

    /// Rounded half away from zero to `count` significant digits (none: the
    /// result is zero, or a single 1 one place up when the first digit is 5
    /// or more). Trailing zeros are dropped.
    func rounded(significant count: Int) -> Digits {
        guard count < digits.count else { return self }
        var copy = self
        guard count >= 0 else {
            copy.digits = []
            return copy
        }
        let roundUp = digits[count] >= 5
        copy.digits = Array(digits.prefix(count))
        if roundUp {
            var index = count - 1
            while index >= 0 && copy.digits[index] == 9 {
                copy.digits[index] = 0
                index -= 1
            }
            if index >= 0 {
                copy.digits[index] += 1
            } else {
                copy.digits.insert(1, at: 0)
                copy.exponent += 1
            }
        }
        while copy.digits.last == 0 { copy.digits.removeLast() }
        if copy.digits.isEmpty { copy.exponent = 0 }
        return copy
    }

    /// The value these digits denote, correctly rounded as `Double(text)`
    /// would read it, where that needs no parsing: an integer mantissa of
    /// at most 15 digits times or over a power of ten up to 10^22 are both
    /// exact doubles, so their one product or quotient is correctly rounded
    /// (Clinger's fast path). Nil otherwise.
    var exactValue: Double? {
        guard digits.count <= 15 else { return nil }
        var mantissa: Int64 = 0
        for digit in digits { mantissa = mantissa * 10 + Int64(digit) }
        let power = exponent + 1 - digits.count
        guard abs(power) <= 22 else { return nil }
        let value = Double(mantissa)
        let sign = negative ? -1.0 : 1.0
        return sign * (power >= 0 ? value * NumberFormat.powerOfTen(power) : value / NumberFormat.powerOfTen(-power))
    }

    func text(_ slice: ArraySlice<UInt8>) -> String {
        String(decoding: slice.map { $0 + UInt8(ascii: "0") }, as: UTF8.self)
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
