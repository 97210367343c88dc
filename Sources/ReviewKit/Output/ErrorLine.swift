/// Makes an error message safe to print as the contract's one line.
///
/// Messages quote what the user wrote (file names, keys, state names), and
/// that text may hold a newline, which would split the line, or an escape
/// sequence, which a terminal would obey. Control characters are written as
/// JSON writes them (`\n`, `\u001b`), so the line stays one line and says
/// exactly what was there.
public enum ErrorLine {
    public static func clean(_ message: String) -> String {
        guard message.unicodeScalars.contains(where: isControl) else { return message }
        var out = ""
        for scalar in message.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where isControl(scalar):
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// C0 controls, DEL, C1 controls, and the line and paragraph separators.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
    }
}
