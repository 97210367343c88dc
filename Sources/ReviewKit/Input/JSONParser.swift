/// An RFC 8259 JSON parser over UTF-8 bytes.
///
/// Why not `JSONSerialization`: it forgets member order (students expect the
/// states of a Q table to stay in the order they wrote them), its errors do
/// not say where in the file the problem is, and it has no depth limit.
///
/// The parser is iterative: open containers live on an explicit stack, so a
/// file of 100,000 `[` is a "nested too deeply" error, never a stack overflow.
public enum JSONParser {
    /// The deepest nesting accepted. Real problem files stay below 10.
    public static let maxDepth = 512

    public static func parse(_ bytes: [UInt8]) throws -> JSONValue {
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0  // a UTF-8 BOM is not content
        var scanner = JSONScanner(bytes: bytes, offset: start)
        if let bad = UTF8Check.firstInvalidOffset(in: bytes, from: start) {
            scanner.advance(to: bad)
            throw scanner.error("the file is not valid UTF-8")
        }
        scanner.skipWhitespace()
        if scanner.atEnd {
            throw JSONSyntaxError(line: 1, column: 1, message: JSONSyntaxError.emptyFileMessage)
        }
        let value = try parseValue(&scanner)
        scanner.skipWhitespace()
        if !scanner.atEnd { throw scanner.error("text after the JSON value") }
        return value
    }

    /// An array or object whose closing bracket has not been read yet.
    private struct OpenContainer {
        var isObject: Bool
        var line: Int
        var column: Int
        var items: [JSONValue] = []
        var members: [Member] = []
        var keys: Set<String> = []
        /// The key read most recently, waiting for its value.
        var key = ""
        var keyLine = 0
        var keyColumn = 0

        func closed() -> JSONValue {
            JSONValue(isObject ? .object(members) : .array(items), line: line, column: column)
        }
    }

    private static func parseValue(_ s: inout JSONScanner) throws -> JSONValue {
        var stack: [OpenContainer] = []
        while true {
            // Read one value, or open a container and go round for its first element.
            s.skipWhitespace()
            let line = s.line, column = s.column
            guard let b = s.peek else { throw s.error("unexpected end of file") }
            var value: JSONValue
            switch b {
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                guard stack.count < maxDepth else {
                    throw s.error("nested too deeply (more than \(maxDepth) levels)")
                }
                let isObject = b == UInt8(ascii: "{")
                s.advance()
                s.skipWhitespace()
                if s.peek == UInt8(ascii: isObject ? "}" : "]") {
                    s.advance()
                    value = JSONValue(isObject ? .object([]) : .array([]), line: line, column: column)
                } else {
                    var open = OpenContainer(isObject: isObject, line: line, column: column)
                    if isObject { try readKey(&s, into: &open) }
                    stack.append(open)
                    continue
                }
            case UInt8(ascii: "\""):
                value = JSONValue(.string(try s.readString()), line: line, column: column)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                value = JSONValue(try s.readNumber(), line: line, column: column)
            case _ where JSONScanner.startsWord(b):
                value = JSONValue(try s.readWord(), line: line, column: column)
            default:
                throw s.unexpectedCharacter()
            }

            // Hand the finished value to its container, closing every
            // container the text closes right after it.
            while let top = stack.indices.last {
                let isObject = stack[top].isObject
                if isObject {
                    let open = stack[top]
                    stack[top].members.append(
                        Member(key: open.key, value: value, line: open.keyLine, column: open.keyColumn))
                } else {
                    stack[top].items.append(value)
                }
                s.skipWhitespace()
                let close = UInt8(ascii: isObject ? "}" : "]")
                guard let next = s.peek else { throw s.error("unexpected end of file") }
                if next == UInt8(ascii: ",") {
                    let comma = s.error("trailing comma")
                    s.advance()
                    s.skipWhitespace()
                    if s.peek == close { throw comma }
                    if isObject { try readKey(&s, into: &stack[top]) }
                    break
                } else if next == close {
                    s.advance()
                    value = stack.removeLast().closed()
                } else {
                    throw s.error(isObject
                        ? "expected ',' or '}' after an object member"
                        : "expected ',' or ']' after an array element")
                }
            }
            if stack.isEmpty { return value }
        }
    }

    /// Reads `"key" :` and remembers the key on the open object.
    private static func readKey(_ s: inout JSONScanner, into open: inout OpenContainer) throws {
        s.skipWhitespace()
        guard let b = s.peek else { throw s.error("unexpected end of file") }
        guard b == UInt8(ascii: "\"") else {
            if JSONScanner.startsWord(b) { throw s.error("object keys need double quotes") }
            throw s.unexpectedCharacter()
        }
        let line = s.line, column = s.column
        let key = try s.readString()
        guard open.keys.insert(key).inserted else {
            throw JSONSyntaxError(line: line, column: column, message: "duplicate key \(JSONWriter.quote(key))")
        }
        open.key = key
        open.keyLine = line
        open.keyColumn = column
        s.skipWhitespace()
        guard let colon = s.peek else { throw s.error("unexpected end of file") }
        guard colon == UInt8(ascii: ":") else {
            throw s.error("expected ':' after the key \(JSONWriter.quote(key))")
        }
        s.advance()
    }
}
