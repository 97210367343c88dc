/// Small LaTeX helpers shared by every topic's presentation.
enum MathNotation {
    private static let greek: Set<String> = [
        "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda",
        "mu", "nu", "xi", "pi", "rho", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega",
    ]

    /// A variable name as LaTeX: `z1` → `z_{1}`, `w_0` → `w_{0}`,
    /// `alpha` → `\alpha`, `lr` → `\mathit{lr}`.
    static func name(_ raw: String) -> String {
        var base = Substring(raw)
        var subscriptText: Substring = ""
        if let underscore = raw.firstIndex(of: "_"), underscore != raw.startIndex {
            base = raw[..<underscore]
            subscriptText = raw[raw.index(after: underscore)...]
        } else if let firstDigit = raw.firstIndex(where: \.isNumber), firstDigit != raw.startIndex,
            raw[firstDigit...].allSatisfy(\.isNumber)
        {
            base = raw[..<firstDigit]
            subscriptText = raw[firstDigit...]
        }
        var result = symbol(String(base))
        if !subscriptText.isEmpty {
            result += "_{\(symbol(String(subscriptText)))}"
        }
        return result
    }

    private static func symbol(_ text: String) -> String {
        if greek.contains(text) { return "\\\(text)" }
        if text.count <= 1 || text.allSatisfy(\.isNumber) { return escape(text) }
        return "\\mathit{\(escape(text))}"
    }

    /// Text inside math, e.g. a state or action name: `\text{left}`.
    /// `\backslash`, `\hat{}` and `\sim` are math-mode commands, so inside
    /// `\text{…}` (text mode) they broke the LaTeX document; those three
    /// characters step out of the text instead.
    static func text(_ raw: String) -> String {
        var out = "\\text{"
        for scalar in EmbedToken.strip(raw).unicodeScalars {
            switch scalar {
            case "\\": out += "}\\backslash\\text{"
            case "^": out += "}\\hat{}\\text{"
            case "~": out += "}\\sim\\text{"
            case "<": out += "}\\lt\\text{"
            case ">": out += "}\\gt\\text{"
            default: out += escape(String(scalar))
            }
        }
        return out + "}"
    }

    /// Makes arbitrary text safe inside LaTeX math (`\text{…}` or a name).
    static func escape(_ raw: String) -> String {
        var out = ""
        for scalar in EmbedToken.strip(raw).unicodeScalars {
            switch scalar {
            case "\\": out += "\\backslash "
            case "{", "}", "_", "&", "#", "%", "$": out += "\\"; out.unicodeScalars.append(scalar)
            case "^": out += "\\hat{}"
            case "~": out += "\\sim "
            // A raw '<' in a Markdown sheet's formula could open an HTML tag
            // in a renderer without math support.
            case "<": out += "\\lt "
            case ">": out += "\\gt "
            case "\n", "\r", "\t": out += " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `\frac{\partial f}{\partial x}`
    static func partial(_ of: String, _ with: String) -> String {
        "\\frac{\\partial \(of)}{\\partial \(with)}"
    }

    /// A matrix as `\begin{bmatrix}…\end{bmatrix}`, entries written by `entry`
    /// (default: `NumberFormat.latex`).
    static func matrix(_ rows: [[Double]], entry: (Double) -> String = { NumberFormat.latex($0) }) -> String {
        let body = rows.map { $0.map(entry).joined(separator: " & ") }.joined(separator: " \\\\ ")
        return "\\begin{bmatrix} \(body) \\end{bmatrix}"
    }

    /// A row vector as a bmatrix with one row; a column vector with `column`.
    static func vector(_ values: [Double], column: Bool = false, entry: (Double) -> String = { NumberFormat.latex($0) }) -> String {
        matrix(column ? values.map { [$0] } : [values], entry: entry)
    }
}
