/// Escapers for text that comes from problem files or from numbers: each
/// makes arbitrary text literal in one target language. Templates escape
/// `{{value}}` with them (see `TemplateEscaping`), so it is always safe and
/// `{{{value}}}` is reserved for text the tool itself wrote (formulas,
/// tokens, pre-rendered fragments).
enum TextEscaping {
    /// CommonMark: every ASCII punctuation character may be backslash-escaped,
    /// which makes it literal; line breaks become spaces so a title stays one
    /// line; embed-token characters are removed.
    static func markdown(_ text: String) -> String {
        // Most values (names, words, Chinese text) need nothing: return them without copying.
        guard text.utf8.contains(where: { markdownSpecial[Int($0)] }) else { return text }
        // Only ASCII bytes change, and UTF-8 never uses them inside a
        // multi-byte character, so working bytewise is the same as scalar by scalar.
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 8)
        for byte in EmbedToken.strip(text).utf8 {
            switch byte {
            case 0x0A, 0x0D, 0x09: out.append(0x20)
            case 0..<0x80 where markdownSpecial[Int(byte)]: out.append(0x5C); out.append(byte)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Bytes that make `markdown` work: line breaks and tabs, ASCII
    /// punctuation (Pattern_Syntax: everything CommonMark lets a backslash
    /// escape, but not `_`), and 0xEE, the lead byte of the reserved
    /// U+E000–U+E00F.
    private static let markdownSpecial: [Bool] = (0..<256).map { byte in
        if byte >= 0x80 { return byte == 0xEE }
        let scalar = Unicode.Scalar(UInt8(byte))
        return scalar == "\n" || scalar == "\r" || scalar == "\t" || scalar.properties.isPatternSyntax
    }

    static func html(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func latex(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\textbackslash{}"
            case "{", "}", "$", "&", "#", "_", "%": out += "\\"; out.unicodeScalars.append(scalar)
            case "^": out += "\\^{}"
            case "~": out += "\\~{}"
            case "<": out += "\\textless{}"
            case ">": out += "\\textgreater{}"
            case "\n", "\r": out += " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
