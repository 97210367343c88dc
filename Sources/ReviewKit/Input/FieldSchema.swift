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

    /// Every field, defaults filled in, in declaration order.
    func encode(_ problem: Problem) -> [(String, JSONValue)] {
        specs.map { ($0.name, $0.write(problem)) }
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
        let choices = Choice.allCases.map(\.rawValue)
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

    /// One object of this schema's kind, in declaration order. A field whose
    /// `write` gives `null` is left out: nested objects have optional fields
    /// with no default (a terminal step's next state), which the file omits.
    func encodeObject(_ value: Problem) -> JSONValue {
        .object(encode(value).filter { $0.1 != .null })
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
            write: { .array($0[keyPath: keyPath].map(schema.encodeObject)) })
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
}
