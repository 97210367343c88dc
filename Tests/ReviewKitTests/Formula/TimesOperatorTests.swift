import Testing
@testable import ReviewKit

/// `×` between sizes (a 28 × 28 × 6 feature map, a 5 × 5 window), in each
/// notation. Expected strings are written by hand.
@Suite struct TimesOperatorTests {
    private let shape: Formula = .times([28, 28, 6])

    @Test func eachNotationWritesACross() {
        #expect(LaTeXFormulaWriter().write(shape) == "28 \\times 28 \\times 6")
        #expect(PlainFormulaWriter().write(shape) == "28 x 28 x 6")
        let mathML = MathMLFormulaWriter().write(shape, display: false)
        #expect(mathML.contains("<mn>28</mn><mo>×</mo><mn>28</mn><mo>×</mo><mn>6</mn>"))
    }

    @Test func oneSizeIsJustTheNumberAndSumsAreBracketed() {
        #expect(LaTeXFormulaWriter().write(.times([120])) == "120")
        #expect(LaTeXFormulaWriter().write(.times([2 + 1, 5])) == "(2 + 1) \\times 5")
        #expect(LaTeXFormulaWriter().write(.times([10_000, 3])) == "10{,}000 \\times 3")
    }

    @Test func itEvaluatesAsAProductForTheReproducibilityCheck() {
        #expect(FormulaEvaluation.shownValue(of: shape, policy: .standard) == [4704])
    }
}
