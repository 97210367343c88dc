/// Checks the length of every string and key in a problem, and that none
/// holds a control character (`ControlCharacters`), before any topic reads it.
///
/// Done once, generically, because text reaches the sheet from many places
/// (ids, titles, state and action names, variable names, layer names) and
/// each is echoed in error messages too: a 5 MB state name would otherwise
/// make a 5 MB "one-line" error, or a table column nobody can print.
enum TextLimits {
    static func check(_ field: Field) throws {
        try ControlCharacters.check(field)
        try checkLengths(field)
    }

    private static func checkLengths(_ field: Field) throws {
        switch field.value.kind {
        case .string(let text):
            try checkString(text, at: field)
        case .array:
            for item in try field.array() { try checkLengths(item) }
        case .object(let members):
            for member in members where member.key.count > Limits.maxNameLength {
                // The key itself is too long to print in the path.
                throw field.error(
                    "has a key of \(member.key.count) characters; names may have at most \(Limits.maxNameLength)")
            }
            for item in try field.anyObject().fields { try checkLengths(item) }
        default:
            return
        }
    }

    private static func checkString(_ text: String, at field: Field) throws {
        if case .key(let key)? = field.path.components.last, let limit = Limits.longTextFields[key] {
            guard text.utf8.count <= limit else {
                throw field.error("is \(text.utf8.count) bytes long; at most \(limit) are allowed")
            }
        } else if text.count > Limits.maxNameLength {
            throw field.error("is \(text.count) characters long; at most \(Limits.maxNameLength) are allowed")
        }
    }
}
