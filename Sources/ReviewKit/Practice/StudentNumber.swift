import Foundation

/// A number as a student typed it, with how precisely they typed it.
///
/// Input is forgiving because students type what they write on paper:
/// `0.73`, `.73`, `7.3e-1`, `-1/3`, `−2` (a real minus sign), full-width
/// digits `０.７３`, and thousands separators (`23,860`, `23，860`).
///
/// The tolerance follows the digits typed: `0.73` stands for anything that
/// rounds to 0.73, so it is right for 0.7311 (half a unit in the last
/// digit, 0.005). A fraction is exact. See `isRight(for:)` for the one
/// extra rule that keeps `0` from being "right" for 0.33.
struct StudentNumber: Sendable, Equatable {
    /// What the student typed, as they typed it.
    var text: String
    var value: Double
    /// Half a unit in the last typed digit; 0 for a fraction (exact).
    var halfUnit: Double

    /// nil when the text is not a number in any form we accept.
    init?(_ typed: String) {
        text = typed
        let normalized = Self.normalize(typed)
        guard !normalized.isEmpty else { return nil }
        if let slash = normalized.firstIndex(of: "/") {
            let top = String(normalized[..<slash]), bottom = String(normalized[normalized.index(after: slash)...])
            guard let a = Self.decimal(top), let b = Self.decimal(bottom), b.value != 0 else { return nil }
            value = a.value / b.value
            halfUnit = 0
        } else {
            guard let d = Self.decimal(normalized) else { return nil }
            value = d.value
            halfUnit = d.halfUnit
        }
        guard value.isFinite else { return nil }
    }

    /// Whether this answer counts as `expected`: within half a unit of the
    /// last typed digit (plus a hair for binary rounding), and typed with at
    /// least two significant figures of `expected` — or equal to it.
    func isRight(for expected: Double) -> Bool {
        let hair = 1e-9 * max(1, abs(expected))
        let difference = abs(value - expected)
        if difference <= hair { return true }
        guard difference <= halfUnit + hair else { return false }
        return halfUnit <= 0.05 * abs(expected) + hair
    }

    // MARK: Reading

    /// Full-width forms to ASCII, minus signs to `-`, spaces and
    /// thousands separators out.
    private static func normalize(_ typed: String) -> String {
        var out = ""
        for scalar in typed.unicodeScalars {
            switch scalar.value {
            case 0xFF10...0xFF19: out.unicodeScalars.append(Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!)
            case 0xFF0E, 0x3002: out += "."  // ． and 。 typed for a decimal point
            case 0x2212, 0xFF0D, 0x2013: out += "-"
            case 0xFF0B: out += "+"
            case 0xFF0F: out += "/"
            case 0xFF45: out += "e"
            case 0xFF25: out += "E"
            case 0xFF0C, 0x2C, 0x2009, 0x202F, 0x5F: out += ","  // thousands separators
            case 0x20, 0x09, 0x3000: continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return removeThousandsSeparators(out) ?? ""
    }

    /// `23,860` → `23860`; a comma anywhere but between groups of three
    /// digits before the point makes the text unreadable (nil).
    private static func removeThousandsSeparators(_ text: String) -> String? {
        guard text.contains(",") else { return text }
        let digitsEnd = text.firstIndex { $0 == "." || $0 == "e" || $0 == "E" || $0 == "/" } ?? text.endIndex
        let head = text[..<digitsEnd]
        guard !text[digitsEnd...].contains(",") else { return nil }
        let groups = head.split(separator: ",", omittingEmptySubsequences: false)
        let first = groups[0].drop { $0 == "-" || $0 == "+" }
        guard (1...3).contains(first.count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        return groups.joined() + text[digitsEnd...]
    }

    /// A decimal with optional sign, point and exponent, and half a unit
    /// in its last digit.
    private static func decimal(_ text: String) -> (value: Double, halfUnit: Double)? {
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            guard let power = Int(text[text.index(after: e)...]), abs(power) < 400 else { return nil }
            exponent = power
            mantissa = text[..<e]
        }
        var unsigned = mantissa
        if unsigned.first == "-" || unsigned.first == "+" { unsigned = unsigned.dropFirst() }
        let parts = unsigned.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              parts.contains(where: { !$0.isEmpty })
        else { return nil }
        let decimals = parts.count == 2 ? parts[1].count : 0
        guard let value = Double(String(mantissa).hasPrefix(".") || String(mantissa).hasPrefix("-.")
                                 ? String(mantissa).replacingOccurrences(of: ".", with: "0.") : String(mantissa))
        else { return nil }
        let scale = pow(10, Double(exponent))
        return (value * scale, 0.5 * pow(10, Double(exponent - decimals)))
    }
}

private extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
