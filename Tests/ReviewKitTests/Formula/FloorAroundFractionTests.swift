import Testing
@testable import ReviewKit

/// Floor and ceiling brackets grow around a built-up fraction in LaTeX
/// (`\left\lfloor \frac{27}{2} \right\rfloor`) and MathML (stretchy fences), as the size rule is printed
/// in course notes; around anything flat they stay plain.
@Suite struct FloorAroundFractionTests {
    @Test func bracketsGrowOnlyAroundFractions() {
        let latex = LaTeXFormulaWriter()
        #expect(latex.write(.floor(.frac(27, 2)) + 1) == "\\left\\lfloor \\frac{27}{2} \\right\\rfloor + 1")
        #expect(latex.write(.ceil(.frac("W", "S"))) == "\\left\\lceil \\frac{W}{S} \\right\\rceil")
        #expect(latex.write(.floor(Formula.integer(27) / 2)) == "\\lfloor 27 / 2 \\rfloor")
        #expect(PlainFormulaWriter().write(.floor(.frac(27, 2))) == "floor(27 / 2)")
        let mathML = MathMLFormulaWriter()
        #expect(mathML.write(.floor(.frac(27, 2)), display: false).contains(#"fence="true" stretchy="true""#))
        #expect(!mathML.write(.floor("x"), display: false).contains(#"stretchy="true""#))
    }
}
