/// Font commands (`\mathbb`, `\mathcal`, `\mathbf`, …) mapped to Unicode letters.
///
/// Why Unicode instead of `mathvariant`: MathML Core (what Chromium implements) only honours
/// `mathvariant="normal"`; bold, double-struck and script letters must be the characters of
/// the Mathematical Alphanumeric Symbols block (U+1D400…). Those are never auto-italicised,
/// so `\mathbf{W}` stays upright bold, as in LaTeX.
enum MathVariant: Sendable {
    /// `\mathrm`, `\operatorname`: upright, adjacent letters merged into one word.
    case normal
    case italic, bold, boldItalic, doubleStruck, script, fraktur, sansSerif, monospace

    static let commands: [String: MathVariant] = [
        "mathrm": .normal, "mathup": .normal, "rm": .normal,
        "mathit": .italic, "mathbf": .bold, "bf": .bold,
        "boldsymbol": .boldItalic, "bm": .boldItalic,
        "mathbb": .doubleStruck, "mathcal": .script, "mathscr": .script, "mathfrak": .fraktur,
        "mathsf": .sansSerif, "mathtt": .monospace,
    ]

    /// Maps one scalar; anything without a styled form is returned unchanged.
    func map(_ c: Unicode.Scalar) -> Unicode.Scalar {
        let v = c.value
        let isUpper = v >= 0x41 && v <= 0x5A
        let isLower = v >= 0x61 && v <= 0x7A
        let isDigit = v >= 0x30 && v <= 0x39
        if let hole = holes[c] { return hole }
        var code: UInt32?
        switch self {
        case .normal:
            return c
        case .italic:
            code = isUpper ? 0x1D434 + v - 0x41 : isLower ? 0x1D44E + v - 0x61 : nil
        case .bold:
            code = isUpper ? 0x1D400 + v - 0x41 : isLower ? 0x1D41A + v - 0x61
                : isDigit ? 0x1D7CE + v - 0x30 : greek(c, upper: 0x1D6A8, lower: 0x1D6C2)
        case .boldItalic:
            code = isUpper ? 0x1D468 + v - 0x41 : isLower ? 0x1D482 + v - 0x61
                : isDigit ? 0x1D7CE + v - 0x30 : greek(c, upper: 0x1D71C, lower: 0x1D736)
        case .doubleStruck:
            code = isUpper ? 0x1D538 + v - 0x41 : isLower ? 0x1D552 + v - 0x61 : isDigit ? 0x1D7D8 + v - 0x30 : nil
        case .script:
            code = isUpper ? 0x1D49C + v - 0x41 : isLower ? 0x1D4B6 + v - 0x61 : nil
        case .fraktur:
            code = isUpper ? 0x1D504 + v - 0x41 : isLower ? 0x1D51E + v - 0x61 : nil
        case .sansSerif:
            code = isUpper ? 0x1D5A0 + v - 0x41 : isLower ? 0x1D5BA + v - 0x61 : isDigit ? 0x1D7E2 + v - 0x30 : nil
        case .monospace:
            code = isUpper ? 0x1D670 + v - 0x41 : isLower ? 0x1D68A + v - 0x61 : isDigit ? 0x1D7F6 + v - 0x30 : nil
        }
        return code.flatMap(Unicode.Scalar.init) ?? c
    }

    func map(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.append(contentsOf: text.unicodeScalars.map(map))
        return result
    }

    /// Letters whose styled form was encoded earlier, outside the alphanumeric block.
    private var holes: [Unicode.Scalar: Unicode.Scalar] {
        switch self {
        case .italic: return ["h": "\u{210E}"]
        case .doubleStruck:
            return ["C": "\u{2102}", "H": "\u{210D}", "N": "\u{2115}", "P": "\u{2119}",
                    "Q": "\u{211A}", "R": "\u{211D}", "Z": "\u{2124}"]
        case .script:
            return ["B": "\u{212C}", "E": "\u{2130}", "F": "\u{2131}", "H": "\u{210B}", "I": "\u{2110}",
                    "L": "\u{2112}", "M": "\u{2133}", "R": "\u{211B}", "e": "\u{212F}", "g": "\u{210A}",
                    "o": "\u{2134}"]
        case .fraktur:
            return ["C": "\u{212D}", "H": "\u{210C}", "I": "\u{2111}", "R": "\u{211C}", "Z": "\u{2128}"]
        default: return [:]
        }
    }

    /// Greek letters in the bold blocks, which follow the order Α…Ω, ∇, α…ω, ∂, ϵ, ϑ, ϰ, ϕ, ϱ, ϖ.
    private func greek(_ c: Unicode.Scalar, upper: UInt32, lower: UInt32) -> UInt32? {
        let v = c.value
        if v >= 0x391 && v <= 0x3A9 { return upper + v - 0x391 }
        if v >= 0x3B1 && v <= 0x3C9 { return lower + v - 0x3B1 }
        let tail: [UInt32: UInt32] = [0x2207: upper + 25, 0x2202: lower + 25, 0x3F5: lower + 26,
                                      0x3D1: lower + 27, 0x3F0: lower + 28, 0x3D5: lower + 29,
                                      0x3F1: lower + 30, 0x3D6: lower + 31]
        return tail[v]
    }
}
