/// Refuses control characters in any text a user gives us.
///
/// An ESC, BEL or backspace in a title or a student's name would pass raw
/// into every sheet: a terminal escape in HTML, a character pdflatex stops
/// on in LaTeX. None has a use in a problem, a handout or a roster, so each
/// is a located error, found before anything is built. Tab and line feed
/// stay allowed (a statement has paragraphs); everything else of C0
/// (carriage return included: a JSON string only holds one through `\r`),
/// DEL and C1 (U+0080–U+009F) is refused.
enum ControlCharacters {
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: return false
        case 0x00..<0x20, 0x7F...0x9F: return true
        default: return false
        }
    }

    /// What is wrong with `text`, e.g. `contains a control character (U+001B)
    /// at position 5` (counted in characters from 1), or nil when it is clean.
    static func problem(in text: String) -> String? {
        guard let index = text.unicodeScalars.firstIndex(where: isControl) else { return nil }
        let position = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: index) + 1
        let code = String(text.unicodeScalars[index].value, radix: 16, uppercase: true)
        return "contains a control character (U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code)) "
            + "at position \(position)"
    }

    /// Checks every string and every key under `field`.
    static func check(_ field: Field) throws {
        switch field.value.kind {
        case .string(let text):
            if let problem = problem(in: text) { throw field.error(problem) }
        case .array:
            for item in try field.array() { try check(item) }
        case .object(let members):
            for member in members {
                if let problem = problem(in: member.key) { throw field.error("has a key that \(problem)") }
            }
            for item in try field.anyObject().fields { try check(item) }
        default:
            return
        }
    }
}
