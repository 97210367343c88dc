/// GitHub-flavoured Markdown: `$…$` and `$$…$$` math, pipe tables.
struct MarkdownEmbedWriter: EmbedWriter {
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
            "| " + cells.map(escapePipes).joined(separator: " | ") + " |"
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

    /// `|` as `\|` inside a cell; most cells have none and are returned as
    /// they are (a Foundation search per cell was 6 % of a gcn sheet).
    private func escapePipes(_ cell: String) -> String {
        guard cell.utf8.contains(UInt8(ascii: "|")) else { return cell }
        var out = ""
        for character in cell.unicodeScalars {
            if character == "|" { out += "\\" }
            out.unicodeScalars.append(character)
        }
        return out
    }
}
