import Foundation

/// How every number on a sheet is shown, decided once and applied by all
/// three formula writers:
///
/// - integers exactly (`3`, `-12`, `12{,}345` with thousands grouped from
///   five digits on, in LaTeX and MathML alike; plain text never groups,
///   because a comma there separates arguments);
/// - other values to `significantDigits` significant figures (default 4),
///   trailing zeros dropped, halves rounded away from zero as on paper, on
///   the digits `NumberFormat` reads from the shortest round-trip form (one
///   rounding for every number the tool shows, subnormals included);
///   magnitudes from 10^7 or below 10^-4 in scientific notation, so no
///   value shows as a long run of zeros or as 0;
/// - a simple fraction whose decimal would be rounded and never ends, exactly
///   as a fraction (`1/3`, `-2/3`; denominators up to `maxDenominator`);
/// - `Relation.result` as `=` when the shown number is exact, `≈` when it
///   was rounded. Binary noise is not rounding: 1 − 2.2 is
///   −1.2000000000000002 in doubles, but a student's −1.2 is exact.
struct NumberPolicy: Hashable, Sendable {
    var significantDigits = 4
    /// Largest denominator shown as a fraction; 0 turns fractions off.
    var maxDenominator = 12

    static let standard = NumberPolicy()

    /// How `value` is shown with `digits` significant figures (the policy's
    /// own when nil).
    func show(_ value: Double, digits: Int? = nil) -> ShownNumber {
        let digits = Swift.max(1, digits ?? significantDigits)
        let key = ShownNumberMemo.Key(value: value.bitPattern, digits: digits, policy: self)
        if let known = ShownNumberMemo.shared.lookup(key) { return known }
        let shown = decide(value, digits: digits)
        ShownNumberMemo.shared.remember(shown, for: key)
        return shown
    }

    /// The decision behind `show`, made once per number and digit count.
    private func decide(_ value: Double, digits: Int) -> ShownNumber {
        guard value.isFinite else {
            return ShownNumber(
                negative: value < 0, form: .nonFinite(value.isNaN ? "NaN" : "∞"), isExact: false, value: value, unit: .infinity)
        }
        let magnitude = abs(value)
        let negative = value < 0
        if value == 0 { return ShownNumber(negative: false, form: .decimal("0"), isExact: true, value: 0, unit: 1) }
        if magnitude.rounded() == magnitude && magnitude < 1e15 {
            return ShownNumber(
                negative: negative, form: .decimal(String(UInt64(magnitude))), isExact: true, value: value, unit: 1)
        }
        if magnitude >= 1e7 || magnitude < 1e-4 {
            let (text, exponent) = NumberFormat.scientificText(magnitude, significant: digits)
            let shown = Double("\(text)e\(exponent)") ?? magnitude
            return ShownNumber(
                negative: negative, form: .scientific(mantissa: text, exponent: exponent),
                isExact: Self.same(shown, magnitude), value: negative ? -shown : shown,
                unit: NumberFormat.powerOfTen(exponent - Self.decimalPlaces(text)))
        }
        let (text, shown, places) = NumberFormat.fixedShown(magnitude, significant: digits)
        if !Self.same(shown, magnitude), let (p, q) = fraction(magnitude) {
            let decimals = Swift.max(0, digits - 1 - NumberFormat.decimalExponent(magnitude))
            return ShownNumber(
                negative: negative, form: .fraction(p, q), isExact: true, value: value,
                unit: NumberFormat.powerOfTen(-decimals))
        }
        return ShownNumber(
            negative: negative, form: .decimal(text), isExact: Self.same(shown, magnitude),
            value: negative ? -shown : shown, unit: NumberFormat.powerOfTen(-places))
    }

    /// `p/q` in lowest terms with q ≤ `maxDenominator`, if `magnitude` is one
    /// (up to binary noise) and has no terminating decimal: `1/3` and `5/6`,
    /// but not `507/8`, which reads better as a decimal (63.375 → 63.38).
    private func fraction(_ magnitude: Double) -> (Int, Int)? {
        guard maxDenominator >= 2, magnitude < 1e6 else { return nil }
        for q in 2...maxDenominator where !Self.terminates(q) {
            let p = (magnitude * Double(q)).rounded()
            if p >= 1, Self.same(p / Double(q), magnitude) { return (Int(p), q) }
        }
        return nil
    }

    /// Whether 1/q has a finite decimal: q has no prime factor but 2 and 5.
    static func terminates(_ q: Int) -> Bool {
        var q = q
        while q % 2 == 0 { q /= 2 }
        while q % 5 == 0 { q /= 5 }
        return q == 1
    }

    /// Digits after the point as written: a dropped trailing zero widens
    /// the last shown digit (`0.659` is read to thousandths).
    static func decimalPlaces(_ text: String) -> Int {
        guard let point = text.firstIndex(of: ".") else { return 0 }
        return text.distance(from: point, to: text.endIndex) - 1
    }

    /// Equal up to binary noise (a relative 1e-12).
    static func same(_ a: Double, _ b: Double) -> Bool {
        abs(a - b) <= 1e-12 * Swift.max(1, abs(b))
    }

    /// The integer part of a decimal grouped in threes with `separator`, from
    /// five digits on (`1024` stays, `12345` becomes `12,345`).
    static func grouped(_ decimal: String, separator: String) -> String {
        // Digits are ASCII: count the whole part in bytes, and leave the
        // common short number untouched without splitting or copying it.
        let bytes = decimal.utf8
        let wholeCount = bytes.firstIndex(of: UInt8(ascii: ".")).map { bytes.distance(from: bytes.startIndex, to: $0) }
            ?? bytes.count
        guard wholeCount >= 5 else { return decimal }
        var out = ""
        for (i, byte) in bytes.enumerated() {
            if i > 0 && i < wholeCount && (wholeCount - i) % 3 == 0 { out += separator }
            out.unicodeScalars.append(Unicode.Scalar(byte))
        }
        return out
    }
}

/// Numbers already shown, across sheets and threads: a sheet writes each
/// number for every format and both the question and the solution sheet
/// (and checks each step's reproducibility with the same numbers), so most
/// calls of `NumberPolicy.show` ask again; deciding costs a round trip
/// through the number's shortest decimal form. Bounded, so a class of any
/// size keeps memory flat; a pure function of its key, so output is the same
/// with or without it.
final class ShownNumberMemo: @unchecked Sendable {
    struct Key: Hashable {
        var value: UInt64
        var digits: Int
        var policy: NumberPolicy
    }

    static let shared = ShownNumberMemo()
    private static let capacity = 1 << 14

    private let lock = NSLock()
    private var known: [Key: ShownNumber] = [:]

    func lookup(_ key: Key) -> ShownNumber? {
        lock.lock()
        defer { lock.unlock() }
        return known[key]
    }

    func remember(_ shown: ShownNumber, for key: Key) {
        lock.lock()
        defer { lock.unlock() }
        if known.count >= Self.capacity { known.removeAll(keepingCapacity: true) }
        known[key] = shown
    }
}
