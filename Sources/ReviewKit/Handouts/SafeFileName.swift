import Foundation

/// File-name parts made from people's names: lowercase ASCII letters,
/// digits and single hyphens, so a folder name is the same on every file
/// system, in a URL and in a shell without quoting.
enum SafeFileName {
    /// Longest slug kept; long names are cut at a hyphen when possible.
    static let maxLength = 32

    /// `José Müller-Østergaard` → `jose-muller-ostergaard`; `王小明` → ``.
    static func slug(_ text: String) -> String {
        var out = ""
        var pendingHyphen = false
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }  // accents after decomposition
            let replacement: String
            switch scalar {
            case "a"..."z", "0"..."9": replacement = String(scalar)
            case "A"..."Z": replacement = String(scalar).lowercased()
            default: replacement = letters[scalar] ?? ""
            }
            if replacement.isEmpty {
                pendingHyphen = !out.isEmpty
                continue
            }
            if pendingHyphen { out += "-" }
            pendingHyphen = false
            out += replacement
        }
        if out.count > maxLength {
            let cut = String(out.prefix(maxLength))
            out = cut.lastIndex(of: "-").map { String(cut[..<$0]) } ?? cut
        }
        return out
    }

    /// Latin letters that do not decompose into a base letter and a mark.
    private static let letters: [Unicode.Scalar: String] = [
        "ß": "ss", "æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o", "œ": "oe", "Œ": "oe", "ł": "l", "Ł": "l",
        "đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "þ": "th", "Þ": "th", "ı": "i",
    ]
}
