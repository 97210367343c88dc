/// Keeps an inline formula and the punctuation touching it on one line in
/// HTML. A browser lays a `<math>` element out as one unbreakable box and
/// may break the line on either side of it, even before `，` or `,` and
/// after `（` (Chromium did so at 5 to 46 of 150 line widths, in English
/// and in Chinese), so a line could start with a comma. The formula and
/// its punctuation go into one `nobr` span (`style.css`).
enum Punctuation {
    /// What may not start a line: closing brackets and quotes, commas,
    /// stops, colons, semicolons, marks (full-width and ASCII). None needs
    /// escaping in HTML.
    static let closing: Set<Character> = ["，", "。", "、", "；", "：", "！", "？", "）", "」", "』", "】", "》", "〉", "”", "’",
                                          ",", ".", ";", ":", "!", "?", ")", "]"]
    /// What may not end a line: opening brackets and quotes.
    static let opening: Set<Character> = ["（", "「", "『", "【", "《", "〈", "“", "‘", "(", "["]

    /// The run of closing punctuation `text` starts with.
    static func closing(atStartOf text: String) -> Substring { text.prefix(while: closing.contains) }

    /// The run of opening punctuation `text` ends with.
    static func opening(atEndOf text: String) -> Substring {
        text[(text.lastIndex { !opening.contains($0) }.map(text.index(after:)) ?? text.startIndex)...]
    }

    /// `formula` with the punctuation before and after it, in one span
    /// where there is any.
    static func glued(_ formula: String, before: Substring, after: Substring) -> String {
        before.isEmpty && after.isEmpty ? formula : "<span class=\"nobr\">\(before)\(formula)\(after)</span>"
    }
}
