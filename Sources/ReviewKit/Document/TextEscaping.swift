/// Escapers for text that comes from problem files or from numbers: each
/// makes arbitrary text literal in one target language. Templates escape
/// `{{value}}` with them (see `TemplateEscaping`), so it is always safe and
/// `{{{value}}}` is reserved for text the tool itself wrote (formulas,
/// tokens, pre-rendered fragments).
enum TextEscaping {
    /// CommonMark: every ASCII punctuation character may be backslash-escaped,
    /// which makes it literal; line breaks become spaces so a title stays one
    /// line; island-token characters are removed.
    static func markdown(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in IslandToken.strip(text).unicodeScalars {
            switch scalar {
            case "\n", "\r", "\t": out.append(" ")
            case _ where scalar.isASCII && scalar.properties.isPatternSyntax:
                out.append("\\"); out.unicodeScalars.append(scalar)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
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
