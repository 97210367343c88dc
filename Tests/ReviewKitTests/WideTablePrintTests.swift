import Foundation
import Testing
@testable import ReviewKit

/// Issue 16, item 8, for tables: printed, a table too wide for the A4 line
/// (batchnorm hard's backward pass, kmeans' triangle features) ran off the
/// page. Such a table's formulas may now wrap at TeX's break points, HTML
/// carries its narrowest width for print to scale it, and LaTeX gives its
/// wide columns paragraph widths. Narrow tables are written as before.
/// `scripts/check-sheets.py` measures the printed pages in Chromium.
@Suite struct WideTablePrintTests {
    private func pieces(_ latex: String) -> [String] {
        var parser = MathParser(latex)
        return InlineMathBreaks.pieces(parser.parse()).map { piece in
            var writer = MathMLWriter()
            return writer.document(piece, display: false).replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
        }
    }

    @Test func breaksAfterRelationsCommasAndBinaryOperatorsOnly() {
        #expect(pieces("f = (1, 2) \\approx 3") == ["f=", "(1,", "2)≈", "3"])
        #expect(pieces("a + b - c \\cdot d") == ["a+", "b−", "c⋅", "d"])
        // Never after a sign, never inside a group, never after ×.
        #expect(pieces("-0.5") == ["−0.5"])
        #expect(pieces("3 \\cdot (-0.5) = -1.5") == ["3⋅", "(−0.5)=", "−1.5"])
        #expect(pieces("5.2 \\times 10^{-7}") == ["5.2×10−7"])
        // A fraction is one piece; plain parentheses are not a group (as in TeX).
        #expect(pieces("\\frac{a + b}{2} + \\max(0, a - b)") == ["a+b2+", "max&#x2061;(0,", "a−", "b)"])
    }

    private let narrow = "| i | y |\n| --- | --: |\n| 1 | $0.5 \\cdot 1.709 + 0.5 \\approx 1.354$ |\n"
    private var wide: String {
        let long = "$f = (\\max(0, 2.839 - 3.162), \\max(0, 2.839 - 4.854), \\max(0, 2.839 - 0.5)) \\approx (0, 0, 2.339)$"
        return "| Point | z | f |\n| :-: | :-: | :-: |\n| $x_0$ | $z \\approx (3.162, 4.854, 0.5)$ | \(long) |\n"
    }

    @Test func narrowTableIsWrittenAsBefore() {
        let doc = EmbedExtractor.extract(narrow)
        guard case .table(let table) = doc.embeds.last else { Issue.record("no table"); return }
        #expect(!TableWidth(table, embeds: doc.embeds).isWide)
        let html = DocumentRenderer(format: .html).render(doc)
        #expect(html.contains("<div class=\"table\"><table>") && !html.contains("<wbr>"))
        #expect(occurrences(of: "<math", in: html) == 1)
        let latex = DocumentRenderer(format: .latex).render(doc)
        #expect(latex.contains("\\begin{tabular}{lr}") && !latex.contains("resizebox"))
    }

    @Test func wideTableWrapsAndCarriesItsWidth() throws {
        let doc = EmbedExtractor.extract(wide)
        guard case .table(let table) = doc.embeds.last else { Issue.record("no table"); return }
        let width = TableWidth(table, embeds: doc.embeds, breakable: true)
        // On one line the f cell alone is wider than a printed line; broken
        // at its commas, no piece is wider than a third of one.
        #expect(TableWidth(table, embeds: doc.embeds).isWide)
        #expect(width.naturalTotal > TableWidth.line && width.minimumTotal < TableWidth.line)
        let html = DocumentRenderer(format: .html).render(doc)
        // Wrapped, it fits: nothing to scale.
        #expect(html.contains("<div class=\"table\"><table>"))
        // The f cell: a <math> per piece, a break opportunity between them.
        #expect(html.contains("<mo>=</mo></math><wbr><math xmlns=\"http://www.w3.org/1998/Math/MathML\"><mo stretchy=\"false\">(</mo>"))
        #expect(occurrences(of: "<math", in: html) == occurrences(of: "</math>", in: html))
        let latex = DocumentRenderer(format: .latex).render(doc)
        #expect(latex.contains(">{\\centering\\arraybackslash}p{\\dimexpr "))
        #expect(latex.contains("\\begin{tabular}{c"))
        // TeX breaks after relations and operators itself; commas are helped.
        #expect(latex.contains("(3.162,\\allowbreak 4.854,\\allowbreak 0.5)"))
        #expect(LaTeXEmbedWriter.breakingAfterCommas("f_{1,2} = \\left(a, b\\right), 1{,}024\\,, c")
            == "f_{1,2} = \\left(a, b\\right),\\allowbreak 1{,}024\\,,\\allowbreak c")
        #expect(LaTeXEmbedWriter.breakingAfterCommas("(1,2)") == "(1,\\allowbreak 2)")
        // Markdown has no page: the table is as it was.
        #expect(DocumentRenderer(format: .md).render(doc).contains("| $x_0$ |"))
    }

    /// Eight columns of long numbers cannot wrap below the line: the
    /// table carries its narrowest width for print to scale it.
    /// Outside tables too, a LaTeX sheet never runs off the line: an inline
    /// vector may break after its commas (at a relation's cost, 500) and a
    /// display wider than the line is scaled to it by the preamble's
    /// `\fitdisplay` (pdflatex over every topic showed inline vectors 4–46 pt
    /// and displays up to 189 pt over the line before).
    @Test func latexRunningTextBreaksVectorsAndFitsDisplays() throws {
        var options = Sheet.Options()
        options.format = .latex
        let sheet = Sheet(problems: try solve(json: #"{"topic": "softmax", "logits": [2, 1, 0.1], "target": 0}"#), options: options)
            .render()
        #expect(sheet.contains("\\(z = (2,\\penalty500 1,\\penalty500 0.1)\\)"))
        #expect(sheet.contains("\\newcommand{\\fitdisplay}"))
        let displays = sheet.components(separatedBy: "\\[\n").dropFirst()
        #expect(!displays.isEmpty)
        for display in displays { #expect(display.hasPrefix("\\fitdisplay{")) }
        // Markdown keeps its formulas as written: its viewer lays them out.
        options.format = .md
        let md = Sheet(problems: try solve(json: #"{"topic": "softmax", "logits": [2, 1, 0.1], "target": 0}"#), options: options)
            .render()
        #expect(md.contains("z = (2, 1, 0.1)") && !md.contains("penalty") && !md.contains("fitdisplay"))
    }

    @Test func tableThatCannotWrapCarriesItsWidth() throws {
        let cells = Array(repeating: "$-0.123456789$", count: 8)
        let markdown = "| " + (1...8).map(String.init).joined(separator: " | ") + " |\n|"
            + String(repeating: " --: |", count: 8) + "\n| " + cells.joined(separator: " | ") + " |\n"
        let doc = EmbedExtractor.extract(markdown)
        guard case .table(let table) = doc.embeds.last else { Issue.record("no table"); return }
        let width = TableWidth(table, embeds: doc.embeds, breakable: true)
        #expect(width.minimumTotal > TableWidth.line)
        let html = DocumentRenderer(format: .html).render(doc)
        let ems = try #require(captures(#"<div class="table" style="--w:(\d+)">"#, in: html).first.flatMap { Int($0) })
        #expect(ems == Int(width.minimumTotal.rounded(.up)))
        // LaTeX: no room for paragraph columns, so the table is scaled to the line.
        #expect(DocumentRenderer(format: .latex).render(doc).contains("\\resizebox{\\linewidth}{!}{\\begin{tabular}{rrrrrrrr}"))
    }
}
