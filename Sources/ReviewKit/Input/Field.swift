/// A value from a problem file together with its path, and typed accessors
/// that fail with the contract's messages ("must be X, got Y").
///
/// Decoding code reads problems through `Field` instead of `Codable` so that
/// every failure names the exact place (`layers[0].kernel`) and quotes what
/// the student actually wrote (`got -3`, `got "abc"`), never a generic
/// "data couldn't be read".
public struct Field: Sendable {
    public let value: JSONValue
    public let path: JSONPath

    public init(value: JSONValue, path: JSONPath = .root) {
        self.value = value
        self.path = path
    }

    /// An `InputError` at this field's path.
    public func error(_ message: String) -> InputError {
        InputError(path: path, message: message)
    }

    /// What the student wrote, short enough for one error line: numbers as
    /// written (`2.5`, `1e300`), strings quoted, containers by kind.
    public func describe() -> String {
        switch value.kind {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(_, let literal): return literal
        case .string(let s):
            let limit = 40
            let shown = s.count > limit ? String(s.prefix(limit - 1)) + "…" : s
            return JSONWriter.quote(shown)
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    private func mismatch(_ expectation: String) -> InputError {
        error("must be \(expectation), got \(describe())")
    }

    // MARK: - Scalars

    /// An integer; `3.0` counts, `2.5` and `1e300` do not. Integer literals
    /// convert from their text, so large values are exact, not rounded
    /// through a `Double`.
    public func int() throws -> Int {
        try int(expectation: "an integer", range: Int.min...Int.max)
    }

    /// An integer ≥ 1 (counts, sizes, kernel widths).
    public func positiveInt() throws -> Int {
        try int(expectation: "a positive integer", range: 1...Int.max)
    }

    /// An integer ≥ 0 (padding, indices).
    public func nonNegativeInt() throws -> Int {
        try int(expectation: "a non-negative integer", range: 0...Int.max)
    }

    /// An integer within `range`: "must be an integer between 1 and 10, got 12".
    public func int(in range: ClosedRange<Int>) throws -> Int {
        try int(expectation: "an integer between \(range.lowerBound) and \(range.upperBound)", range: range)
    }

    private func int(expectation: String, range: ClosedRange<Int>) throws -> Int {
        guard case .number(let x, let literal) = value.kind, x.rounded(.towardZero) == x else {
            throw mismatch(expectation)
        }
        // Exact for integer literals; Int(exactly:) refuses anything outside Int.
        guard let n = Int(literal) ?? Int(exactly: x) else {
            throw error("must be an integer between \(range.lowerBound) and \(range.upperBound), got \(literal)")
        }
        guard range.contains(n) else {
            // A negative kernel is a sign problem, not a size problem: keep the
            // caller's wording ("must be a positive integer, got -3").
            throw mismatch(expectation)
        }
        return n
    }

    /// Any JSON number (always finite: the parser rejects overflow).
    public func number() throws -> Double {
        guard case .number(let x, _) = value.kind else { throw mismatch("a number") }
        return x
    }

    public func string() throws -> String {
        guard case .string(let s) = value.kind else { throw mismatch("a string") }
        return s
    }

    public func bool() throws -> Bool {
        guard case .bool(let b) = value.kind else { throw mismatch("true or false") }
        return b
    }

    /// One of a fixed set of names, with a suggestion for near misses:
    /// `must be one of "max", "avg", got "mean"`.
    public func oneOf(_ choices: [String]) throws -> String {
        let listed = choices.map(JSONWriter.quote).joined(separator: ", ")
        guard case .string(let s) = value.kind else { throw mismatch("one of \(listed)") }
        guard choices.contains(s) else {
            var message = "must be one of \(listed), got \(describe())"
            if let near = closestMatch(to: s, in: choices) {
                message += " (did you mean \(JSONWriter.quote(near))?)"
            }
            throw error(message)
        }
        return s
    }
}
