import Foundation

/// HTML for a learning-management system: math as LaTeX between `\(…\)`
/// and `\[…\]`, which Moodle's MathJax filter (and Canvas's) typesets, since
/// an LMS's HTML cleaner drops MathML and inline SVG; tables as `<table>`
/// with inline styles (no stylesheet travels with a question); figures as
/// `<img>` of an SVG file the export attaches (`@@PLUGINFILE@@/figure-N.svg`
/// in Moodle XML). The writer collects those files as it meets figures.
final class MathJaxHTMLEmbedWriter: EmbedWriter {
    /// One attached picture: its file name and its SVG text.
    struct Attachment: Sendable, Equatable {
        var name: String
        var svg: String
    }

    var renderer: CMark.Renderer { .html }
    /// What an image's `src` starts with (`@@PLUGINFILE@@/` for Moodle).
    let fileBase: String
    /// Names start `<prefix>figure-`, so files of one question stay distinct.
    let prefix: String
    private(set) var attachments: [Attachment] = []

    init(fileBase: String, prefix: String = "") {
        self.fileBase = fileBase
        self.prefix = prefix
    }

    func math(_ latex: String, display: Bool) -> String {
        let text = TextEscaping.html(latex)
        return display ? "<p class=\"math\">\\[\(text)\\]</p>" : "\\(\(text)\\)"
    }

    func figure(_ figure: Figure) -> String {
        let name = "\(prefix)figure-\(attachments.count + 1).svg"
        attachments.append(Attachment(name: name, svg: figure.svg))
        let caption = TextEscaping.html(figure.caption)
        return "<p><img src=\"\(fileBase)\(name)\" alt=\"\(caption)\" style=\"max-width:100%\"><br><small>\(caption)</small></p>"
    }

    func table(
        header: [String], alignments: [Table.Alignment], rows: [[String]], highlighted: Set<Table.Position>
    ) -> String {
        func cells(_ values: [String], tag: String, row: Int?) -> String {
            zip(values, alignments).enumerated().map { column, cell in
                var style = "border:1px solid #999;padding:2px 6px"
                if cell.1 != .left { style += cell.1 == .right ? ";text-align:right" : ";text-align:center" }
                if let row, highlighted.contains(.init(row: row, column: column)) { style += ";background:#fff3b0" }
                return "<\(tag) style=\"\(style)\">\(cell.0)</\(tag)>"
            }.joined()
        }
        var html = "<table style=\"border-collapse:collapse\">\n<thead><tr>\(cells(header, tag: "th", row: nil))</tr></thead>\n<tbody>\n"
        for (index, row) in rows.enumerated() {
            html += "<tr>\(cells(row, tag: "td", row: index))</tr>\n"
        }
        return html + "</tbody>\n</table>"
    }
}
