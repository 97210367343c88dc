/// Turns a `JSONValue` back into text, deterministically.
///
/// Member order is kept, never sorted: it is the order the student wrote (or
/// the order a renderer chose), and reordering would make answers harder to
/// compare with the question. Numbers are written from their `Double` in the
/// shortest form that reads back to the same `Double`, so the text is stable
/// whatever spelling the input used.
public enum JSONWriter {
    /// Everything on one line, no spaces: `{"a":[1,2],"b":"x"}`.
    public static func compact(_ value: JSONValue) -> String {
        var out = ""
        writeCompact(value, to: &out)
        return out
    }

    /// Two-space indentation and `"key": value`. An array holding no objects
    /// at any depth stays on one line (`[[1, 0], [0, 1]]`) so matrices read as
    /// matrices. No trailing newline.
    public static func pretty(_ value: JSONValue) -> String {
        pretty(value, indent: "")
    }

    /// `pretty` for a value nested `indent` deep in a larger document: its
    /// inner lines carry `indent` in front, its first line does not. Lets a
    /// big document be written a piece at a time, byte for byte as `pretty`
    /// would write it whole.
    public static func pretty(_ value: JSONValue, indent: String) -> String {
        var out = ""
        writePretty(value, indent: indent, to: &out)
        return out
    }

    /// The JSON spelling of a finite number: integral values within ±2^53 as
    /// integers (`6`, not `6.0`), anything else in Swift's shortest
    /// round-trip form (`0.1`, `1e-07`, `1.5e+300`).
    ///
    /// Callers must pass finite values. JSON has no infinity or NaN, and a
    /// crash would be a poor answer to a degenerate exercise, so a non-finite
    /// value that slips through is written as `null` rather than trapping.
    public static func format(number x: Double) -> String {
        guard x.isFinite else { return "null" }
        if x.rounded(.towardZero) == x, abs(x) <= 9_007_199_254_740_992 {
            return String(Int64(x))
        }
        return "\(x)"
    }

    /// A string literal escaped per RFC 8259: `"` and `\`, the control
    /// characters (short forms where JSON has them), everything else as is.
    public static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    // MARK: - Private

    private static func writeScalar(_ value: JSONValue, to out: inout String) -> Bool {
        switch value.kind {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let x, _): out += format(number: x)
        case .string(let s): out += quote(s)
        case .array, .object: return false
        }
        return true
    }

    private static func writeCompact(_ value: JSONValue, to out: inout String) {
        if writeScalar(value, to: &out) { return }
        switch value.kind {
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                writeCompact(item, to: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (i, member) in members.enumerated() {
                if i > 0 { out += "," }
                out += quote(member.key) + ":"
                writeCompact(member.value, to: &out)
            }
            out += "}"
        default: break
        }
    }

    /// True for arrays whose leaves, at any depth, are all scalars.
    private static func isInline(_ value: JSONValue) -> Bool {
        switch value.kind {
        case .object: return false
        case .array(let items): return items.allSatisfy(isInline)
        default: return true
        }
    }

    private static func writeInline(_ value: JSONValue, to out: inout String) {
        if writeScalar(value, to: &out) { return }
        guard case .array(let items) = value.kind else { return }
        out += "["
        for (i, item) in items.enumerated() {
            if i > 0 { out += ", " }
            writeInline(item, to: &out)
        }
        out += "]"
    }

    private static func writePretty(_ value: JSONValue, indent: String, to out: inout String) {
        if isInline(value) {
            writeInline(value, to: &out)
            return
        }
        let inner = indent + "  "
        switch value.kind {
        case .array(let items):
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += inner
                writePretty(item, indent: inner, to: &out)
                out += i + 1 < items.count ? ",\n" : "\n"
            }
            out += indent + "]"
        case .object(let members):
            if members.isEmpty {
                out += "{}"
                return
            }
            out += "{\n"
            for (i, member) in members.enumerated() {
                out += inner + quote(member.key) + ": "
                writePretty(member.value, indent: inner, to: &out)
                out += i + 1 < members.count ? ",\n" : "\n"
            }
            out += indent + "}"
        default: break
        }
    }
}

extension JSONValue {
    /// This value as JSON text; see `JSONWriter`.
    public func jsonText(pretty: Bool = false) -> String {
        pretty ? JSONWriter.pretty(self) : JSONWriter.compact(self)
    }
}
