import Testing
@testable import ReviewKit

/// A product led by a negative number, after `+`, is written as a
/// subtraction (gcn's z_01 = 0.74 · (−1) − 0.82 · (−2) + …), never as
/// `+ -0.82 · (-2)`. Expected strings are written by hand.
@Suite struct SignedProductTermTests {
    @Test func aNegativeLeadingFactorBecomesAMinus() {
        let sum = Formula.sum([.number(0.5) * .number(-1), .number(-0.75) * .number(-2), 1])
        #expect(LaTeXFormulaWriter().write(sum) == "0.5 \\cdot (-1) - 0.75 \\cdot (-2) + 1")
        #expect(PlainFormulaWriter().write(sum) == "0.5 * (-1) - 0.75 * (-2) + 1")
        #expect(MathMLFormulaWriter().write(sum, display: false).contains("<mo>−</mo><mn>0.75</mn><mo>⋅</mo>"))
        // Redone from the shown numbers it is still 0.5 · (−1) + (−0.75) · (−2) + 1 = 2.
        #expect(Reproducibility.violations(in: sum .=≈ 2).isEmpty)
        #expect(FormulaEvaluation.shownValue(of: sum, policy: .standard) == [2])
        // The first term keeps its own sign.
        #expect(LaTeXFormulaWriter().write(.sum([.number(-2) * 3, 1])) == "-2 \\cdot 3 + 1")
    }
}
