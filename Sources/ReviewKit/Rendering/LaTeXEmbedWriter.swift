/// LaTeX: `\(…\)` and `\[…\]` math, `tabular` tables (with `booktabs`
/// rules, loaded by the page preamble).
struct LaTeXEmbedWriter: EmbedWriter {
    var renderer: CMark.Renderer { .latex }

    /// A formula outside the supported subset (see `LaTeXMathSafety`) is
    /// printed as its source text, never run.
    func math(_ latex: String, display: Bool) -> String {
        guard LaTeXMathSafety.isSafe(latex) else {
            let source = display ? "$$\(latex)$$" : "$\(latex)$"
            return "\\texttt{\(TextEscaping.latex(source))}"
        }
        return display ? "\\[\n\(latex)\n\\]" : "\\(\(latex)\\)"
    }

    /// A printed sheet's answer boxes and running head, and the answer
    /// key's two columns and unbreakable student blocks (`answerkey`,
    /// `keystudent`: the page preamble defines them for the key only); no
    /// other wrappers. `myheadings`
    /// puts the head on every page.
    func section(_ section: Section) -> String {
        switch section {
        case .answerBoxes(let boxes): return AnswerBoxesWriter.latex(boxes)
        case .runningHead(let text): return "\\pagestyle{myheadings}\\markright{\(TextEscaping.latex(text))}"
        case .keyBodyStart: return "\\begin{answerkey}"
        case .keyStudentStart: return "\\begin{keystudent}"
        case .keyStudentEnd: return "\\end{keystudent}"
        case .keyBodyEnd: return "\\end{answerkey}"
        default: return ""
        }
    }

    func figure(_ figure: Figure) -> String {
        "\\begin{center}\n\(figure.tikz)\n\n{\\small \(TextEscaping.latex(figure.caption))}\n\\end{center}"
    }

    /// Highlighted cells get `\cellcolor` (colortbl, loaded by the preamble).
    func table(
        header: [String], alignments: [Table.Alignment], rows: [[String]], highlighted: Set<Table.Position>
    ) -> String {
        let spec = alignments.map {
            switch $0 {
            case .left: "l"
            case .center: "c"
            case .right: "r"
            }
        }.joined()
        var tex = "\\begin{center}\\begin{tabular}{\(spec)}\n\\toprule\n"
        tex += header.joined(separator: " & ") + " \\\\\n\\midrule\n"
        for (r, row) in rows.enumerated() {
            let cells = row.enumerated().map { c, cell in
                highlighted.contains(.init(row: r, column: c)) ? "\\cellcolor{reviewhighlight}\(cell)" : cell
            }
            tex += cells.joined(separator: " & ") + " \\\\\n"
        }
        tex += "\\bottomrule\n\\end{tabular}\\end{center}"
        return tex
    }
}
