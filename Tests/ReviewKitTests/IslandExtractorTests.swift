import Testing
@testable import ReviewKit

@Suite struct IslandExtractorTests {
    @Test func inlineAndDisplayMathBecomeIslands() {
        let doc = IslandExtractor.extract("Let $z = x + y$ and\n\n$$\\frac{a}{b}$$\n")
        #expect(doc.islands == [.math(latex: "z = x + y", display: false), .math(latex: "\\frac{a}{b}", display: true)])
        #expect(!doc.markdown.contains("$"))
    }

    @Test func escapedDollarsAndPricesStayText() {
        let doc = IslandExtractor.extract("costs \\$5 and $5 or $ 6$ here")
        #expect(doc.islands.isEmpty)
    }

    @Test func codeSpansAreLeftAlone() {
        let doc = IslandExtractor.extract("run `echo $HOME$` now")
        #expect(doc.islands.isEmpty)
        #expect(doc.markdown == "run `echo $HOME$` now")
    }

    @Test func latexBackslashesSurviveUntouched() {
        let doc = IslandExtractor.extract("$\\{a\\}\\,\\\\ b$")
        #expect(doc.islands == [.math(latex: "\\{a\\}\\,\\\\ b", display: false)])
    }

    @Test func pipeTablesBecomeTableIslandsWithMathInCells() {
        let text = """
            Before

            | Node | Value |
            | :-: | --: |
            | $z$ | 3 |
            | $a \\| b$ | x \\| y |

            After
            """
        let doc = IslandExtractor.extract(text)
        guard case .table(let table) = doc.islands.last else {
            Issue.record("no table island"); return
        }
        #expect(table.header == ["Node", "Value"])
        #expect(table.alignments == [.center, .right])
        #expect(table.rows.count == 2)
        #expect(table.rows[1][1] == "x | y")
        // The math in the cells is its own island, referenced by token.
        #expect(doc.islands.count == 3)
        #expect(doc.markdown.contains("Before"))
        #expect(doc.markdown.contains("After"))
    }
}
