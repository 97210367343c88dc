import Foundation
import Testing
@testable import ReviewKit

#if canImport(FoundationXML)
import FoundationXML
#endif

/// `∂/∂x (…)`, the derivative of an expression written as an operator: how
/// backprop writes a node's local gradient, so it never reads as the
/// output's gradient ∂f/∂x. Expected strings are written by hand.
@Suite struct PartialOfOperatorTests {
    private func latex(_ f: Formula) -> String { LaTeXFormulaWriter().write(f) }
    private func plain(_ f: Formula) -> String { PlainFormulaWriter().write(f) }

    @Test func sumsAndProductsAreBracketedCallsAndPowersAreNot() {
        #expect(latex(.partialOf("x" * "z", "x")) == "\\frac{\\partial}{\\partial x} (x \\cdot z)")
        #expect(plain(.partialOf("x" * "z", "x")) == "d/dx (x * z)")
        #expect(latex(.partialOf("x" + "y", "y")) == "\\frac{\\partial}{\\partial y} (x + y)")
        #expect(latex(.partialOf(-"a", "a")) == "\\frac{\\partial}{\\partial a} (-a)")
        #expect(latex(.partialOf(.call("sigma", "a"), "a")) == "\\frac{\\partial}{\\partial a} \\sigma(a)")
        #expect(plain(.partialOf(.call("sigma", "a"), "a")) == "d/da sigma(a)")
        #expect(latex(.partialOf(.exp(.symbol("z", sub: 3)), .symbol("z", sub: 3))) == "\\frac{\\partial}{\\partial z_{3}} e^{z_{3}}")
        #expect(plain(.partialOf(.exp("z"), "z")) == "d/dz exp(z)")
        #expect(latex(.partialOf(.pow("x", 2), "x")) == "\\frac{\\partial}{\\partial x} x^{2}")
        // Inline in plain text, a quotient is bracketed; built up in LaTeX it is not.
        #expect(plain(.partialOf(.frac(1, "z"), "z")) == "d/dz (1 / z)")
        #expect(latex(.partialOf(.frac(1, "z"), "z")) == "\\frac{\\partial}{\\partial z} \\frac{1}{z}")
    }

    @Test func asAFactorOfAChainRuleTerm() {
        let term = Formula.partial("f", "z") * .partialOf("x" + "y", "x")
        #expect(latex(term) == "\\frac{\\partial f}{\\partial z} \\cdot \\frac{\\partial}{\\partial x} (x + y)")
        #expect(plain(term) == "df/dz * d/dx (x + y)")
    }

    @Test func mathMLPutsTheOperatorBeforeTheBracketedExpression() {
        let xml = MathMLFormulaWriter().write(.partialOf("x" * "z", "x"), display: false)
        #expect(xml.contains("<mfrac><mi>∂</mi><mrow><mi>∂</mi><mi>x</mi></mrow></mfrac><mo stretchy=\"false\">(</mo><mi>x</mi><mo>⋅</mo><mi>z</mi><mo stretchy=\"false\">)</mo>"))
        #expect(XMLParser(data: Data(xml.utf8)).parse())
    }

    @Test func itHasNoValue() {
        #expect(FormulaEvaluation.shownValue(of: .partialOf("x" * "z", "x"), policy: .standard) == nil)
    }
}
