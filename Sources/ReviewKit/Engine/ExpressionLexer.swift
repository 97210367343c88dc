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
struct ExpressionLexer {
    private let characters: [Character]
    private var position = 0

    init(_ source: String) {
        characters = Array(source)
    }

    /// Column just past the last character, where "end of expression" errors point.
    var endColumn: Int { characters.count + 1 }

    mutating func next() throws(ExpressionError) -> ExpressionToken {
        while position < characters.count, characters[position].isWhitespace {
            position += 1
        }
        guard position < characters.count else {
            return ExpressionToken(kind: .end, column: endColumn, text: "")
        }
        let start = position
        let character = characters[position]
        if isDigit(at: position) {
            return try number(from: start)
        }
        if isIdentifierStart(at: position) {
            while position < characters.count,
                isIdentifierStart(at: position) || isDigit(at: position)
            {
                position += 1
            }
            let name = String(characters[start..<position])
            return ExpressionToken(kind: .identifier(name), column: start + 1, text: name)
        }
        position += 1
        let kind: ExpressionToken.Kind
        switch character {
        case "+": kind = .plus
        case "-": kind = .minus
        case "/": kind = .slash
        case "^": kind = .caret
        case "(": kind = .leftParen
        case ")": kind = .rightParen
        case ",": kind = .comma
        case "=": kind = .equals
        case "*":
            if position < characters.count, characters[position] == "*" {
                position += 1
                return ExpressionToken(kind: .caret, column: start + 1, text: "**")
            }
            kind = .star
        default:
            throw ExpressionError(column: start + 1, message: "unexpected character '\(character)'")
        }
        return ExpressionToken(kind: kind, column: start + 1, text: String(character))
    }

    /// Reads `\d+(\.\d*)?([eE][+-]?\d+)?`. The exponent is taken only when digits
    /// follow, so `2e` is the number 2 followed by the name `e`.
    private mutating func number(from start: Int) throws(ExpressionError) -> ExpressionToken {
        skipDigits()
        if position < characters.count, characters[position] == "." {
            position += 1
            skipDigits()
        }
        if position < characters.count, characters[position] == "e" || characters[position] == "E" {
            var look = position + 1
            if look < characters.count, characters[look] == "+" || characters[look] == "-" {
                look += 1
            }
            if isDigit(at: look) {
                position = look
                skipDigits()
            }
        }
        let literal = String(characters[start..<position])
        guard let value = Double(literal), value.isFinite else {
            throw ExpressionError(column: start + 1, message: "number '\(literal)' is too large")
        }
        return ExpressionToken(kind: .number(value, literal: literal), column: start + 1, text: literal)
    }

    private mutating func skipDigits() {
        while isDigit(at: position) { position += 1 }
    }

    private func isDigit(at index: Int) -> Bool {
        guard index < characters.count, let ascii = characters[index].asciiValue else { return false }
        return ascii >= 48 && ascii <= 57
    }

    private func isIdentifierStart(at index: Int) -> Bool {
        guard index < characters.count, let ascii = characters[index].asciiValue else { return false }
        return (ascii >= 65 && ascii <= 90) || (ascii >= 97 && ascii <= 122) || ascii == 95
    }
}
