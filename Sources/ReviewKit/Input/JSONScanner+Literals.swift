/// Numbers and the three bare words of JSON.
extension JSONScanner {
    private static func isDigit(_ b: UInt8?) -> Bool {
        guard let b else { return false }
        return b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")
    }

    private static func isLetter(_ b: UInt8?) -> Bool {
        guard let b else { return false }
        return (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z")
    }

    /// Reads a number by the RFC 8259 grammar
    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, keeping its text.
    ///
    /// Anything number-like that breaks the grammar (`01`, `1.`, `.5`, `1.2.3`,
    /// `12px`, `-Infinity`) is one "invalid number" at the number's start,
    /// rather than a confusing complaint about whatever follows.
    mutating func readNumber() throws -> JSONValue.Kind {
        let start = offset
        let invalid = error("invalid number")
        if peek == UInt8(ascii: "-") { advance() }
        if peek == UInt8(ascii: "0") {
            advance()
            if Self.isDigit(peek) { throw invalid }
        } else if Self.isDigit(peek) {
            while Self.isDigit(peek) { advance() }
        } else {
            throw invalid
        }
        if peek == UInt8(ascii: ".") {
            advance()
            guard Self.isDigit(peek) else { throw invalid }
            while Self.isDigit(peek) { advance() }
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            advance()
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { advance() }
            guard Self.isDigit(peek) else { throw invalid }
            while Self.isDigit(peek) { advance() }
        }
        if Self.isLetter(peek) || peek == UInt8(ascii: ".") || Self.isDigit(peek) { throw invalid }
        let literal = String(decoding: bytes[start..<offset], as: UTF8.self)
        // Underflow to zero is fine (1e-400 is 0 for every purpose here);
        // overflow to infinity is not, since nothing downstream can use it.
        guard let value = Double(literal), value.isFinite else {
            throw JSONSyntaxError(line: invalid.line, column: invalid.column, message: "number out of range")
        }
        return .number(value, literal: literal)
    }

    /// Reads `true`, `false` or `null`. Any other run of letters is reported
    /// whole, because students write Python's `True`/`None` or forget the
    /// quotes around a name like `max`.
    mutating func readWord() throws -> JSONValue.Kind {
        let start = offset
        let position = error("")
        while Self.isLetter(peek) { advance() }
        let word = String(decoding: bytes[start..<offset], as: UTF8.self)
        switch word {
        case "true": return .bool(true)
        case "false": return .bool(false)
        case "null": return .null
        default:
            let hint: String
            switch word {
            case "True", "False", "TRUE", "FALSE": hint = "JSON writes true and false in lower case"
            case "None", "nil", "NULL", "Null": hint = "JSON writes null"
            case "NaN", "Infinity": hint = "JSON numbers must be finite"
            default: hint = "strings need double quotes"
            }
            throw JSONSyntaxError(line: position.line, column: position.column,
                                  message: "unexpected word '\(word)' (\(hint))")
        }
    }

    static func startsWord(_ b: UInt8) -> Bool { isLetter(b) }
}
