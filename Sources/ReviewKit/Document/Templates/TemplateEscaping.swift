/// What `{{value}}` escapes for, chosen per file by its inner extension
/// (`.html` → HTML, `.tex` → LaTeX, anything else → Markdown), so text from
/// problem files is always literal in the output it lands in.
enum TemplateEscaping: Sendable {
    case markdown, html, latex

    /// The escaping of a template registered as `name` (`page.html`, `sheet`).
    init(templateName name: String) {
        self = name.hasSuffix(".html") ? .html : name.hasSuffix(".tex") ? .latex : .markdown
    }

    func escape(_ text: String) -> String {
        switch self {
        case .markdown: TextEscaping.markdown(text)
        case .latex: TextEscaping.latex(text)
        case .html: Self.html(text)
        }
    }

    /// HTML escaping as swift-mustache did it, character by character: a
    /// `<` carrying a combining mark is one Character and stays as it is,
    /// which `TextEscaping.html` (scalar by scalar) would escape. Kept so
    /// pages stay byte-identical; text without any of the five characters
    /// (nearly all of it) is returned without copying.
    private static func html(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            return text
        }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
