/// An object of names the user chose, each with a number, kept in file
/// order, read and written the one way: backprop's `values` (a variable's
/// value, `FieldSchema`'s `namedNumbers`) and each row of bellman's Q table
/// (an action's value).
extension Field {
    func namedNumbers() throws -> [(name: String, value: Double)] {
        let members = try anyObject()
        return try zip(members.keys, members.fields).map { ($0, try $1.number()) }
    }
}

extension JSONValue {
    /// `{"x": 2, "y": -1}`, in the order given.
    static func namedNumbers<S: Sequence<(String, Double)>>(_ pairs: S) -> JSONValue {
        .object(pairs.map { ($0.0, .number($0.1)) })
    }
}
