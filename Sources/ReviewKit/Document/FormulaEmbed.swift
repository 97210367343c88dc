/// A formula a topic wrote as a tree (not as LaTeX text), waiting to be
/// written in the sheet's format: LaTeX for Markdown and LaTeX sheets,
/// MathML straight from the tree for HTML.
struct FormulaEmbed: Sendable, Equatable {
    var formula: Formula
    /// Displayed on a line of its own (`$$…$$`) rather than inline.
    var display: Bool
}

/// Where formula embeds wait in a presentation's Markdown: U+E007, the
/// formula's index in decimal, U+E008. A template writes `{{{line}}}`
/// where it used to write `${{{line}}}$`; the sheet renumbers each
/// problem's markers into one list and `EmbedExtractor` turns them into
/// embeds. Private-use, so text from problem files cannot forge one
/// (`EmbedToken.strip`).
enum FormulaMarker {
    static let open: Unicode.Scalar = "\u{E007}"
    static let close: Unicode.Scalar = "\u{E008}"

    static func make(_ index: Int) -> String {
        "\u{E007}\(index)\u{E008}"
    }

    static func replace(in text: String, _ transform: (Int) -> String) -> String {
        replaceMarkers(in: text, open: open, close: close, transform)
    }
}

/// Collects the formulas of one presentation and hands out their markers,
/// so a presenter can put a formula into a template context in one call.
struct FormulaBook: Sendable {
    private(set) var formulas: [FormulaEmbed] = []

    /// The marker for `formula`, inline.
    mutating func inline(_ formula: Formula) -> String {
        formulas.append(FormulaEmbed(formula: formula, display: false))
        return FormulaMarker.make(formulas.count - 1)
    }

    /// The marker for `formula` on a line of its own.
    mutating func display(_ formula: Formula) -> String {
        formulas.append(FormulaEmbed(formula: formula, display: true))
        return FormulaMarker.make(formulas.count - 1)
    }

    /// The inline marker as a template value, where a context wants one.
    mutating func inline(_ formula: Formula) -> TemplateData { .text(inline(formula) as String) }

    /// The display marker as a template value.
    mutating func display(_ formula: Formula) -> TemplateData { .text(display(formula) as String) }
}
