/// The members of a checked object (see `Field.object(allowedKeys:)`),
/// looked up by key, with paths that extend the object's own.
public struct ObjectFields: Sendable {
    /// Where the object itself is; missing-field errors are reported here,
    /// since the missing key has no place of its own.
    public let path: JSONPath
    private let members: [Member]

    init(path: JSONPath, members: [Member]) {
        self.path = path
        self.members = members
    }

    /// The keys in file order.
    public var keys: [String] { members.map(\.key) }

    /// Every member as a field, in file order.
    public var fields: [Field] {
        members.map { Field(value: $0.value, path: path.appending(key: $0.key)) }
    }

    public func contains(_ key: String) -> Bool {
        members.contains { $0.key == key }
    }

    /// The member `key`, or "missing required field 'key'" at the object's path.
    public func required(_ key: String) throws -> Field {
        guard let field = optional(key) else {
            throw InputError(path: path, message: "missing required field \(Field.quoteName(key))")
        }
        return field
    }

    /// The member `key`, or `nil` only when the key is absent. An explicit
    /// `null` is returned as a field, and the typed accessors reject it:
    /// writing `"stride": null` is more likely a mistake than a request for
    /// the default.
    public func optional(_ key: String) -> Field? {
        members.first { $0.key == key }.map { Field(value: $0.value, path: path.appending(key: key)) }
    }

    /// Two ways to give one thing (`kernel` or `kernels`, `adjacency` or
    /// `edges`): exactly one must be there. Both is "give either 'a' or 'b',
    /// not both" at `b`; neither is "missing required field 'a' (or 'b')",
    /// where `alternative` may say more than `'b'` ("'edges' with 'nodes'").
    /// Returns whether `first` is the one given. Checked before a schema
    /// reads, so the message does not depend on which key comes first.
    @discardableResult
    public func either(_ first: String, or second: String, alternative: String? = nil) throws -> Bool {
        if contains(first), let other = optional(second) {
            throw other.error("give either '\(first)' or '\(second)', not both")
        }
        guard contains(first) || contains(second) else {
            throw InputError(path: path, message: "missing required field '\(first)' (or \(alternative ?? "'\(second)'"))")
        }
        return contains(first)
    }
}
