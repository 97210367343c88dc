/// A parsed JSON value that remembers where it was written.
///
/// We keep our own value type instead of Foundation's `Any` trees because
/// students write Q tables and layer lists whose *order* matters (object
/// members keep file order here), and because every later error message has
/// to point back into the file.
///
/// Equality is about the data, not the spelling: two values are equal when
/// they hold the same JSON in the same order. Positions and the literal text
/// of numbers (`1.0` versus `1`) are metadata and do not count, so a value
/// survives a write → parse round trip as an equal value.
public struct JSONValue: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case null
        case bool(Bool)
        /// The value as a `Double` plus the number exactly as written, so
        /// messages can quote the user (`got 1e300`) and integer readers can
        /// convert `9007199254740993` without going through a `Double`.
        case number(Double, literal: String)
        case string(String)
        case array([JSONValue])
        /// Members in file order; keys are unique (the parser rejects duplicates).
        case object([Member])

        public static func == (a: Kind, b: Kind) -> Bool {
            switch (a, b) {
            case (.null, .null): return true
            case let (.bool(x), .bool(y)): return x == y
            case let (.number(x, _), .number(y, _)): return x == y
            case let (.string(x), .string(y)): return x == y
            case let (.array(x), .array(y)): return x == y
            case let (.object(x), .object(y)): return x == y
            default: return false
            }
        }
    }

    public var kind: Kind
    /// 1-based line of the value's first character (0 for values built in code).
    public var line: Int
    /// 1-based column, counted in Unicode scalars, not bytes.
    public var column: Int

    public init(_ kind: Kind, line: Int = 0, column: Int = 0) {
        self.kind = kind
        self.line = line
        self.column = column
    }

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.kind == b.kind }
}

/// One `"key": value` pair of an object, with the key's position.
public struct Member: Sendable, Equatable {
    public var key: String
    public var value: JSONValue
    /// Position of the key's opening quote (0 for members built in code).
    public var line: Int
    public var column: Int

    public init(key: String, value: JSONValue, line: Int = 0, column: Int = 0) {
        self.key = key
        self.value = value
        self.line = line
        self.column = column
    }

    public static func == (a: Member, b: Member) -> Bool { a.key == b.key && a.value == b.value }
}

// MARK: - Building values in code

/// Short constructors so renderers can build JSON answers without spelling
/// out positions or number literals.
extension JSONValue {
    public static let null = JSONValue(.null)

    public static func bool(_ b: Bool) -> JSONValue { JSONValue(.bool(b)) }

    /// The literal is the writer's spelling, so `describe()` and the written
    /// text agree. The caller guarantees `x` is finite.
    public static func number(_ x: Double) -> JSONValue {
        JSONValue(.number(x, literal: JSONWriter.format(number: x)))
    }

    public static func number(_ n: Int) -> JSONValue {
        JSONValue(.number(Double(n), literal: String(n)))
    }

    public static func string(_ s: String) -> JSONValue { JSONValue(.string(s)) }

    public static func array(_ items: [JSONValue]) -> JSONValue { JSONValue(.array(items)) }

    /// Members in the given order; the caller keeps keys unique.
    public static func object(_ pairs: [(String, JSONValue)]) -> JSONValue {
        JSONValue(.object(pairs.map { Member(key: $0.0, value: $0.1) }))
    }

    /// The value of the first member named `key`, if this is an object that has one.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = kind else { return nil }
        return members.first { $0.key == key }?.value
    }
}
