/// Checks the length of every string and key in a problem, and that none
/// holds a control character (`ControlCharacters`), before any topic reads it.
///
/// Done once, generically, because text reaches the sheet from many places
/// (ids, titles, state and action names, variable names, layer names) and
/// each is echoed in error messages too: a 5 MB state name would otherwise
/// make a 5 MB "one-line" error, or a table column nobody can print.
enum TextLimits {
    /// `longTexts` names the fields whose strings may be longer than a name,
    /// with their limits in UTF-8 bytes (by default a problem's `statement`
    /// and `expression`).
    static func check(_ field: Field, longTexts: [String: Int] = Limits.longTextFields) throws {
        try ControlCharacters.check(field)
        try checkLengths(field, longTexts)
    }

    private static func checkLengths(_ field: Field, _ longTexts: [String: Int]) throws {
        switch field.value.kind {
        case .string(let text):
            try checkString(text, at: field, longTexts)
        case .array:
            for item in try field.array() { try checkLengths(item, longTexts) }
        case .object(let members):
            for member in members where member.key.count > Limits.maxNameLength {
                // The key itself is too long to print in the path.
                throw field.error(
                    "has a key of \(member.key.count) characters; names may have at most \(Limits.maxNameLength)")
            }
            for item in try field.anyObject().fields { try checkLengths(item, longTexts) }
        default:
            return
        }
    }

    private static func checkString(_ text: String, at field: Field, _ longTexts: [String: Int]) throws {
        if case .key(let key)? = field.path.components.last, let limit = longTexts[key] {
            guard text.utf8.count <= limit else {
                throw field.error("is \(text.utf8.count) bytes long; at most \(limit) are allowed")
            }
        } else if let problem = nameProblem(text) {
            throw field.error(problem)
        }
    }

    /// What is wrong with `text` as a name or short text (a title, a
    /// student's name), or nil: the one length rule for problems, handouts
    /// and rosters alike.
    static func nameProblem(_ text: String) -> String? {
        guard text.count > Limits.maxNameLength else { return nil }
        return "is \(text.count) characters long; at most \(Limits.maxNameLength) are allowed"
    }
}
