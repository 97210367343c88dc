/// Arrays and objects: the accessors that hand out child fields with their
/// paths extended, so errors found deeper down still name the full place.
extension Field {
    /// The elements, each at `path[i]`.
    public func array() throws -> [Field] {
        guard case .array(let items) = value.kind else { throw error("must be an array, got \(describe())") }
        return items.enumerated().map { Field(value: $1, path: path.appending(index: $0)) }
    }

    /// The members of an object whose keys must all be in `allowedKeys`.
    ///
    /// Unknown keys are errors, not ignored: a misspelt optional field
    /// (`"filter"` for `"filters"`) would otherwise silently fall back to a
    /// default and produce a confidently wrong solution. The first unknown key
    /// in file order is reported at its own path.
    public func object(allowedKeys: [String]) throws -> ObjectFields {
        guard case .object(let members) = value.kind else { throw error("must be an object, got \(describe())") }
        for member in members where !allowedKeys.contains(member.key) {
            let at = path.appending(key: member.key)
            var message = "unknown field \(Self.quoteName(member.key))"
            if let near = closestMatch(to: member.key, in: allowedKeys) {
                message += " (did you mean \(Self.quoteName(near))?)"
            } else if allowedKeys.isEmpty {
                message += "; this object takes no fields"
            } else {
                message += "; expected one of: " + allowedKeys.joined(separator: ", ")
            }
            throw InputError(path: at, message: message)
        }
        return ObjectFields(path: path, members: members)
    }

    /// An array of numbers; a bad element is reported at `path[i]`.
    public func numberArray() throws -> [Double] {
        guard case .array = value.kind else { throw error("must be an array of numbers, got \(describe())") }
        return try array().map { try $0.number() }
    }

    /// A rectangular array of arrays of numbers. Rows are numbered like the
    /// path (from 0), and a row whose length differs from row 0 is reported
    /// at its own path: `m[2]: row 2 has 3 entries, expected 2`.
    /// An empty matrix (`[]`) is returned as is; callers that need a size check it.
    public func numberMatrix() throws -> [[Double]] {
        guard case .array = value.kind else { throw error("must be a matrix (an array of rows), got \(describe())") }
        var rows: [[Double]] = []
        for row in try array() {
            guard case .array = row.value.kind else {
                throw row.error("must be a row of numbers, got \(row.describe())")
            }
            let numbers = try row.numberArray()
            if let first = rows.first, numbers.count != first.count {
                let index = rows.count
                throw row.error("row \(index) has \(numbers.count) \(numbers.count == 1 ? "entry" : "entries"), expected \(first.count)")
            }
            rows.append(numbers)
        }
        return rows
    }

    /// Field names are quoted with single quotes in messages, as in
    /// `unknown field 'filter'`, to set them apart from JSON string values.
    static func quoteName(_ name: String) -> String { "'\(name)'" }
}

extension Field {
    /// The members of an object with any keys (a table of names the user
    /// chose, such as `values` or a Q table), in file order.
    public func anyObject() throws -> ObjectFields {
        guard case .object(let members) = value.kind else { throw error("must be an object, got \(describe())") }
        return ObjectFields(path: path, members: members)
    }
}
