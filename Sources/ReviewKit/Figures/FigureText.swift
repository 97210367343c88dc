/// Plain-text helpers for pictures, where there is no math typesetting:
/// `z1` → `z₁`, `alpha` → `α`, and XML escaping for SVG.
enum FigureText {
    private static let subscripts: [Character: Character] = [
        "0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅", "6": "₆", "7": "₇", "8": "₈", "9": "₉",
    ]
    private static let greek: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "eta": "η", "theta": "θ",
        "lambda": "λ", "mu": "μ", "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "phi": "φ", "omega": "ω",
    ]

    /// A variable name with trailing digits (or `_digits`) as subscripts.
    static func name(_ raw: String) -> String {
        var base = raw
        var digits = ""
        if let underscore = raw.lastIndex(of: "_"), raw[raw.index(after: underscore)...].allSatisfy(\.isNumber),
            underscore != raw.index(before: raw.endIndex)
        {
            base = String(raw[..<underscore])
            digits = String(raw[raw.index(after: underscore)...])
        } else {
            while let last = base.last, last.isNumber, base.count > 1 {
                digits.insert(last, at: digits.startIndex)
                base.removeLast()
            }
        }
        base = greek[base] ?? base
        return base + String(digits.compactMap { subscripts[$0] })
    }

    static func xml(_ text: String) -> String {
        TextEscaping.html(EmbedToken.strip(text))
    }

    /// A short number for a wire label: at most 3 decimals.
    static func number(_ value: Double) -> String {
        let text = NumberFormat.plain(value, decimals: 3)
        // Only a leading sign or an exponent's sign can be a hyphen.
        guard text.utf8.contains(UInt8(ascii: "-")) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "-" ? "−" : $0 }))
    }

    /// A number for TikZ math mode (ASCII minus).
    static func tikzNumber(_ value: Double) -> String {
        NumberFormat.plain(value, decimals: 3)
    }
}

extension FigureText {
    /// A Mermaid flowchart node line: `  id["text"]`, or `  id(("text"))`
    /// when `round` (an operation such as × or +).
    static func mermaidNode(_ id: String, _ text: String, round: Bool = false) -> String {
        let quoted = "\"" + mermaid(text) + "\""
        return round ? "  \(id)((\(quoted)))" : "  \(id)[\(quoted)]"
    }

    /// Text for a quoted Mermaid label: one line, quotes as `#quot;`, so a
    /// name from a problem file can neither end the label nor the code fence.
    static func mermaid(_ text: String) -> String {
        let stripped = EmbedToken.strip(text)
        guard stripped.utf8.contains(where: { $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) else { return stripped }
        var out = ""
        for scalar in stripped.unicodeScalars {
            switch scalar {
            case "\"": out += "#quot;"
            case "\n", "\r": out += " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A label cut to `limit` characters with an ellipsis, so one long name
    /// cannot push a picture's neighbours apart.
    static func short(_ text: String, limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}
