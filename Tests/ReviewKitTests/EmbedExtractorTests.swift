import Testing
@testable import ReviewKit

@Suite struct EmbedExtractorTests {
    @Test func inlineAndDisplayMathBecomeEmbeds() {
        let doc = EmbedExtractor.extract("Let $z = x + y$ and\n\n$$\\frac{a}{b}$$\n")
        #expect(doc.embeds == [.math(latex: "z = x + y", display: false), .math(latex: "\\frac{a}{b}", display: true)])
        #expect(!doc.markdown.contains("$"))
    }

    @Test func escapedDollarsAndPricesStayText() {
        let doc = EmbedExtractor.extract("costs \\$5 and $5 or $ 6$ here")
        #expect(doc.embeds.isEmpty)
    }

    @Test func codeSpansAreLeftAlone() {
        let doc = EmbedExtractor.extract("run `echo $HOME$` now")
        #expect(doc.embeds.isEmpty)
        #expect(doc.markdown == "run `echo $HOME$` now")
    }

    @Test func latexBackslashesSurviveUntouched() {
        let doc = EmbedExtractor.extract("$\\{a\\}\\,\\\\ b$")
        #expect(doc.embeds == [.math(latex: "\\{a\\}\\,\\\\ b", display: false)])
    }

    @Test func pipeTablesBecomeTableEmbedsWithMathInCells() {
        let text = """
            Before

            | Node | Value |
            | :-: | --: |
            | $z$ | 3 |
            | $a \\| b$ | x \\| y |

            After
            """
        let doc = EmbedExtractor.extract(text)
        guard case .table(let table) = doc.embeds.last else {
            Issue.record("no table embed"); return
        }
        #expect(table.header == ["Node", "Value"])
        #expect(table.alignments == [.center, .right])
        #expect(table.rows.count == 2)
        #expect(table.rows[1][1] == "x | y")
        // The math in the cells is its own embed, referenced by token.
        #expect(doc.embeds.count == 3)
        #expect(doc.markdown.contains("Before"))
        #expect(doc.markdown.contains("After"))
    }
}
