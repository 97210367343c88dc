/// How one output format writes embeds: the only per-format knowledge the
/// document renderer needs besides cmark's own renderer.
protocol EmbedWriter {
    var renderer: CMark.Renderer { get }
    func math(_ latex: String, display: Bool) -> String
    /// A formula tree; by default written as LaTeX and passed to `math`.
    func formula(_ formula: Formula, display: Bool) -> String
    /// `cells` are already rendered in this format; `highlighted` cells are
    /// shaded where the format can.
    func table(
        header: [String], alignments: [Table.Alignment], rows: [[String]], highlighted: Set<Table.Position>
    ) -> String
    /// Tables whose cells on one line are estimated wider than this many
    /// ems (`TableWidth.naturalTotal`) are written with `wideTable`; by
    /// default `TableWidth.line`.
    var wideTableLine: Double { get }
    /// A table too wide for a printed line (`wideTableLine`): `width` is
    /// its estimate, and its cells' formulas came from `breakable`. By
    /// default written as any table.
    func wideTable(
        header: [String], alignments: [Table.Alignment], rows: [[String]], highlighted: Set<Table.Position>,
        width: TableWidth
    ) -> String
    /// True where a line cannot break inside an inline formula by itself
    /// (HTML: a `<math>` element never wraps), so that formulas in a wide
    /// table are written with `breakable`.
    var breaksFormulas: Bool { get }
    /// An inline formula in a wide table, written so that it may wrap
    /// (`InlineMathBreaks`); nil for what is not an inline formula.
    func breakable(_ embed: Embed) -> String?
    func figure(_ figure: Figure) -> String
    /// True where an inline formula is kept on one line with the
    /// punctuation touching it (`Punctuation`): HTML.
    var gluesPunctuation: Bool { get }
    /// The opening or closing of a wrapper; empty where the format has none.
    func section(_ section: Section) -> String
}

extension EmbedWriter {
    func section(_ section: Section) -> String { "" }

    func wideTable(
        header: [String], alignments: [Table.Alignment], rows: [[String]], highlighted: Set<Table.Position>,
        width: TableWidth
    ) -> String {
        table(header: header, alignments: alignments, rows: rows, highlighted: highlighted)
    }

    var breaksFormulas: Bool { false }

    var gluesPunctuation: Bool { false }

    var wideTableLine: Double { TableWidth.line }

    func breakable(_ embed: Embed) -> String? { nil }

    func formula(_ formula: Formula, display: Bool) -> String {
        math(LaTeXFormulaWriter().write(formula), display: display)
    }
}

/// Renders an `EmbedDocument` (the body of a sheet) in one format.
struct DocumentRenderer {
    let writer: any EmbedWriter

    /// `templates` give the words of practice forms (English by default).
    init(format: OutputFormat, templates: TemplateLibrary = .forLanguage("en")) {
        switch format {
        case .md, .json: writer = MarkdownEmbedWriter()
        case .html: writer = HTMLEmbedWriter(templates: templates)
        case .latex: writer = LaTeXEmbedWriter()
        }
    }

    /// A writer of its own, for an output that is not a sheet format (an
    /// LMS export's HTML with MathJax math).
    init(writer: any EmbedWriter) {
        self.writer = writer
    }

    func render(_ document: EmbedDocument) -> String {
        CMark.render(document.markdown, as: writer.renderer) { output(for: $0, in: document) }
    }

    private func output(for index: Int, in document: EmbedDocument) -> CMark.EmbedOutput {
        guard document.embeds.indices.contains(index) else { return .init(literal: "", isBlock: false) }
        switch document.embeds[index] {
        case .math(let latex, let display):
            return .init(literal: writer.math(latex, display: display), isBlock: display,
                         gluesPunctuation: !display && writer.gluesPunctuation)
        case .formula(let embed):
            return .init(literal: writer.formula(embed.formula, display: embed.display), isBlock: embed.display,
                         gluesPunctuation: !embed.display && writer.gluesPunctuation)
        case .table(let table):
            // A table too wide for a printed page gets formulas that may wrap
            // and its width estimate (issue 16, item 8); others are as they were.
            // Only writers that lay a table out for print (html, latex) use the
            // estimate, and it costs a second MathML of every cell's formulas.
            let width = writer.breaksFormulas ? TableWidth(table, embeds: document.embeds, breakable: true) : nil
            let wide = width.map { $0.naturalTotal > writer.wideTableLine } ?? false
            let cell = { (markdown: String) in
                CMark.renderInline(markdown, as: writer.renderer) { index in
                    if wide, document.embeds.indices.contains(index),
                       let literal = writer.breakable(document.embeds[index]) {
                        return .init(literal: literal, isBlock: false)
                    }
                    return output(for: index, in: document)
                }
            }
            let header = table.header.map(cell)
            let rows = table.rows.map { $0.map(cell) }
            let literal = if wide, let width {
                writer.wideTable(
                    header: header, alignments: table.alignments, rows: rows, highlighted: table.highlighted,
                    width: width)
            } else {
                writer.table(header: header, alignments: table.alignments, rows: rows, highlighted: table.highlighted)
            }
            return .init(literal: literal, isBlock: true)
        case .figure(let figure):
            return .init(literal: writer.figure(figure), isBlock: true)
        case .section(let section):
            return .init(literal: writer.section(section), isBlock: true)
        }
    }
}
