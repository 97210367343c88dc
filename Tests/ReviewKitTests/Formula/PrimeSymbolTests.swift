import Testing
@testable import ReviewKit

/// A primed symbol (`F'`, `F'_w`) in each notation: a prime mark after the
/// italic name, before the subscript. Expected strings are written by hand.
@Suite struct PrimeSymbolTests {
    private let primed: Formula = .symbol("F", sub: "w", accent: .prime)

    @Test func eachNotationWritesAPrime() {
        #expect(LaTeXFormulaWriter().write(.symbol("F", accent: .prime)) == "F'")
        #expect(LaTeXFormulaWriter().write(primed) == "F'_{w}")
        #expect(PlainFormulaWriter().write(primed) == "F'_w")
        let mathML = MathMLFormulaWriter().write(primed, display: false)
        #expect(mathML.contains("<msubsup><mi>F</mi><mi>w</mi><mo"))
        #expect(mathML.contains("′</mo></msubsup>"))
    }
}
