/// A piece of a document that must not be parsed as Markdown: a formula, a
/// table or a picture. Embeds wait beside the Markdown text (referenced by
/// `EmbedToken`s) and each renderer writes them in its own format.
enum Embed: Sendable, Equatable {
    /// LaTeX math, inline (`$…$`) or displayed (`$$…$$`).
    case math(latex: String, display: Bool)
    /// A formula tree from a topic (see `FormulaEmbed`).
    case formula(FormulaEmbed)
    case table(Table)
    case figure(Figure)
    /// Where a wrapper around part of the sheet opens or closes.
    case section(Section)
}

/// A table whose header and cells are inline Markdown (which may hold tokens
/// of math embeds).
struct Table: Sendable, Equatable {
    enum Alignment: Sendable, Equatable { case left, center, right }
    /// A body cell: row and column counted from 0.
    struct Position: Sendable, Hashable {
        var row: Int
        var column: Int
    }
    var header: [String]
    var alignments: [Alignment]
    var rows: [[String]]
    /// Body cells a template marked with `TableHighlight.marker`: shaded in
    /// HTML and LaTeX (Markdown keeps whatever emphasis the cell has).
    var highlighted: Set<Position> = []
}

/// How a template marks a table cell to be highlighted: this private-use
/// character at the start of the cell. Text from problem files has it
/// stripped (`EmbedToken.strip`), so it cannot forge one.
enum TableHighlight {
    static let marker = "\u{E004}"
}

/// Markdown plus the embeds its tokens refer to: the document model every
/// output format is rendered from.
struct EmbedDocument: Sendable, Equatable {
    var markdown: String
    var embeds: [Embed]
}
