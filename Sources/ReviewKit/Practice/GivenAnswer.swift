/// One number a student gives for one answer path, as typed.
public struct GivenAnswer: Sendable, Equatable {
    /// As in `answers`: `gradient.x`, `layers[0].params`, `output[1][0]`.
    public var path: String
    public var typed: String

    public init(path: String, typed: String) {
        self.path = path
        self.typed = typed
    }

    /// `PATH=VALUE` from the command line. A VALUE that is a JSON array or
    /// object (`probabilities=[0.66, 0.24, 0.1]`) gives one answer per
    /// number in it, at the paths inside.
    public static func parse(_ argument: String) throws -> [GivenAnswer] {
        guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else {
            throw UsageError(message: "--answer '\(argument)': write PATH=VALUE, e.g. gradient.x=5")
        }
        let path = String(argument[..<equals]).trimmingWhitespace()
        let value = String(argument[argument.index(after: equals)...]).trimmingWhitespace()
        guard value.hasPrefix("[") || value.hasPrefix("{") else { return [GivenAnswer(path: path, typed: value)] }
        do {
            let json = try JSONParser.parse(Array(value.utf8))
            return try leaves(json, under: path)
        } catch let error as JSONSyntaxError {
            throw UsageError(message: "--answer \(path): \(error.description)")
        } catch let error as InputError {
            throw UsageError(message: "--answer \(path): at \(error.path.description): \(error.message)")
        }
    }

    /// Every number in `json` as an answer at `path` + its place inside.
    static func leaves(_ json: JSONValue, under path: String) throws -> [GivenAnswer] {
        var out: [GivenAnswer] = []
        try collect(json, prefix: path, at: .root, into: &out)
        return out
    }

    private static func collect(_ value: JSONValue, prefix: String, at path: JSONPath, into out: inout [GivenAnswer]) throws {
        switch value.kind {
        case .number(_, let literal):
            out.append(GivenAnswer(path: join(prefix, path), typed: literal))
        case .string(let text):
            out.append(GivenAnswer(path: join(prefix, path), typed: text))
        case .array(let items):
            for (i, item) in items.enumerated() { try collect(item, prefix: prefix, at: path.appending(index: i), into: &out) }
        case .object(let members):
            for member in members { try collect(member.value, prefix: prefix, at: path.appending(key: member.key), into: &out) }
        case .null, .bool:
            throw InputError(path: path, message: "expected a number")
        }
    }

    /// `gradient` + `.x`, `output` + `[1][0]`, or either alone.
    private static func join(_ prefix: String, _ path: JSONPath) -> String {
        let inner = path.description
        if prefix.isEmpty { return inner }
        if inner.isEmpty || inner.hasPrefix("[") { return prefix + inner }
        return prefix + "." + inner
    }
}
