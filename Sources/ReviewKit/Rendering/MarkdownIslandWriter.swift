/// GitHub-flavoured Markdown: `$…$` and `$$…$$` math, pipe tables.
struct MarkdownIslandWriter: IslandWriter {
    var renderer: CMark.Renderer { .commonmark }

    func math(_ latex: String, display: Bool) -> String {
        display ? "$$\n\(latex)\n$$" : "$\(latex)$"
    }

    /// A Mermaid block: GitHub draws it, and it reads as text elsewhere.
    func figure(_ figure: Figure) -> String {
        "```mermaid\n\(figure.mermaid)\n```"
    }

    /// GitHub tables cannot be shaded: highlighted cells keep the emphasis
    /// the template gave them.
    func table(
        header: [String], alignments: [Table.Alignment], rows: [[String]], highlighted: Set<Table.Position>
    ) -> String {
        func row(_ cells: [String]) -> String {
            "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |"
        }
        let delimiter = "|" + alignments.map {
            switch $0 {
            case .left: " --- |"
            case .center: " :-: |"
            case .right: " --: |"
            }
        }.joined()
        return ([row(header), delimiter] + rows.map(row)).joined(separator: "\n")
    }
}
