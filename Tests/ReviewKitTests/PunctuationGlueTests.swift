import Foundation
import Testing
@testable import ReviewKit

/// A browser may break a line on either side of an inline `<math>`, so a
/// line of a sheet could start with `，` or `,` (seen in Chromium on zh and
/// en sheets). HTML keeps an inline formula and the punctuation touching
/// it in one `nobr` span; Markdown and LaTeX are untouched.
@Suite struct PunctuationGlueTests {
    private func html(_ markdown: String) -> String {
        DocumentRenderer(format: .html).render(EmbedExtractor.extract(markdown))
    }

    @Test func chinesePunctuationGoesWithTheFormula() {
        let out = html("因此（$x = 1$），且 $y$。")
        #expect(out.contains("因此<span class=\"nobr\">（<math"))
        #expect(out.contains("</math>），</span>且 <span class=\"nobr\"><math"))
        #expect(out.contains("</math>。</span></p>"))
        // Nothing is lost or doubled: the text around reads as written.
        let text = out.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
        #expect(text.hasPrefix("因此（x=1），且 y。"))
    }

    @Test func englishPunctuationToo() {
        let out = html("so $x = 1$, and ($y$).")
        #expect(out.contains("</math>,</span> and <span class=\"nobr\">(<math"))
        #expect(out.contains("</math>).</span></p>"))
    }

    @Test func aFormulaWithNoPunctuationBesideItIsWrittenAsBefore() {
        let out = html("so $x$ is")
        #expect(!out.contains("nobr"))
        #expect(out.contains("so <math"))
    }

    @Test func displaysMarkdownAndLaTeXAreUntouched() {
        #expect(!html("$$x = 1$$\n\nwhich is $y$.").contains("nobr</span>\n<math display"))
        let doc = EmbedExtractor.extract("so $x$, and（$y$）。")
        #expect(!DocumentRenderer(format: .md).render(doc).contains("nobr"))
        #expect(!DocumentRenderer(format: .latex).render(doc).contains("nobr"))
    }

    @Test func theStyleSheetKeepsTheSpanOnOneLine() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let css = try String(contentsOf: root.appendingPathComponent("templates/shared/style.css"), encoding: .utf8)
        #expect(css.contains(".nobr { white-space: nowrap; }"))
    }
}

extension PunctuationGlueTests {
    /// zh step headings end their bold run on a formula and keep `。`
    /// outside it (CommonMark would not close `**。**` before a letter);
    /// the `。` still goes with the formula, inside the run.
    @Test func punctuationAfterABoldRunGoesWithItsLastFormula() {
        let out = html("**第 4 步：聚合，$x$**。下一句")
        #expect(out.contains("</math>。</span></strong>下一句"))
        #expect(!out.contains("*"))
        let italic = html("*时间步 $t = 1$*。输入")
        #expect(italic.contains("</math>。</span></em>输入"))
        // A run that does not end on a formula is left as it is.
        #expect(html("**第 2 步：计算度**。节点").contains("</strong>。节点"))
    }
}
