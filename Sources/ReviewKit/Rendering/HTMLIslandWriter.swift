/// HTML: math as MathML (rendered natively by the browser, offline), tables
/// as `<table>`.
struct HTMLIslandWriter: IslandWriter {
    var renderer: CMark.Renderer { .html }

    func math(_ latex: String, display: Bool) -> String {
        MathML.render(latex, display: display)
    }

    func figure(_ figure: Figure) -> String {
        "<figure class=\"figure\">\n\(figure.svg)\n<figcaption>\(TextEscaping.html(figure.caption))</figcaption>\n</figure>"
    }

    func table(header: [String], alignments: [Table.Alignment], rows: [[String]]) -> String {
        func cells(_ values: [String], tag: String) -> String {
            zip(values, alignments).map { value, alignment in
                let style = alignment == .left ? "" : " class=\"\(alignment == .right ? "num" : "mid")\""
                return "<\(tag)\(style)>\(value)</\(tag)>"
            }.joined()
        }
        var html = "<div class=\"table\"><table>\n<thead><tr>\(cells(header, tag: "th"))</tr></thead>\n<tbody>\n"
        for row in rows {
            html += "<tr>\(cells(row, tag: "td"))</tr>\n"
        }
        html += "</tbody>\n</table></div>"
        return html
    }
}
