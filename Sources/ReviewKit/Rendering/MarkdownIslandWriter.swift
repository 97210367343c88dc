/// GitHub-flavoured Markdown: `$…$` and `$$…$$` math, pipe tables.
struct MarkdownIslandWriter: IslandWriter {
    var renderer: CMark.Renderer { .commonmark }

    func math(_ latex: String, display: Bool) -> String {
        display ? "$$\n\(latex)\n$$" : "$\(latex)$"
    }

    func table(header: [String], alignments: [Table.Alignment], rows: [[String]]) -> String {
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
