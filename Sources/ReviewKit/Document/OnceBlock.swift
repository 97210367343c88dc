/// Explanations that read the same for every problem of a topic (the conv
/// size rule, softmax's overflow note, backprop's chain-rule paragraph)
/// appear once per sheet, not once per problem. A template wraps such a
/// passage in the built-in section `{{#once}}…{{/once}}`; the renderer
/// puts it between U+E00C and U+E00D, and the sheet keeps the first
/// passage of each wording and drops the later, identical ones.
///
/// The key is the passage's text itself, so a passage that depends on the
/// problem (a "same"-padding sentence only where "same" occurs) is kept
/// wherever its wording is new: nothing a problem needs is ever dropped,
/// only what the reader has already read on this sheet.
enum OnceBlock {
    static let open: Unicode.Scalar = "\u{E00C}"
    static let close: Unicode.Scalar = "\u{E00D}"
    /// The built-in section name templates use.
    static let sectionName = "once"

    static func wrap(_ text: String) -> String {
        "\u{E00C}" + text + "\u{E00D}"
    }

    /// `texts` in sheet order, each passage kept only where it first
    /// appears; the markers removed. `key` is what makes two passages the
    /// same (their text, with formula markers written out as formulas).
    static func keepFirst(_ texts: [String], key: (String) -> String = { $0 }) -> [String] {
        var seen: Set<String> = []
        return texts.map { text in
            resolve(text) { passage in seen.insert(key(passage)).inserted }
        }
    }

    /// The text with every passage kept and the markers removed (a page
    /// with one problem: an LMS question).
    static func unwrap(_ text: String) -> String {
        resolve(text) { _ in true }
    }

    /// Walks the passages of `text`; `keep` says whether each stays.
    private static func resolve(_ text: String, keep: (String) -> Bool) -> String {
        guard text.unicodeScalars.contains(open) else { return text }
        var out = String.UnicodeScalarView()
        var passage = String.UnicodeScalarView()
        var inside = false
        for scalar in text.unicodeScalars {
            if scalar == open {
                if inside { out.append(contentsOf: passage) }  // an unclosed passage stays
                inside = true
                passage = .init()
            } else if scalar == close, inside {
                let body = String(passage)
                if keep(body) { out.append(contentsOf: passage) }
                inside = false
            } else if inside {
                passage.append(scalar)
            } else if scalar != close {
                out.append(scalar)
            }
        }
        if inside { out.append(contentsOf: passage) }
        return String(out)
    }
}
