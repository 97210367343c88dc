extension Field {
    /// An object of names the user chose, each with a number, kept in file
    /// order: backprop's `values` (a variable's value, `FieldSchema`'s
    /// `namedNumbers`) and a row of bellman's Q table (an action's value).
    func namedNumbers() throws -> [(name: String, value: Double)] {
        let members = try anyObject()
        return try zip(members.keys, members.fields).map { ($0, try $1.number()) }
    }
}
