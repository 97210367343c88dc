/// A topic's problem fields, declared once: name, type, default and a
/// one-line doc for each, with how to read it into the problem and write it
/// back. Decoding, encoding, the allowed keys (and so "did you mean"), and
/// the README's field table all come from this one list, so they cannot
/// drift apart, the way swift-argument-parser derives `--help` from `@Option`.
struct FieldSchema<Problem>: Sendable {
    struct Spec: Sendable {
        let name: String
        /// What the field holds, as the README's table shows it.
        let type: String
        /// The default as the README shows it; nil for a required field.
        let defaultValue: String?
        let doc: String
        /// Reads the field into the problem. Fields are read in declaration
        /// order, so a field may check itself against one declared before it.
        let read: @Sendable (Field, inout Problem) throws -> Void
        let write: @Sendable (Problem) -> JSONValue

        var isRequired: Bool { defaultValue == nil }
    }

    let specs: [Spec]

    init(_ specs: [Spec]) {
        self.specs = specs
    }

    var names: [String] { specs.map(\.name) }

    /// Reads every declared field of `object` into `problem` (which holds
    /// the defaults); a missing required field is a located error.
    func decode(_ object: ObjectFields, into problem: Problem) throws -> Problem {
        var problem = problem
        for spec in specs {
            if let field = object.optional(spec.name) {
                try spec.read(field, &problem)
            } else if spec.isRequired {
                _ = try object.required(spec.name)  // throws "missing required field"
            }
        }
        return problem
    }

    /// Every field, defaults filled in, in declaration order. A field that
    /// writes `null` is left out: no field reads `null` (the typed accessors
    /// refuse it), so that is how an optional field with no value stays out
    /// of the echoed problem instead of echoing something that cannot be
    /// read back.
    func encode(_ problem: Problem) -> [(String, JSONValue)] {
        specs.compactMap { spec in
            let value = spec.write(problem)
            return value == .null ? nil : (spec.name, value)
        }
    }

    /// The README's table of the fields.
    func markdownTable() -> String {
        var lines = ["| field | type | default | meaning |", "| --- | --- | --- | --- |"]
        for spec in specs {
            lines.append("| `\(spec.name)` | \(spec.type) | \(spec.defaultValue.map { "`\($0)`" } ?? "required") | \(spec.doc) |")
        }
        return lines.joined(separator: "\n")
    }
}

extension FieldSchema.Spec {
    /// A field read and written with closures of its own (shapes that depend
    /// on other fields).
    static func custom(
        _ name: String, type: String, default defaultValue: String? = nil, doc: String,
        read: @escaping @Sendable (Field, inout Problem) throws -> Void,
        write: @escaping @Sendable (Problem) -> JSONValue
    ) -> Self {
        Self(name: name, type: type, defaultValue: defaultValue, doc: doc, read: read, write: write)
    }

    /// A positive number (`temperature`, a learning rate).
    static func positiveNumber(
        _ name: String, _ keyPath: WritableKeyPath<Problem, Double> & Sendable, default defaultValue: Double,
        doc: String
    ) -> Self {
        Self(
            name: name, type: "number > 0", defaultValue: JSONWriter.format(number: defaultValue), doc: doc,
            read: { field, problem in
                let value = try field.number()
                guard value > 0 else { throw field.error("must be a positive number, got \(field.describe())") }
                problem[keyPath: keyPath] = value
            },
            write: { .number($0[keyPath: keyPath]) })
    }

    /// One of the raw values of a string enum.
    static func choice<Choice: RawRepresentable & CaseIterable & Sendable>(
        _ name: String, _ keyPath: WritableKeyPath<Problem, Choice> & Sendable, default defaultValue: Choice,
        doc: String
    ) -> Self where Choice.RawValue == String {
        choice(name, keyPath, among: Array(Choice.allCases), default: defaultValue, doc: doc)
    }

    /// A choice among some cases only (rnn takes three of the shared activations).
    static func choice<Choice: RawRepresentable & Sendable>(
        _ name: String, _ keyPath: WritableKeyPath<Problem, Choice> & Sendable, among allowed: [Choice],
        default defaultValue: Choice, doc: String
    ) -> Self where Choice.RawValue == String {
        let choices = allowed.map(\.rawValue)
        return Self(
            name: name, type: choices.map { "`\"\($0)\"`" }.joined(separator: " or "),
            defaultValue: "\"\(defaultValue.rawValue)\"", doc: doc,
            read: { field, problem in
                let raw = try field.oneOf(choices)
                if let choice = Choice(rawValue: raw) { problem[keyPath: keyPath] = choice }
            },
            write: { .string($0[keyPath: keyPath].rawValue) })
    }
}

extension FieldSchema.Spec {
    /// `true` or `false` (a layer's `bias`).
    static func bool(
        _ name: String, _ keyPath: WritableKeyPath<Problem, Bool> & Sendable, default defaultValue: Bool, doc: String
    ) -> Self {
        Self(
            name: name, type: "`true` or `false`", defaultValue: "\(defaultValue)", doc: doc,
            read: { field, problem in problem[keyPath: keyPath] = try field.bool() },
            write: { .bool($0[keyPath: keyPath]) })
    }

    /// A positive integer (a count such as `filters` or `units`); required
    /// when it has no default.
    static func positiveInt(
        _ name: String, _ keyPath: WritableKeyPath<Problem, Int> & Sendable, default defaultValue: Int? = nil,
        doc: String
    ) -> Self {
        Self(
            name: name, type: "integer > 0", defaultValue: defaultValue.map { "\($0)" }, doc: doc,
            read: { field, problem in problem[keyPath: keyPath] = try field.positiveInt() },
            write: { .number($0[keyPath: keyPath]) })
    }

    /// A string that may be left out (a label such as a layer's `name`).
    /// Absent stays nil and is written as null, which `encodedObject` leaves
    /// out, so the echoed problem has no key the file did not have.
    static func optionalString(
        _ name: String, _ keyPath: WritableKeyPath<Problem, String?> & Sendable, doc: String
    ) -> Self {
        Self(
            name: name, type: "string", defaultValue: "none", doc: doc,
            read: { field, problem in problem[keyPath: keyPath] = try field.string() },
            write: { $0[keyPath: keyPath].map { .string($0) } ?? .null })
    }
}

extension FieldSchema {
    /// Reads `field` as a nested object with just these fields, plus
    /// `extraKeys` the caller reads itself (such as a tag that picked this
    /// schema), so its "did you mean" comes from the declaration too.
    func decodeObject(_ field: Field, into blank: Problem, extraKeys: [String] = []) throws -> Problem {
        try decode(field.object(allowedKeys: extraKeys + names), into: blank)
    }

    /// The fields as one JSON object after `leading` members (`encode`
    /// already leaves out an optional field with nothing in it).
    func encodedObject(_ value: Problem, leading: [(String, JSONValue)] = []) -> JSONValue {
        .object(leading + encode(value))
    }
}

/// Objects whose keys depend on a tag member, such as a layer list's
/// `{"type": "pool", …}`: one schema per tag, so each kind's keys, defaults,
/// "did you mean" and README table come from its own declaration.
struct TaggedSchemas<Value: Sendable>: Sendable {
    struct Variant: Sendable {
        let tag: String
        /// Where decoding this kind starts: its defaults in place.
        let blank: Value
        let schema: FieldSchema<Value>
    }

    let tagKey: String
    let variants: [Variant]
    /// Which kind a value is, to write it back with that kind's schema.
    let tagOf: @Sendable (Value) -> String

    var tags: [String] { variants.map(\.tag) }

    /// The tag is read first, so an unknown key is judged against that
    /// kind's own fields (a `pool` has no `filters`).
    func decode(_ field: Field) throws -> Value {
        let tag = try field.anyObject().required(tagKey).oneOf(tags)
        let variant = variants.first { $0.tag == tag }!
        return try variant.schema.decodeObject(field, into: variant.blank, extraKeys: [tagKey])
    }

    /// The tag first, then the kind's fields with their defaults filled in.
    func encode(_ value: Value) -> JSONValue {
        let tag = tagOf(value)
        let variant = variants.first { $0.tag == tag }!
        return variant.schema.encodedObject(value, leading: [(tagKey, .string(tag))])
    }

    /// The README's tables: one per kind, each under a line naming its tag.
    func markdownTables() -> String {
        variants.map { "With `\"\(tagKey)\": \"\($0.tag)\"`:\n\n\($0.schema.markdownTable())" }
            .joined(separator: "\n\n")
    }
}

extension FieldSchema {
    /// Reads a list of objects of this schema's kind: each item may use only
    /// the declared keys (so a typo gets "did you mean"), and the list's
    /// length must be in `count`. `element` reads one item; it sees the whole
    /// object because an item's fields may be checked against each other.
    func decodeList(
        _ field: Field, count: ClosedRange<Int>, noun: String,
        element: (ObjectFields) throws -> Problem
    ) throws -> [Problem] {
        let items = try field.array()
        if items.count < count.lowerBound {
            throw field.error(items.isEmpty && count.lowerBound == 1
                ? "must list at least one \(noun), got an empty array"
                : "must list at least \(count.lowerBound) \(noun)s, got \(items.count)")
        }
        guard items.count <= count.upperBound else {
            throw field.error("must list at most \(count.upperBound) \(noun)s, got \(items.count)")
        }
        return try items.map { try element($0.object(allowedKeys: names)) }
    }

}

extension FieldSchema.Spec {
    /// A number within `range` (a rate in (0, 1], a discount in [0, 1]);
    /// nil `default` makes it required.
    static func number(
        _ name: String, _ keyPath: WritableKeyPath<Problem, Double> & Sendable, in range: ClosedRange<Double>,
        excludingLowerBound: Bool = false, default defaultValue: Double? = nil, doc: String
    ) -> Self {
        let interval = (excludingLowerBound ? "(" : "[") + JSONWriter.format(number: range.lowerBound) + ", "
            + JSONWriter.format(number: range.upperBound) + "]"
        return Self(
            name: name, type: "number in \(interval)", defaultValue: defaultValue.map(JSONWriter.format(number:)),
            doc: doc,
            read: { field, problem in
                let value = try field.number()
                guard range.contains(value), !(excludingLowerBound && value == range.lowerBound) else {
                    throw field.error("must be a number in \(interval), got \(field.describe())")
                }
                problem[keyPath: keyPath] = value
            },
            write: { .number($0[keyPath: keyPath]) })
    }

    /// A list of objects with a schema of their own (their keys, their README
    /// table, their encoding). `element` reads one item with the problem read
    /// so far at hand, for checks against fields declared before this one.
    static func objectList<Element>(
        _ name: String, _ keyPath: WritableKeyPath<Problem, [Element]> & Sendable, of schema: FieldSchema<Element>,
        count: ClosedRange<Int>, noun: String, type: String, doc: String,
        element: @escaping @Sendable (ObjectFields, Problem) throws -> Element
    ) -> Self {
        Self(
            name: name, type: type, defaultValue: nil, doc: doc,
            read: { field, problem in
                let context = problem
                problem[keyPath: keyPath] = try schema.decodeList(field, count: count, noun: noun) {
                    try element($0, context)
                }
            },
            write: { .array($0[keyPath: keyPath].map { schema.encodedObject($0) }) })
    }

    /// A field of a nested object that the object's own reader reads, because
    /// its checks involve its siblings (either this key or that one); declared
    /// here so the allowed keys, the README table and the encoding still come
    /// from one list. `write` gives `null` when the object leaves it out.
    static func readWithSiblings(
        _ name: String, type: String, default defaultValue: String? = nil, doc: String,
        write: @escaping @Sendable (Problem) -> JSONValue
    ) -> Self {
        Self(name: name, type: type, defaultValue: defaultValue, doc: doc, read: { _, _ in }, write: write)
    }

    /// A required string (an `expression`). Length limits on text are
    /// checked for the whole file when it is read (`Limits.longTextFields`),
    /// so `type` only says what they are.
    static func string(
        _ name: String, _ keyPath: WritableKeyPath<Problem, String> & Sendable, type: String = "string",
        doc: String
    ) -> Self {
        Self(
            name: name, type: type, defaultValue: nil, doc: doc,
            read: { field, problem in problem[keyPath: keyPath] = try field.string() },
            write: { .string($0[keyPath: keyPath]) })
    }

    /// An object of names the user chose, each with a number (`values`:
    /// a variable's value), kept in file order; absent means none.
    static func namedNumbers(
        _ name: String, _ keyPath: WritableKeyPath<Problem, [(name: String, value: Double)]> & Sendable,
        type: String = "object of names to numbers", doc: String
    ) -> Self {
        Self(
            name: name, type: type, defaultValue: "{}", doc: doc,
            read: { field, problem in problem[keyPath: keyPath] = try field.namedNumbers() },
            write: { problem in .namedNumbers(problem[keyPath: keyPath].map { ($0.name, $0.value) }) })
    }

    /// An optional array of strings (`wrt`: which variables). Absent is nil,
    /// which is not the same as an empty list, and stays absent when the
    /// problem is written back; `absent` says what nil means, for the README.
    static func optionalStringList(
        _ name: String, _ keyPath: WritableKeyPath<Problem, [String]?> & Sendable,
        type: String = "array of strings", absent: String, doc: String
    ) -> Self {
        Self(
            name: name, type: type, defaultValue: absent, doc: doc,
            read: { field, problem in problem[keyPath: keyPath] = try field.array().map { try $0.string() } },
            write: { problem in problem[keyPath: keyPath].map { .array($0.map { .string($0) }) } ?? .null })
    }
}
