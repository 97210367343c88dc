import Foundation
import Testing
@testable import ReviewKit

@Suite struct NumberPolicyTests {
    private func latex(_ value: Double, digits: Int? = nil) -> String {
        LaTeXFormulaWriter().write(.number(value, digits: digits))
    }

    @Test func significantFiguresNotFixedDecimals() {
        #expect(latex(0.7310585786300049) == "0.7311")
        #expect(latex(21.0855) == "21.09")
        #expect(latex(-0.004958) == "-0.004958")
        #expect(latex(1.41700001) == "1.417")
        #expect(latex(0.5) == "0.5")
        #expect(latex(2.0 / 3, digits: 6) == "\\frac{2}{3}")
        #expect(latex(0.123456, digits: 6) == "0.123456")
    }

    @Test func integersAndSimpleFractionsAreExact() {
        #expect(latex(6) == "6")
        #expect(latex(-12) == "-12")
        #expect(latex(1.0 / 3) == "\\frac{1}{3}")
        #expect(latex(-2.0 / 3) == "-\\frac{2}{3}")
        #expect(PlainFormulaWriter().write(.number(1.0 / 3)) == "1/3")
        #expect(NumberPolicy.standard.show(1.0 / 3).isExact)
        // 0.25 has a short decimal: no fraction needed.
        #expect(latex(0.25) == "0.25")
    }

    @Test func thousandsAreGroupedTheSameInLaTeXAndMathML() {
        #expect(latex(1024) == "1024")
        #expect(latex(12345) == "12{,}345")
        #expect(latex(1234567) == "1{,}234{,}567")
        #expect(latex(12345.678) == "12{,}346")
        #expect(PlainFormulaWriter().write(.number(12345)) == "12345")
        #expect(MathMLFormulaWriter().write(.number(1234567), display: false).contains("<mn>1,234,567</mn>"))
    }

    @Test func hugeAndTinyValuesUseScientificNotation() {
        #expect(latex(12345678.5) == "1.235 \\times 10^{7}")
        #expect(latex(1.5e-7) == "1.5 \\times 10^{-7}")
        #expect(latex(9.99996e-5) == "1 \\times 10^{-4}")
        #expect(PlainFormulaWriter().write(.number(-1.5e-7)) == "-1.5e-7")
    }

    @Test func unitIsOneInTheLastShownDigit() {
        #expect(NumberPolicy.standard.show(0.7311).unit == 1e-4)
        #expect(NumberPolicy.standard.show(21.0855).unit == 0.01)
        #expect(NumberPolicy.standard.show(6).unit == 1)
        // 0.65901 shows as 0.659: read to thousandths.
        #expect(NumberPolicy.standard.show(0.65901).unit == 0.001)
    }

    @Test func reproducibilityCheckerFindsAStepThatCannotBeRedone() {
        // The example: 1/0.0474 shown as 21.0855 is really 21.097.
        let wrong: Formula = .frac(1, .number(0.0474, digits: 3)) .=≈ .number(21.0855, digits: 6)
        #expect(Reproducibility.violations(in: wrong) == [.init(redone: 1 / 0.0474, shown: 21.0855, unit: 1e-4)])
        // With the operand and result both at four figures: 1/0.04743 = 21.084, shown 21.09.
        #expect(Reproducibility.violations(in: .frac(1, .number(1 / 21.0855)) .=≈ .number(21.0855)).isEmpty)
    }

    @Test func operandsGetMoreDigitsWhereAChainNeedsThem() {
        // 1.00049 · 9 = 9.00441, shown 9.004; from the four-figure 1.000 a
        // student gets 9, four units off. Five figures (1.0005) give 9.0045.
        let step: Formula = .number(1.00049) * 9 .=≈ .number(1.00049 * 9)
        #expect(Reproducibility.violations(in: step).count == 1)
        #expect(Reproducibility.violations(in: Reproducibility.repaired(step)).isEmpty)
        #expect(LaTeXFormulaWriter().write(step) == "1.0005 \\cdot 9 \\approx 9.004")
    }
}
