/// HTML: math as MathML (rendered natively by the browser, offline), tables
/// as `<table>`.
struct HTMLEmbedWriter: EmbedWriter {
    var renderer: CMark.Renderer { .html }
    /// The sheet's language, for the words of practice forms.
    var templates: TemplateLibrary

    func math(_ latex: String, display: Bool) -> String {
        MathML.render(latex, display: display)
    }

    /// Straight from the tree: no LaTeX is written or parsed.
    func formula(_ formula: Formula, display: Bool) -> String {
        MathMLFormulaWriter().write(formula, display: display)
    }

    var breaksFormulas: Bool { true }

    var gluesPunctuation: Bool { true }

    func breakable(_ embed: Embed) -> String? {
        switch embed {
        case .math(let latex, false): return MathML.renderBreakable(latex)
        case .formula(let embed) where !embed.display: return MathMLFormulaWriter().breakable(embed.formula)
        default: return nil
        }
    }

    func figure(_ figure: Figure) -> String {
        "<figure class=\"figure\">\n\(figure.svg)\n<figcaption>\(TextEscaping.html(figure.caption))</figcaption>\n</figure>"
    }

    /// Problems as `<section>`s and folded solutions as `<details>`: cmark's
    /// safe mode would drop these tags if a template wrote them.
    func section(_ section: Section) -> String {
        switch section {
        case .problemStart: return "<section class=\"problem\">"
        case .problemEnd: return "</section>"
        case .foldStart(let summary):
            return "<details class=\"solution\">\n<summary>\(TextEscaping.html(summary))</summary>"
        case .foldEnd: return "</details>"
        case .practice(let form): return PracticeFormHTML.write(form, words: PracticeWords(templates: templates))
        case .answerBoxes(let boxes): return AnswerBoxesWriter.html(boxes)
        case .runningHead: return ""
        case .keyStudentStart: return "<section class=\"key-student\">"
        case .keyStudentEnd: return "</section>"
        case .keyBodyStart: return "<div class=\"key-body\">"
        case .keyBodyEnd: return "</div>"
        }
    }

    /// Its cells wrap (`breakable`); if even then it may not fit the line,
    /// it carries its narrowest width (`--w`, in ems of its font) for print
    /// to scale it to the line.
    func wideTable(
        header: [String], alignments: [Table.Alignment], rows: [[String]], highlighted: Set<Table.Position>,
        width: TableWidth
    ) -> String {
        let ems = Int(width.minimumTotal.rounded(.up))
        let opening = width.minimumTotal > TableWidth.line
            ? "<div class=\"table\" style=\"--w:\(ems)\">" : "<div class=\"table\">"
        return table(header: header, alignments: alignments, rows: rows, highlighted: highlighted, opening: opening)
    }

    func table(
        header: [String], alignments: [Table.Alignment], rows: [[String]], highlighted: Set<Table.Position>
    ) -> String {
        table(header: header, alignments: alignments, rows: rows, highlighted: highlighted, opening: "<div class=\"table\">")
    }

    private func table(
        header: [String], alignments: [Table.Alignment], rows: [[String]], highlighted: Set<Table.Position>,
        opening: String
    ) -> String {
        func cells(_ values: [String], tag: String, row: Int?) -> String {
            zip(values, alignments).enumerated().map { column, cell in
                var classes: [String] = []
                if cell.1 != .left { classes.append(cell.1 == .right ? "num" : "mid") }
                if let row, highlighted.contains(.init(row: row, column: column)) { classes.append("hl") }
                let style = classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\""
                return "<\(tag)\(style)>\(cell.0)</\(tag)>"
            }.joined()
        }
        var html = opening + "<table>\n<thead><tr>\(cells(header, tag: "th", row: nil))</tr></thead>\n<tbody>\n"
        for (index, row) in rows.enumerated() {
            html += "<tr>\(cells(row, tag: "td", row: index))</tr>\n"
        }
        html += "</tbody>\n</table></div>"
        return html
    }
}
