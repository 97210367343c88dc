/// A token of the expression language.
struct ExpressionToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case number(Double, literal: String)
        case identifier(String)
        case plus, minus, star, slash
        /// `^` or `**`: the two spellings mean the same thing, so the lexer merges them.
        case caret
        case leftParen, rightParen, comma, equals
        case end
    }

    var kind: Kind
    /// 1-based column of the token's first character.
    var column: Int
    /// The source spelling, used in error messages ("unexpected '*'").
    var text: String
}

/// Splits the source into tokens on demand.
///
/// The lexer is pulled one token at a time (rather than tokenising everything
/// first) so that the error reported is always the leftmost one: a stray `)`
/// at column 1 is reported before a `#` further along.
///
/// It scans Unicode scalars, which is several times faster than scanning
/// grapheme clusters on 10^5-term inputs, and maps scalar offsets to
/// `Character` columns only when the source is not pure ASCII.
struct ExpressionLexer {
    private let source: String
    private let scalars: [Unicode.Scalar]
    /// `characterColumn[i]` is the 1-based `Character` column of scalar `i`; empty for ASCII sources.
    private let characterColumn: [Int]
    private var position = 0

    init(_ source: String) {
        self.source = source
        scalars = Array(source.unicodeScalars)
        // ASCII is one scalar per Character, except "\r\n", which is one
        // Character of two scalars (the fuzzer found that a CRLF in an
        // expression sent the error path past the end of the string).
        if source.utf8.allSatisfy({ $0 < 0x80 && $0 != 13 }) {
            characterColumn = []
        } else {
            var table: [Int] = []
            table.reserveCapacity(scalars.count + 1)
            for (offset, character) in source.enumerated() {
                for _ in character.unicodeScalars { table.append(offset + 1) }
            }
            table.append((table.last ?? 0) + 1)
            characterColumn = table
        }
    }

    /// The `Character` column of scalar offset `index` (or just past the end).
    private func column(_ index: Int) -> Int {
        characterColumn.isEmpty ? index + 1 : characterColumn[index]
    }

    /// Column just past the last character, where "end of expression" errors point.
    var endColumn: Int { column(scalars.count) }

    mutating func next() throws(ExpressionError) -> ExpressionToken {
        while position < scalars.count, isWhitespace(scalars[position]) {
            position += 1
        }
        guard position < scalars.count else {
            return ExpressionToken(kind: .end, column: endColumn, text: "")
        }
        let start = position
        let scalar = scalars[position]
        if isDigit(at: position) {
            return try number(from: start)
        }
        if isIdentifierStart(at: position) {
            while position < scalars.count,
                isIdentifierStart(at: position) || isDigit(at: position)
            {
                position += 1
            }
            let name = text(start..<position)
            return ExpressionToken(kind: .identifier(name), column: column(start), text: name)
        }
        position += 1
        let kind: ExpressionToken.Kind
        switch scalar {
        case "+": kind = .plus
        case "-": kind = .minus
        case "/": kind = .slash
        case "^": kind = .caret
        case "(": kind = .leftParen
        case ")": kind = .rightParen
        case ",": kind = .comma
        case "=": kind = .equals
        case "*":
            if position < scalars.count, scalars[position] == "*" {
                position += 1
                return ExpressionToken(kind: .caret, column: column(start), text: "**")
            }
            kind = .star
        default:
            // Report the whole user-perceived character (e.g. an accented letter), not one scalar.
            let characterColumn = column(start)
            let index = source.index(source.startIndex, offsetBy: characterColumn - 1, limitedBy: source.endIndex)
            let character = index.flatMap { source[$0...].first } ?? Character(scalar)
            throw ExpressionError(column: characterColumn, message: "unexpected character '\(character)'")
        }
        return ExpressionToken(kind: kind, column: column(start), text: String(scalar))
    }

    /// Unicode White_Space, with a fast path for ASCII (the property lookup is slow).
    private func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value == 32 || (value >= 9 && value <= 13) }
        return scalar.properties.isWhitespace
    }

    private func text(_ range: Range<Int>) -> String {
        var result = ""
        result.unicodeScalars.append(contentsOf: scalars[range])
        return result
    }

    /// Reads `\d+(\.\d*)?([eE][+-]?\d+)?`. The exponent is taken only when digits
    /// follow, so `2e` is the number 2 followed by the name `e`.
    private mutating func number(from start: Int) throws(ExpressionError) -> ExpressionToken {
        skipDigits()
        if position < scalars.count, scalars[position] == "." {
            position += 1
            skipDigits()
        }
        if position < scalars.count, scalars[position] == "e" || scalars[position] == "E" {
            var look = position + 1
            if look < scalars.count, scalars[look] == "+" || scalars[look] == "-" {
                look += 1
            }
            if isDigit(at: look) {
                position = look
                skipDigits()
            }
        }
        let literal = text(start..<position)
        guard let value = Double(literal), value.isFinite else {
            throw ExpressionError(column: column(start), message: "number '\(literal)' is too large")
        }
        return ExpressionToken(kind: .number(value, literal: literal), column: column(start), text: literal)
    }

    private mutating func skipDigits() {
        while isDigit(at: position) { position += 1 }
    }

    private func isDigit(at index: Int) -> Bool {
        guard index < scalars.count else { return false }
        let ascii = scalars[index].value
        return ascii >= 48 && ascii <= 57
    }

    private func isIdentifierStart(at index: Int) -> Bool {
        guard index < scalars.count else { return false }
        let ascii = scalars[index].value
        return (ascii >= 65 && ascii <= 90) || (ascii >= 97 && ascii <= 122) || ascii == 95
    }
}
