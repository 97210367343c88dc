/// The byte-level half of the parser: a cursor over validated UTF-8 that
/// tracks line and column, and reads the pieces of JSON that are not
/// containers (strings, numbers, `true`/`false`/`null`).
///
/// Kept apart from `JSONParser` so the container logic there reads as the
/// grammar, and so every position in an error message comes from one place.
struct JSONScanner {
    let bytes: [UInt8]
    private(set) var offset: Int
    /// 1-based position of the byte at `offset`.
    private(set) var line = 1
    /// Counted in Unicode scalars: only lead bytes move the column on.
    private(set) var column = 1

    init(bytes: [UInt8], offset: Int) {
        self.bytes = bytes
        self.offset = offset
    }

    var atEnd: Bool { offset >= bytes.count }
    var peek: UInt8? { offset < bytes.count ? bytes[offset] : nil }

    mutating func advance() {
        let byte = bytes[offset]
        offset += 1
        if byte == UInt8(ascii: "\n") {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
    }

    /// Moves forward to `target`, keeping line and column right.
    mutating func advance(to target: Int) {
        while offset < target { advance() }
    }

    /// RFC 8259 whitespace only: space, tab, line feed, carriage return.
    mutating func skipWhitespace() {
        while let b = peek, b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { advance() }
    }

    func error(_ message: String) -> JSONSyntaxError {
        JSONSyntaxError(line: line, column: column, message: message)
    }

    /// An error for the character under the cursor, with a hint for the
    /// mistakes students actually make (comments, single or curly quotes).
    func unexpectedCharacter() -> JSONSyntaxError {
        guard !atEnd else { return error("unexpected end of file") }
        let scalar = String(decoding: bytes[offset..<min(offset + 4, bytes.count)], as: UTF8.self)
            .unicodeScalars.first!
        let shown: String
        if scalar.value < 0x20 || scalar.value == 0x7F {
            let hex = String(scalar.value, radix: 16, uppercase: true)
            shown = "U+" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
            shown = "'\(Character(scalar))'"
        }
        var message = "unexpected character \(shown)"
        switch scalar {
        case "/", "#": message += " (JSON has no comments)"
        case "'", "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}": message += " (strings need straight double quotes)"
        default: break
        }
        return error(message)
    }

    // MARK: - Strings

    /// Reads a string starting at its opening quote.
    mutating func readString() throws -> String {
        let startLine = line, startColumn = column
        let unterminated = JSONSyntaxError(line: startLine, column: startColumn, message: "unterminated string")
        advance()  // the opening quote
        var out: [UInt8] = []
        while let b = peek {
            switch b {
            case UInt8(ascii: "\""):
                advance()
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard offset + 1 < bytes.count else { throw unterminated }
                try readEscape(into: &out)
            case UInt8(ascii: "\n"):
                // A raw line break almost always means a missing closing quote.
                throw unterminated
            case 0..<0x20:
                throw error("control character in string")
            default:
                out.append(b)
                advance()
            }
        }
        throw unterminated
    }

    /// Reads one escape sequence starting at its backslash.
    private mutating func readEscape(into out: inout [UInt8]) throws {
        let escape = error("")  // the backslash's position, reused for every escape error
        advance()
        let b = bytes[offset]
        let simple: UInt8?
        switch b {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): simple = b
        case UInt8(ascii: "b"): simple = 0x08
        case UInt8(ascii: "f"): simple = 0x0C
        case UInt8(ascii: "n"): simple = 0x0A
        case UInt8(ascii: "r"): simple = 0x0D
        case UInt8(ascii: "t"): simple = 0x09
        case UInt8(ascii: "u"): simple = nil
        default:
            let shown = b < 0x20 ? "" : String(decoding: bytes[offset..<min(offset + 4, bytes.count)], as: UTF8.self)
                .unicodeScalars.first.map { String(Character($0)) } ?? ""
            throw at(escape, "invalid escape '\\\(shown)'")
        }
        advance()
        if let simple {
            out.append(simple)
            return
        }
        var code = try readHex4(escape)
        if (0xDC00...0xDFFF).contains(code) {
            throw at(escape, "lone surrogate '\\u\(hex4(code))' in string")
        }
        if (0xD800...0xDBFF).contains(code) {
            // A high surrogate must be followed at once by an escaped low one.
            guard offset + 1 < bytes.count, bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u") else {
                throw at(escape, "lone surrogate '\\u\(hex4(code))' in string")
            }
            let low = error("")
            advance(); advance()
            let second = try readHex4(low)
            guard (0xDC00...0xDFFF).contains(second) else {
                throw at(escape, "lone surrogate '\\u\(hex4(code))' in string")
            }
            code = 0x10000 + ((code - 0xD800) << 10) + (second - 0xDC00)
        }
        out.append(contentsOf: Array(String(Character(Unicode.Scalar(code)!)).utf8))
    }

    private mutating func readHex4(_ escape: JSONSyntaxError) throws -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let b = peek, let digit = hexDigit(b) else {
                throw at(escape, "invalid escape: '\\u' needs four hex digits")
            }
            value = value << 4 | digit
            advance()
        }
        return value
    }

    private func hexDigit(_ b: UInt8) -> UInt32? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(b - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(b - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(b - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    private func hex4(_ code: UInt32) -> String {
        let hex = String(code, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    private func at(_ position: JSONSyntaxError, _ message: String) -> JSONSyntaxError {
        JSONSyntaxError(line: position.line, column: position.column, message: message)
    }
}
