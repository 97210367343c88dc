/// A topic's answers in the short form an answer key needs: one line of
/// plain text, numbers as a student writes them (4 decimals at most).
///
/// Written over the JSON answers, not per topic, so every topic that lands
/// gets an answer key without code of its own:
/// `{"value": 6, "gradient": {"x": 5, "y": 2}}` → `value = 6; gradient: x = 5, y = 2`.
enum AnswerSummary {
    static func short(_ answers: JSONValue) -> String {
        guard case .object(let members) = answers.kind else { return inline(answers) }
        return members.map { member in
            if case .object(let inner) = member.value.kind {
                return "\(member.key): " + inner.map { "\($0.key) = \(inline($0.value))" }.joined(separator: ", ")
            }
            return "\(member.key) = \(inline(member.value))"
        }.joined(separator: "; ")
    }

    private static func inline(_ value: JSONValue) -> String {
        switch value.kind {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let x, _): return NumberFormat.plain(x)
        case .string(let s): return s
        case .array(let items): return "[" + items.map(inline).joined(separator: ", ") + "]"
        case .object(let members):
            return "{" + members.map { "\($0.key) \(inline($0.value))" }.joined(separator: ", ") + "}"
        }
    }
}
