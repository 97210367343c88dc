import Foundation
import Testing
@testable import ReviewKit

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Expected strings are written by hand from the math, not copied from output.
@Suite struct FormulaWriterTests {
    private func latex(_ f: Formula) -> String { LaTeXFormulaWriter().write(f) }
    private func plain(_ f: Formula) -> String { PlainFormulaWriter().write(f) }
    private func mathML(_ f: Formula) -> String { MathMLFormulaWriter().write(f, display: false) }

    @Test func negativeNumbersAreBracketedOnlyWherePrecedenceNeedsIt() {
        #expect(latex(2 * .number(-3)) == "2 \\cdot (-3)")
        #expect(plain(2 * .number(-3)) == "2 * (-3)")
        #expect(latex("x" .= .number(-3)) == "x = -3")
        #expect(latex(.min([.number(-9), 3])) == "\\min(-9, 3)")
        #expect(latex(.call("sigma", .number(-2.5))) == "\\sigma(-2.5)")
        #expect(plain(.call("sigma", .number(-2.5))) == "sigma(-2.5)")
        #expect(latex(.number(1) - .number(-2)) == "1 - (-2)")
        #expect(latex(.number(-2) - 1) == "-2 - 1")
        #expect(latex(-(.number(-2))) == "-(-2)")
        #expect(latex(.pow(.number(-2), 2)) == "(-2)^{2}")
        #expect(latex(.exp(.number(-1.9))) == "e^{-1.9}")
        #expect(plain(.exp(.number(-1.9))) == "exp(-1.9)")
        #expect(latex(.number(-3) * 2) == "-3 \\cdot 2")
        #expect(latex(.vector([-1, 0.5])) == "(-1, 0.5)")
        #expect(plain(.vector([-1, 0.5])) == "[-1, 0.5]")
    }

    @Test func addingANegativeTermSubtractsIt() {
        #expect(latex(.sum([1, .number(-2), .number(0.5)])) == "1 - 2 + 0.5")
        #expect(latex(.sum([1, -("a" + "b")])) == "1 - (a + b)")
    }

    @Test func precedenceOfSumsProductsAndQuotients() {
        let zi: Formula = .symbol("z", sub: "i")
        #expect(latex((zi - "m") / "T") == "(z_{i} - m) / T")
        #expect(plain((zi - "m") / "T") == "(z_i - m) / T")
        #expect(latex("a" / ("b" * "c")) == "a / (b \\cdot c)")
        #expect(latex("a" - ("b" - "c")) == "a - (b - c)")
        #expect(latex(("a" - "b") - "c") == "a - b - c")
        #expect(latex(("a" + "b") * "c") == "(a + b) \\cdot c")
        #expect(latex(-("a" * "b")) == "-a \\cdot b")
        #expect(latex(.pow("a" + "b", 2)) == "(a + b)^{2}")
        #expect(plain(.pow("x", "a" + 1)) == "x^(a + 1)")
        #expect(latex(.juxtapose(.symbol("y", sub: "i"), .ln(.symbol("p", sub: "i")))) == "y_{i} \\ln p_{i}")
        #expect(latex(.ln(.number(1.4))) == "\\ln(1.4)")
        #expect(plain(.ln("S")) == "ln S")
    }

    @Test func fractionsPartialsAndSums() {
        #expect(latex(.frac(.exp(.symbol("a", sub: "i")), "S")) == "\\frac{e^{a_{i}}}{S}")
        #expect(plain(.frac("a" + "b", "c" * "d")) == "(a + b) / (c * d)")
        #expect(latex(.partial("L", .symbol("z", sub: "i"))) == "\\frac{\\partial L}{\\partial z_{i}}")
        #expect(plain(.partial("L", "z")) == "dL/dz")
        #expect(latex(.sum(over: "j", .exp(.symbol("a", sub: "j")))) == "\\sum_{j} e^{a_{j}}")
        #expect(plain(.sum(over: "j", .exp(.symbol("a", sub: "j")))) == "sum_j exp(a_j)")
        #expect(latex(.max(over: "i", .symbol("z", sub: "i"))) == "\\max_{i} z_{i}")
        // A Σ runs to the end: bare as the last factor, bracketed before another.
        #expect(latex(2 * .sum(over: "j", "x")) == "2 \\cdot \\sum_{j} x")
        #expect(latex(.sum(over: "j", "x") * 2) == "(\\sum_{j} x) \\cdot 2")
        #expect(latex(-.sum(over: "i", "x")) == "-\\sum_{i} x")
    }

    @Test func matricesAndSymbols() {
        #expect(latex(.matrix([[1, -2], [0.5, 3]])) == "\\begin{bmatrix} 1 & -2 \\\\ 0.5 & 3 \\end{bmatrix}")
        #expect(plain(.matrix([[1, -2], [0.5, 3]])) == "[[1, -2], [0.5, 3]]")
        #expect(latex(.symbol("A", accent: .tilde)) == "\\tilde{A}")
        #expect(latex(.symbol("sigma")) == "\\sigma")
        #expect(latex(.symbol("W", sub: 1, sup: "T")) == "W_{1}^{T}")
        #expect(latex(.symbol("lr")) == "\\mathit{lr}")
        // Trailing primes mark the letter, in every notation.
        #expect(latex(.symbol("s'", sub: 1)) == "s'_{1}")
        #expect(latex(.symbol("a'")) == "a'")
        #expect(plain(.max(over: "a'", .call("Q", "s'", "a'"))) == "max_a' Q(s', a')")
        // Primes attached beside the letter (issue 16, item 8): s₁′, a′.
        #expect(mathML(.symbol("s'", sub: 1)).contains("<mrow><msub><mi>s</mi><mn>1</mn></msub><mo>′</mo></mrow>"))
        #expect(mathML(.symbol("a'")).contains("<mrow><mi>a</mi><mo>′</mo></mrow>"))
        #expect(latex(.call("ReLU", "x")) == "\\operatorname{ReLU}(x)")
        #expect(latex(.call("Q", .text("s1"), "a'")) == "Q(\\text{s1}, a')")
        #expect(mathML(.call("Q", "s", "a")).contains("<mi>Q</mi>"))
        #expect(latex(.floor("x") + .ceil("y")) == "\\lfloor x \\rfloor + \\lceil y \\rceil")
        #expect(latex(.sqrt(2)) == "\\sqrt{2}")
    }

    @Test func eachRelation() {
        #expect(latex("a" .= "b") == "a = b")
        #expect(latex("a" .≈ "b") == "a \\approx b")
        #expect(latex(.relation(.tendsTo, "x", 0)) == "x \\to 0")
        #expect(latex(.relation(.lessOrEqual, "x", 1)) == "x \\le 1")
        #expect(plain(.relation(.tendsTo, "x", 0)) == "x -> 0")
        #expect(latex(.relation(.assigns, "x", "x" + 1)) == "x \\leftarrow x + 1")
        #expect(plain(.relation(.assigns, "x", "x" + 1)) == "x <- x + 1")
        #expect(mathML(.relation(.assigns, "x", 1)).contains("<mo>←</mo>"))
        // `=` when the shown result is exact, `≈` when it was rounded.
        #expect(latex(.number(0.5) + 0.7 .=≈ .number(1.2)) == "0.5 + 0.7 = 1.2")
        #expect(latex(.exp(.number(-1)) .=≈ .number(Foundation.exp(-1))) == "e^{-1} \\approx 0.3679")
        #expect(plain(.exp(.number(-1)) .=≈ .number(Foundation.exp(-1))) == "exp(-1) ≈ 0.3679")
        // 1 − 2.2 is −1.2000000000000002 in doubles: still exact on paper.
        #expect(latex(.number(1) - .number(2.2) .=≈ .number(1 - 2.2)) == "1 - 2.2 = -1.2")
    }

    @Test func mathMLIsWrittenFromTheTree() {
        #expect(mathML(2 * .number(-3)) == "<math xmlns=\"http://www.w3.org/1998/Math/MathML\"><mn>2</mn><mo>⋅</mo><mo stretchy=\"false\">(</mo><mo form=\"prefix\">−</mo><mn>3</mn><mo stretchy=\"false\">)</mo></math>")
        #expect(mathML("x" .=≈ .number(-3)).contains("<mo>=</mo><mo form=\"prefix\">−</mo><mn>3</mn>"))
        #expect(mathML(.frac(1, "S")).contains("<mfrac><mn>1</mn><mi>S</mi></mfrac>"))
        #expect(mathML(.symbol("z", sub: "i")).contains("<msub><mi>z</mi><mi>i</mi></msub>"))
        #expect(mathML(.number(12345)).contains("<mn>12,345</mn>"))
    }

    @Test func mathMLParsesAsXML() {
        let formulas: [Formula] = [
            2 * .number(-3), .matrix([[1, -2], [0.5, 3]]), .sum(over: "j", .exp(.symbol("a", sub: "j"))),
            .partial("L", .symbol("z", sub: "i")) .= .vector([0.25, -0.5]), .text("a < b & c"),
            .floor("x") + .ceil(.number(1.5e-7)), .call("sigma", .number(-2.5)) .=≈ .number(0.07585818),
            .ln("S") - .sqrt(.symbol("A", accent: .tilde)), .max(over: "i", .symbol("z", sub: "i")),
        ]
        for formula in formulas {
            for display in [false, true] {
                let xml = MathMLFormulaWriter().write(formula, display: display)
                let parser = XMLParser(data: Data(xml.utf8))
                #expect(parser.parse(), "\(xml)")
            }
        }
    }
}
