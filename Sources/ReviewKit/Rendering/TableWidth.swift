/// A font-free estimate of a table's width, in ems of the table's own font
/// (issue 16, item 8: printed, a wide table ran off the page and its last
/// column was cut).
///
/// Like `MathWidth` for display formulas: a sheet carries no JavaScript to
/// measure itself, so the renderer estimates, on the generous side, and
/// the page's print style scales a table that is still too wide
/// (`templates/shared/style.css`); LaTeX gives such a table paragraph
/// columns and a box scaled to the line. `scripts/check-sheets.py`
/// measures the printed result in Chromium.
struct TableWidth {
    /// Tables whose cells all fit on one line within this many ems fit a
    /// printed A4 line (44.3 ems of the table's font: 673 px at 15.2 px)
    /// whatever the estimate's error, and are written exactly as before.
    /// Measured in Chromium over every topic's sheets, the estimate is
    /// 0.98 to 1.3 times a table's real width (1.17 typically).
    static let line = 42.0
    /// The ems a cell's padding takes (`.7em` each side).
    static let padding = 1.4

    /// Per column, its widest cell laid out on one line (padding included);
    /// `isWide` goes by these.
    private(set) var natural: [Double] = []
    /// Per column, the widest piece no line break can split: a word, or a
    /// formula — or, where `breakable`, a piece between its break points
    /// (`InlineMathBreaks`) — padding included.
    private(set) var minimum: [Double] = []

    var naturalTotal: Double { natural.reduce(0, +) }
    var minimumTotal: Double { minimum.reduce(0, +) }
    /// Too wide for a printed line when every cell keeps to one line.
    var isWide: Bool { naturalTotal > Self.line }

    init(_ table: Table, embeds: [Embed], breakable: Bool = false) {
        let columns = max(table.header.count, table.rows.map(\.count).max() ?? 0)
        natural = Array(repeating: Self.padding, count: columns)
        minimum = Array(repeating: Self.padding, count: columns)
        for row in [table.header] + table.rows {
            for (column, cell) in row.enumerated() {
                let (whole, piece) = Self.measure(cell, embeds: embeds, breakable: breakable)
                natural[column] = max(natural[column], whole + Self.padding)
                minimum[column] = max(minimum[column], piece + Self.padding)
            }
        }
    }

    /// A cell's width on one line and its widest unbreakable piece.
    private static func measure(_ cell: String, embeds: [Embed], breakable: Bool) -> (Double, Double) {
        var whole = 0.0
        var piece = 0.0
        for part in EmbedToken.split(cell) {
            switch part {
            case .text(let text):
                let words = text.split(whereSeparator: \.isWhitespace)
                whole += text.reduce(0) { $0 + character($1) }
                for word in words {
                    // A line may break at every CJK character.
                    let runs = word.split(whereSeparator: LabelPlacer.isWide)
                    piece = max(piece, runs.map { $0.reduce(0) { $0 + character($1) } }.max() ?? 0)
                    if runs.count < word.count { piece = max(piece, 1) }
                }
            case .embed(let index):
                guard embeds.indices.contains(index), let nodes = mathNodes(embeds[index]) else { continue }
                // Math is set at 1.08em (style.css).
                whole += 1.08 * MathWidth.ems(nodes)
                let pieces = breakable ? InlineMathBreaks.pieces(nodes) : [nodes]
                piece = max(piece, 1.08 * (pieces.map(MathWidth.ems).max() ?? 0))
            }
        }
        return (whole, piece)
    }

    private static func mathNodes(_ embed: Embed) -> [MathNode]? {
        switch embed {
        case .math(let latex, _):
            var parser = MathParser(latex)
            return parser.parse()
        case .formula(let embed):
            let writer = MathMLFormulaWriter()
            return writer.row(writer.policy.prepared(embed.formula))
        default:
            return nil
        }
    }

    /// Markdown's markup and the tool's markers take no room; a CJK
    /// character takes an em, any other about 0.58 (generous for bold
    /// header text).
    private static func character(_ c: Character) -> Double {
        if "*`\\_".contains(c) { return 0 }
        if let v = c.unicodeScalars.first?.value, (0xE000...0xE00F).contains(v) { return 0 }
        return LabelPlacer.isWide(c) ? 1.0 : 0.58
    }
}
