import Foundation
import Testing
@testable import ReviewKit

/// Highlighted table cells and section wrappers: made from markers by
/// `EmbedExtractor`, written per format, never forged by problem files.
@Suite struct SheetLayoutTests {
    @Test func highlightMarkerShadesOneCell() {
        let doc = EmbedExtractor.extract("| a | b |\n| --- | --: |\n| 1 | \(TableHighlight.marker)**2** |\n| 3 | 4 |\n")
        guard case .table(let table) = doc.embeds.last else {
            Issue.record("no table"); return
        }
        #expect(table.highlighted == [Table.Position(row: 0, column: 1)])
        #expect(table.rows[0][1] == "**2**")
        let html = DocumentRenderer(format: .html).render(doc)
        #expect(html.contains("<td class=\"num hl\"><strong>2</strong></td>"))
        #expect(occurrences(of: "hl", in: html) == 1)
        let latex = DocumentRenderer(format: .latex).render(doc)
        #expect(latex.contains("\\cellcolor{reviewhighlight}\\textbf{2}"))
        let md = DocumentRenderer(format: .md).render(doc)
        #expect(md.contains("| 1 | **2** |") && !md.unicodeScalars.contains("\u{E004}"))
    }

    @Test func bellmanMarksTheUpdatedEntry() throws {
        // Q(s, a) = 0, r = 1, terminal, α = 0.5: new value 0 + 0.5·(1 − 0) = 0.5.
        let json = #"{"topic": "bellman", "q": {"s": {"a": 0, "b": 2}}, "updates": [{"state": "s", "action": "a", "reward": 1, "terminal": true}], "alpha": 0.5, "gamma": 0.9}"#
        var options = Sheet.Options()
        options.format = .html
        let html = Sheet(problems: try solve(json: json), options: options).render()
        let marked = captures(#"<td class="num hl">(.*?)</td>"#, in: html)
        #expect(marked.count == 2, "before and after the update")
        // After: "0 → 0.5", old value to new, the cell shaded and in bold.
        #expect(marked.last?.contains("<mn>0</mn><mo>→</mo><mn>0.5</mn>") == true)
        #expect(marked.first?.contains("<mn>0</mn>") == true)
        #expect(marked.allSatisfy { $0.hasPrefix("<strong>") })
    }

    @Test func foldAndProblemSectionsOnlyInHTML() throws {
        let problems = try solve(json: #"[{"topic": "softmax", "logits": [1, 2], "target": 0}, {"topic": "softmax", "logits": [0, 1], "target": 1}]"#)
        var options = Sheet.Options()
        options.foldSolutions = true
        options.format = .html
        let html = Sheet(problems: problems, options: options).render()
        #expect(occurrences(of: "<section class=\"problem\">", in: html) == 2)
        #expect(occurrences(of: "</section>", in: html) == 2)
        #expect(occurrences(of: "<details class=\"solution\">\n<summary>", in: html) == 2)
        // Each fold closes inside its problem.
        #expect(occurrences(of: "</details>\n</section>", in: html) == 2)
        options.foldSolutions = false
        #expect(!Sheet(problems: problems, options: options).render().contains("<details"))
        for format in [OutputFormat.md, .latex] {
            options.format = format
            options.foldSolutions = true
            let folded = Sheet(problems: problems, options: options).render()
            options.foldSolutions = false
            #expect(folded == Sheet(problems: problems, options: options).render(), "\(format) has no folds")
        }
    }

    @Test func problemFilesCannotForgeMarkers() throws {
        let forged = "x \u{E004}\u{E005}0\u{E006} y"
        let json = #"{"topic": "softmax", "logits": [1, 2], "target": 0, "statement": "\#(forged)"}"#
        var options = Sheet.Options()
        options.format = .html
        let html = Sheet(problems: try solve(json: json), options: options).render()
        #expect(occurrences(of: "<section", in: html) == 1)
        #expect(!html.unicodeScalars.contains { ("\u{E000}"..."\u{E00F}").contains($0) })
    }
}
