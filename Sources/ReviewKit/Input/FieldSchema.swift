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

extension FieldSchema.Spec {
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
            read: { field, problem in
                let members = try field.anyObject()
                problem[keyPath: keyPath] = try zip(members.keys, members.fields).map { ($0, try $1.number()) }
            },
            write: { problem in .object(problem[keyPath: keyPath].map { ($0.name, JSONValue.number($0.value)) }) })
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
