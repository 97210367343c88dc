/// How one output format writes islands: the only per-format knowledge the
/// document renderer needs besides cmark's own renderer.
protocol IslandWriter {
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

extension IslandWriter {
    func section(_ section: Section) -> String { "" }

    func formula(_ formula: Formula, display: Bool) -> String {
        math(LaTeXFormulaWriter().write(formula), display: display)
    }
}

/// Renders an `IslandDocument` (the body of a sheet) in one format.
struct DocumentRenderer {
    let writer: any IslandWriter

    /// `templates` give the words of practice forms (English by default).
    init(format: OutputFormat, templates: TemplateLibrary = .forLanguage("en")) {
        switch format {
        case .md, .json: writer = MarkdownIslandWriter()
        case .html: writer = HTMLIslandWriter(templates: templates)
        case .latex: writer = LaTeXIslandWriter()
        }
    }

    /// A writer of its own, for an output that is not a sheet format (an
    /// LMS export's HTML with MathJax math).
    init(writer: any IslandWriter) {
        self.writer = writer
    }

    func render(_ document: IslandDocument) -> String {
        CMark.render(document.markdown, as: writer.renderer) { output(for: $0, in: document) }
    }

    private func output(for index: Int, in document: IslandDocument) -> CMark.IslandOutput {
        guard document.islands.indices.contains(index) else { return .init(literal: "", isBlock: false) }
        switch document.islands[index] {
        case .math(let latex, let display):
            return .init(literal: writer.math(latex, display: display), isBlock: display)
        case .formula(let island):
            return .init(literal: writer.formula(island.formula, display: island.display), isBlock: island.display)
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
