/// Decides whether a formula may go into LaTeX output as written.
///
/// Formulas in statements come from problem files, and LaTeX is a
/// programming language: `\input{/etc/passwd}`, `\write18{…}`, a `%` that
/// comments out the closing `\)`, an unbalanced `}` or `^^5c` (TeX's spelling
/// of a backslash) would read files, run commands or break the document. A
/// formula is passed through only when it stays inside what the MathML
/// converter understands; anything else is shown as its source text, so the
/// HTML and LaTeX sheets agree on what is math.
enum LaTeXMathSafety {
    /// Control symbols (backslash + one non-letter) that are harmless in math.
    private static let controlSymbols: Set<Unicode.Scalar> = ["{", "}", ",", ";", "!", ":", " ", "\\", "|", "%", "#", "&", "_", "$", ">"]

    static func isSafe(_ latex: String) -> Bool {
        let s = Array(latex.unicodeScalars)
        var depth = 0
        var environments: [String] = []
        var i = 0
        while i < s.count {
            let c = s[i]
            switch c {
            case "\\":
                guard i + 1 < s.count else { return false }
                var j = i + 1
                while j < s.count, s[j].properties.isAlphabetic, s[j].isASCII { j += 1 }
                if j == i + 1 {
                    guard controlSymbols.contains(s[j]) else { return false }
                    i = j + 1
                    continue
                }
                let name = String(String.UnicodeScalarView(s[(i + 1)..<j]))
                guard MathParser.knows(command: name) else { return false }
                if name == "begin" || name == "end" {
                    guard let (environment, next) = braced(s, from: j),
                          mathEnvironment(environment) else { return false }
                    if name == "begin" {
                        environments.append(environment)
                    } else if environments.popLast() != environment {
                        return false
                    }
                    i = next
                    continue
                }
                i = j
            case "{": depth += 1; i += 1
            case "}":
                depth -= 1
                guard depth >= 0 else { return false }
                i += 1
            case "%", "#": return false
            case "^" where i + 1 < s.count && s[i + 1] == "^": return false
            case _ where c.value < 0x20 && c != "\n" && c != "\t" && c != "\r": return false
            default: i += 1
            }
        }
        return depth == 0 && environments.isEmpty
    }

    /// `{name}` right after `\begin` or `\end`, and the index after it.
    private static func braced(_ s: [Unicode.Scalar], from start: Int) -> (String, Int)? {
        var i = start
        while i < s.count, s[i] == " " { i += 1 }
        guard i < s.count, s[i] == "{", let close = s[i...].firstIndex(of: "}") else { return nil }
        return (String(String.UnicodeScalarView(s[(i + 1)..<close])), close + 1)
    }

    private static func mathEnvironment(_ name: String) -> Bool {
        MathParser.mathEnvironments.contains(name.hasSuffix("*") ? String(name.dropLast()) : name)
    }
}
