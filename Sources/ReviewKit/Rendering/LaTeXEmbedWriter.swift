/// LaTeX: `\(…\)` and `\[…\]` math, `tabular` tables (with `booktabs`
/// rules, loaded by the page preamble).
struct LaTeXEmbedWriter: EmbedWriter {
    var renderer: CMark.Renderer { .latex }

    /// A formula outside the supported subset (see `LaTeXMathSafety`) is
    /// printed as its source text, never run. In running text an inline
    /// formula may break after a top-level comma, at the cost TeX gives a
    /// relation (`\relpenalty`, 500): a vector `(-0.6133, -0.1992)` then
    /// wraps at the margin instead of running into it (issue 16, item 8).
    func math(_ latex: String, display: Bool) -> String {
        written(latex, display: display, commaBreak: "\\penalty500")
    }

    private func written(_ latex: String, display: Bool, commaBreak: String) -> String {
        guard LaTeXMathSafety.isSafe(latex) else {
            let source = display ? "$$\(latex)$$" : "$\(latex)$"
            return "\\texttt{\(TextEscaping.latex(source))}"
        }
        // `\fitdisplay` (page preamble) scales a display wider than the line down to it.
        return display ? "\\[\n\\fitdisplay{\(latex)}\n\\]" : "\\(\(Self.breakingAfterCommas(latex, with: commaBreak))\\)"
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

    var breaksFormulas: Bool { true }

    /// Latin Modern is narrower than the browser's serif: over every topic
    /// × difficulty × 3 seeds, no table estimated at up to 46 ems overran
    /// the 166 mm line (batchnorm hard's, at 55 to 63, did), so those stay
    /// plain tabulars, as they were.
    var wideTableLine: Double { 46 }

    /// TeX breaks inline math after relations and binary operators, not
    /// after commas: in a wide table a comma at a formula's top level
    /// (outside braces and `\left…\right`) gets an `\allowbreak`, so that
    /// vectors wrap there as they do in HTML (`InlineMathBreaks`).
    func breakable(_ embed: Embed) -> String? {
        switch embed {
        case .math(let latex, false): return written(latex, display: false, commaBreak: "\\allowbreak")
        case .formula(let embed) where !embed.display:
            return written(LaTeXFormulaWriter().write(embed.formula), display: false, commaBreak: "\\allowbreak")
        default: return nil
        }
    }

    /// `latex` with `breakCommand` after every comma at its top level
    /// (outside braces and `\left…\right`, where TeX could not break anyway).
    static func breakingAfterCommas(_ latex: String, with breakCommand: String = "\\allowbreak") -> String {
        var out = ""
        var braces = 0
        var fences = 0
        var index = latex.startIndex
        while index < latex.endIndex {
            let c = latex[index]
            if c == "\\" {
                // A command or control symbol is copied whole.
                var end = latex.index(after: index)
                if end < latex.endIndex {
                    if latex[end].isLetter {
                        while end < latex.endIndex, latex[end].isLetter { end = latex.index(after: end) }
                    } else {
                        end = latex.index(after: end)
                    }
                }
                let command = latex[index..<end]
                if command == "\\left" { fences += 1 }
                if command == "\\right" { fences -= 1 }
                out += command
                index = end
                continue
            }
            if c == "{" { braces += 1 }
            if c == "}" { braces -= 1 }
            out.append(c)
            index = latex.index(after: index)
            if c == ",", braces == 0, fences == 0 {
                // The command's name ends at a space: the formula's own, or one added.
                out += index < latex.endIndex && latex[index] == " " ? breakCommand : breakCommand + " "
            }
        }
        return out
    }

    /// A table too wide for the line (issue 16, item 8): its wide columns
    /// become paragraph columns sharing what the others leave of the line,
    /// so their formulas break after relations and operators as TeX breaks
    /// inline math, and after commas (`breakable`). If even that cannot
    /// fit (the narrow columns and the widest unbreakable pieces alone are
    /// wider than the line), the table is scaled to the line. `>{…}` comes
    /// from the array package, which colortbl loads.
    func wideTable(
        header: [String], alignments: [Table.Alignment], rows: [[String]], highlighted: Set<Table.Position>,
        width: TableWidth
    ) -> String {
        // ems of 11pt in the 166 mm line of the preamble's geometry
        let line = 42.0
        let share = TableWidth.line / Double(max(alignments.count, 1))
        let wide = width.natural.map { $0 > share }
        let narrow = zip(width.natural, wide).filter { !$0.1 }.map(\.0).reduce(0, +)
        let wideTotal = zip(width.natural, wide).filter { $0.1 }.map(\.0).reduce(0, +)
        // Each wide column gets its widest unbreakable piece, and what is
        // left is shared by how much more each would take on one line.
        let wideColumns = width.natural.indices.filter { wide[$0] }
        let least = wideColumns.map { width.minimum[$0] }.reduce(0, +)
        let more = wideColumns.map { max(width.natural[$0] - width.minimum[$0], 0) }.reduce(0, +)
        let room = line - narrow - least
        let columns = width.natural.indices.map { c -> Double in
            guard wide[c] else { return 0 }
            let extra = max(width.natural[c] - width.minimum[c], 0)
            return width.minimum[c] + (more > 0 ? room * extra / more : 0)
        }
        guard !wideColumns.isEmpty, room >= 0, wideTotal > 0 else {
            return tabular(
                spec: alignments.map(letter).joined(), header: header, rows: rows, highlighted: highlighted,
                scaled: true)
        }
        let spec = zip(alignments, columns).enumerated().map { c, pair in
            guard wide[c] else { return letter(pair.0) }
            let fraction = (pair.1 / line * 1000).rounded(.down) / 1000
            let ragged: String
            switch pair.0 {
            case .left: ragged = "\\raggedright"
            case .center: ragged = "\\centering"
            case .right: ragged = "\\raggedleft"
            }
            return ">{\(ragged)\\arraybackslash}p{\\dimexpr \(fraction)\\linewidth-2\\tabcolsep\\relax}"
        }.joined()
        return tabular(spec: spec, header: header, rows: rows, highlighted: highlighted)
    }

    /// Highlighted cells get `\cellcolor` (colortbl, loaded by the preamble).
    func table(
        header: [String], alignments: [Table.Alignment], rows: [[String]], highlighted: Set<Table.Position>
    ) -> String {
        tabular(spec: alignments.map(letter).joined(), header: header, rows: rows, highlighted: highlighted)
    }

    private func letter(_ alignment: Table.Alignment) -> String {
        switch alignment {
        case .left: "l"
        case .center: "c"
        case .right: "r"
        }
    }

    /// `scaled`: set in a box scaled to the line's width.
    private func tabular(
        spec: String, header: [String], rows: [[String]], highlighted: Set<Table.Position>, scaled: Bool = false
    ) -> String {
        var tex = "\\begin{center}" + (scaled ? "\\resizebox{\\linewidth}{!}{" : "") + "\\begin{tabular}{\(spec)}\n\\toprule\n"
        tex += header.joined(separator: " & ") + " \\\\\n\\midrule\n"
        for (r, row) in rows.enumerated() {
            let cells = row.enumerated().map { c, cell in
                highlighted.contains(.init(row: r, column: c)) ? "\\cellcolor{reviewhighlight}\(cell)" : cell
            }
            tex += cells.joined(separator: " & ") + " \\\\\n"
        }
        tex += "\\bottomrule\n\\end{tabular}" + (scaled ? "}" : "") + "\\end{center}"
        return tex
    }
}
