/// A piece of a document that must not be parsed as Markdown: a formula, a
/// table or a picture. Islands wait beside the Markdown text (referenced by
/// `IslandToken`s) and each renderer writes them in its own format.
enum Island: Sendable, Equatable {
    /// LaTeX math, inline (`$…$`) or displayed (`$$…$$`).
    case math(latex: String, display: Bool)
    case table(Table)
    case figure(Figure)
}

/// A table whose header and cells are inline Markdown (which may hold tokens
/// of math islands).
struct Table: Sendable, Equatable {
    enum Alignment: Sendable, Equatable { case left, center, right }
    var header: [String]
    var alignments: [Alignment]
    var rows: [[String]]
}

/// Markdown plus the islands its tokens refer to: the document model every
/// output format is rendered from.
struct IslandDocument: Sendable, Equatable {
    var markdown: String
    var islands: [Island]
}
