/// A printed question sheet's answer boxes in the two formats that print:
/// HTML (empty boxes styled by `templates/shared/style.css`, kept whole on
/// a page when printed) and LaTeX (a framed blank line per answer). Every
/// label is a path into the problem's answers, which may hold names from a
/// problem file, so each is escaped for its format.
enum AnswerBoxesWriter {
    static func html(_ boxes: AnswerBoxes) -> String {
        var html = "<div class=\"answer-boxes\" id=\"answers-\(boxes.number)\">\n"
        html += "<p class=\"lead\">\(TextEscaping.html(boxes.lead))</p>\n"
        for group in boxes.groups {
            html += "<div class=\"answer\"><span class=\"label\">\(TextEscaping.html(group.name))</span><div class=\"boxes\">"
            for row in group.rows {
                html += "<div class=\"row\">"
                for (b, box) in row.enumerated() {
                    if b > 0 && group.isShape { html += "<span class=\"times\">×</span>" }
                    html += "<span class=\"box\" title=\"\(TextEscaping.html(box.label))\"></span>"
                }
                html += "</div>"
            }
            html += "</div></div>\n"
        }
        html += "</div>"
        // Room to work the problem on paper: shown only in print (style.css).
        html += "\n<div class=\"working-space\"></div>"
        return html
    }

    /// Each answer on its own line: the label, then a framed blank (one
    /// per entry of a vector, a row of them per matrix row), wide enough
    /// to write a number with four decimals by hand.
    static func latex(_ boxes: AnswerBoxes) -> String {
        let blank = "\\fbox{\\rule{0pt}{1.6em}\\hspace{6em}}"
        var tex = "\\par\\medskip\\noindent\\textbf{\(TextEscaping.latex(boxes.lead))}\\par\\nopagebreak\n"
        for group in boxes.groups {
            let single = group.rows.count == 1 && group.rows[0].count == 1
            let rows = group.rows.map { row in
                (single ? ["\\fbox{\\rule{0pt}{1.6em}\\hspace{0.45\\linewidth}}"] : Array(repeating: blank, count: row.count))
                    .joined(separator: group.isShape ? " \\(\\times\\) " : " ")
            }
            tex += "\\noindent\\parbox[t]{0.3\\linewidth}{\\raggedright\\texttt{\(TextEscaping.latex(group.name))}}%\n"
            tex += "\\parbox[t]{0.68\\linewidth}{\\raggedright " + rows.joined(separator: "\\\\[2pt]\n") + "}\\par\\smallskip\n"
        }
        // Room to work the problem on paper.
        tex += "\\par\\vspace{4cm plus 2cm}\n"
        return tex
    }
}
