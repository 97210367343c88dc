import Yams

/// Reads a YAML problem or handout file into the same located `JSONValue`
/// a JSON file gives, so decoding, defaults and error paths are the same
/// (and errors also carry YAML's line and column). Teachers write YAML for
/// the comments.
///
/// YAML can say more than JSON, so some of it is refused with a located
/// error: keys that are not scalars, `.inf`/`.nan`, duplicate keys. Aliases
/// are followed, but the value they expand to is counted, so a "billion
/// laughs" file is an error, not a hang; nesting deeper than JSON's limit is
/// refused before the (recursive) composer sees it.
enum YAMLReader {
    /// The most values an expanded YAML file may hold.
    static let maxValues = 1_000_000

    /// JSON, or YAML when the file is named `.yaml`/`.yml`: the one entry
    /// for every hand-written file (problems, handouts).
    static func parseDataFile(_ bytes: [UInt8], name: String) throws -> JSONValue {
        isYAML(name) ? try parse(bytes) : try JSONParser.parse(bytes)
    }

    static func isYAML(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.hasSuffix(".yaml") || lower.hasSuffix(".yml")
    }

    static func parse(_ bytes: [UInt8]) throws -> JSONValue {
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        if let bad = UTF8Check.firstInvalidOffset(in: bytes, from: start) {
            let line = bytes[start..<bad].filter { $0 == 0x0A }.count + 1
            throw JSONSyntaxError(line: line, column: 1, message: "the file is not valid UTF-8")
        }
        let text = String(decoding: bytes[start...], as: UTF8.self)
        if let line = tooDeep(text) {
            throw JSONSyntaxError(line: line, column: 1, message: "nested too deeply (more than \(JSONParser.maxDepth) levels)")
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw syntaxError(error)
        }
        guard let node else { throw JSONSyntaxError(line: 1, column: 1, message: JSONSyntaxError.emptyFileMessage) }
        var budget = maxValues
        return try convert(node, budget: &budget)
    }

    private static func syntaxError(_ error: YamlError) -> JSONSyntaxError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            return JSONSyntaxError(line: mark.line, column: mark.column, message: "YAML: \(problem)")
        default:
            return JSONSyntaxError(line: 1, column: 1, message: "YAML: \(error)")
        }
    }

    private static func place(_ node: Node) -> (Int, Int) {
        (node.mark?.line ?? 0, node.mark?.column ?? 0)
    }

    private static func convert(_ node: Node, budget: inout Int) throws -> JSONValue {
        budget -= 1
        let (line, column) = place(node)
        guard budget >= 0 else {
            throw JSONSyntaxError(line: line, column: column,
                                  message: "more than \(maxValues) values (aliases expand to too much)")
        }
        switch node {
        case .scalar(let scalar):
            return JSONValue(try scalarKind(scalar, tag: node.tag, line: line, column: column), line: line, column: column)
        case .sequence(let sequence):
            return JSONValue(.array(try sequence.map { try convert($0, budget: &budget) }), line: line, column: column)
        case .mapping(let mapping):
            var members: [Member] = []
            var keys: Set<String> = []
            for (key, value) in mapping {
                let (keyLine, keyColumn) = place(key)
                guard case .scalar(let scalar) = key else {
                    throw JSONSyntaxError(line: keyLine, column: keyColumn, message: "a key must be a plain name, not a list or mapping")
                }
                guard keys.insert(scalar.string).inserted else {
                    throw JSONSyntaxError(line: keyLine, column: keyColumn, message: "duplicate key \(JSONWriter.quote(scalar.string))")
                }
                members.append(Member(key: scalar.string, value: try convert(value, budget: &budget),
                                      line: keyLine, column: keyColumn))
            }
            return JSONValue(.object(members), line: line, column: column)
        }
    }

    /// `tag` is the scalar's tag as the resolver reads it (`12` an int,
    /// `"12"` a string, `~` null).
    private static func scalarKind(_ scalar: Node.Scalar, tag: Tag, line: Int, column: Int) throws -> JSONValue.Kind {
        switch Tag.Name(rawValue: tag.description) {
        case .null:
            return .null
        case .bool:
            return Bool.construct(from: scalar).map { .bool($0) } ?? .string(scalar.string)
        case .int, .float:
            let literal = scalar.string
            guard let value = Double.construct(from: scalar), value.isFinite else {
                throw JSONSyntaxError(line: line, column: column, message: "\(literal) is not a finite number")
            }
            return .number(value, literal: literal)
        default:
            return .string(scalar.string)
        }
    }

    /// A line where nesting may pass JSON's limit: brackets still open,
    /// plus the `- ` and `: ` on the line, plus its indentation, is a bound
    /// on the depth there (quotes are not parsed, so it errs high).
    private static func tooDeep(_ text: String) -> Int? {
        var open = 0, lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let indent = line.prefix { $0 == " " }.count
            var markers = 0
            var previous: Character = " "
            for c in line {
                switch c {
                case "[", "{": open += 1
                case "]", "}": open = max(0, open - 1)
                case " " where previous == "-" || previous == ":": markers += 1
                default: break
                }
                previous = c
            }
            if open + markers + indent / 2 > JSONParser.maxDepth { return lineNumber }
        }
        return nil
    }
}

extension JSONValue {
    /// The value at `components` below this one (keys and indices), or the
    /// deepest one that exists on the way (an unknown key is located at its
    /// object).
    func descendant(_ components: [JSONPath.Component]) -> JSONValue? {
        var current = self
        for component in components {
            switch (component, current.kind) {
            case (.key(let key), .object(let members)):
                guard let member = members.first(where: { $0.key == key }) else { return current }
                current = member.value
            case (.index(let i), .array(let items)) where items.indices.contains(i):
                current = items[i]
            default:
                return current
            }
        }
        return current
    }
}
