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
    func figure(_ figure: Figure) -> String
    /// The opening or closing of a wrapper; empty where the format has none.
    func section(_ section: Section) -> String
}

extension EmbedWriter {
    func section(_ section: Section) -> String { "" }

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
            return .init(literal: writer.math(latex, display: display), isBlock: display)
        case .formula(let embed):
            return .init(literal: writer.formula(embed.formula, display: embed.display), isBlock: embed.display)
        case .table(let table):
            let cell = { (markdown: String) in
                CMark.renderInline(markdown, as: writer.renderer) { output(for: $0, in: document) }
            }
            let literal = writer.table(
                header: table.header.map(cell), alignments: table.alignments,
                rows: table.rows.map { $0.map(cell) }, highlighted: table.highlighted)
            return .init(literal: literal, isBlock: true)
        case .figure(let figure):
            return .init(literal: writer.figure(figure), isBlock: true)
        case .section(let section):
            return .init(literal: writer.section(section), isBlock: true)
        }
    }
}
