/// Splits LaTeX math source into tokens, on demand.
///
/// Why hand-written and over `[Unicode.Scalar]`: indexing a Swift `String` Character by
/// Character is slow (every step runs grapheme breaking), and TeX's lexical rules are about
/// single scalars anyway (`\`, `{`, `^`, letters, digits). The tokenizer is a small value type,
/// so the parser gets lookahead by copying it (`var probe = lexer`) — the scalar array is shared,
/// not copied.
///
/// Whitespace and `%` comments are skipped here, so the parser never sees them. Commands that
/// need the raw text of their argument (`\text{…}`, `\begin{…}`, `\color{…}`) read it with
/// `readRawArgument()` instead of tokens.
struct MathTokenizer {
    enum Token: Equatable {
        /// `\name` (letters), or `\` plus one other scalar (`\,`, `\{`, `\\`); `""` for a trailing `\`.
        case command(String)
        case letter(Unicode.Scalar)
        /// Digits with at most one decimal point: `3`, `0.7311`, `.5`.
        case number(String)
        /// Anything else: `+`, `(`, `|`, `~`, non-letter Unicode.
        case symbol(Unicode.Scalar)
        case openBrace, closeBrace, caret, underscore, ampersand, prime
        case end
    }

    private let scalars: [Unicode.Scalar]
    private var position = 0

    init(_ source: String) {
        scalars = Array(source.unicodeScalars)
    }

    /// The token at `position`, remembered: the parser peeks at most tokens
    /// several times before it takes them, and lexing was the tokenizer's
    /// whole cost.
    private var lookahead: (token: Token, end: Int, at: Int)?

    /// The next token, without consuming it.
    mutating func peek() -> Token {
        current().token
    }

    /// Consumes and returns the next token; at the end it keeps returning `.end`.
    @discardableResult
    mutating func next() -> Token {
        let (token, end) = current()
        position = end
        return token
    }

    private mutating func current() -> (token: Token, end: Int) {
        if let lookahead, lookahead.at == position { return (lookahead.token, lookahead.end) }
        let (token, end) = lex(at: position)
        lookahead = (token, end, position)
        return (token, end)
    }

    /// For a pending multi-digit number, consumes only its first scalar: TeX reads `\frac12`
    /// and `x^23` one character per argument.
    mutating func nextSingleScalar() -> String {
        let start = skipSpace(from: position)
        guard start < scalars.count else { return "" }
        position = start + 1
        return String(scalars[start])
    }

    /// The raw text of a braced argument (`{bmatrix}` → `bmatrix`), with nested braces kept,
    /// or the raw text of a single token if there is no brace. Nil at the end of input.
    mutating func readRawArgument() -> String? {
        let start = skipSpace(from: position)
        guard start < scalars.count else {
            position = start
            return nil
        }
        if scalars[start] != "{" {
            let end = lex(at: start).end
            position = end
            return Self.string(scalars[start..<end])
        }
        var depth = 1
        var index = start + 1
        while index < scalars.count {
            let c = scalars[index]
            if c == "\\" {
                index += 2
                continue
            }
            if c == "{" { depth += 1 }
            if c == "}" {
                depth -= 1
                if depth == 0 { break }
            }
            index += 1
        }
        let contentEnd = min(index, scalars.count)
        position = min(index + 1, scalars.count)
        return Self.string(scalars[(start + 1)..<contentEnd])
    }

    /// Skips an optional `[…]` of a few dimension characters, as in `\\[4pt]`.
    /// Anything else (a matrix row starting with `[`) is left alone.
    mutating func skipDimensionBracket() {
        let start = skipSpace(from: position)
        guard start < scalars.count, scalars[start] == "[" else { return }
        var index = start + 1
        while index < scalars.count, index - start < 16 {
            let c = scalars[index]
            if c == "]" {
                position = index + 1
                return
            }
            guard c.properties.isASCIIHexDigit || "+-. ptmxinc".unicodeScalars.contains(c) else { return }
            index += 1
        }
    }

    // MARK: Lexing

    private func skipSpace(from start: Int) -> Int {
        var index = start
        while index < scalars.count {
            let c = scalars[index]
            if c == " " || c == "\n" || c == "\t" || c == "\r" {
                index += 1
            } else if c == "%" {
                while index < scalars.count, scalars[index] != "\n" { index += 1 }
            } else {
                break
            }
        }
        return index
    }

    private func lex(at start: Int) -> (token: Token, end: Int) {
        let index = skipSpace(from: start)
        guard index < scalars.count else { return (.end, index) }
        let c = scalars[index]
        switch c {
        case "\\":
            guard index + 1 < scalars.count else { return (.command(""), index + 1) }
            let first = scalars[index + 1]
            guard Self.isASCIILetter(first) else { return (.command(String(first)), index + 2) }
            var end = index + 2
            while end < scalars.count, Self.isASCIILetter(scalars[end]) { end += 1 }
            return (.command(Self.string(scalars[(index + 1)..<end])), end)
        case "{": return (.openBrace, index + 1)
        case "}": return (.closeBrace, index + 1)
        case "^": return (.caret, index + 1)
        case "_": return (.underscore, index + 1)
        case "&": return (.ampersand, index + 1)
        case "'": return (.prime, index + 1)
        default:
            break
        }
        if Self.isDigit(c) || (c == "." && index + 1 < scalars.count && Self.isDigit(scalars[index + 1])) {
            var end = index
            while end < scalars.count, Self.isDigit(scalars[end]) { end += 1 }
            if end + 1 < scalars.count, scalars[end] == ".", Self.isDigit(scalars[end + 1]) {
                end += 1
                while end < scalars.count, Self.isDigit(scalars[end]) { end += 1 }
            }
            return (.number(Self.string(scalars[index..<end])), end)
        }
        if Self.isASCIILetter(c) || (c.value >= 0x80 && c.properties.isAlphabetic) {
            return (.letter(c), index + 1)
        }
        return (.symbol(c), index + 1)
    }

    static func isASCIILetter(_ c: Unicode.Scalar) -> Bool {
        (c >= "a" && c <= "z") || (c >= "A" && c <= "Z")
    }

    static func isDigit(_ c: Unicode.Scalar) -> Bool {
        c >= "0" && c <= "9"
    }

    static func string(_ slice: ArraySlice<Unicode.Scalar>) -> String {
        var result = ""
        result.unicodeScalars.append(contentsOf: slice)
        return result
    }
}
