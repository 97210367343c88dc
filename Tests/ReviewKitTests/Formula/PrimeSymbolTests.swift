import Testing
@testable import ReviewKit

/// A primed symbol (`F'`, `F'_w`) in each notation: a prime mark after the
/// italic name (in MathML beside it, after the subscript, so it stays
/// attached). Expected strings are written by hand.
@Suite struct PrimeSymbolTests {
    private let primed: Formula = .symbol("F", sub: "w", primes: 1)

    @Test func eachNotationWritesAPrime() {
        #expect(LaTeXFormulaWriter().write(.symbol("F", primes: 1)) == "F'")
        #expect(LaTeXFormulaWriter().write(primed) == "F'_{w}")
        #expect(PlainFormulaWriter().write(primed) == "F'_w")
        let mathML = MathMLFormulaWriter().write(primed, display: false)
        // Attached beside the letter, after the subscript: F_w′ (issue 16, item 8).
        #expect(mathML.contains("<mrow><msub><mi>F</mi><mi>w</mi></msub><mo>′</mo></mrow>"))
    }

    /// Primes written in a name are the same primes: one mechanism, in the tree.
    @Test func primesInANameAreSplitOff() {
        #expect(Formula.symbol("s'", sub: 1) == .symbol("s", sub: 1, primes: 1))
        #expect(("a''" as Formula) == .symbol("a", primes: 2))
        #expect(LaTeXFormulaWriter().write(.symbol("alpha'", sub: "i")) == "\\alpha'_{i}")
        #expect(PlainFormulaWriter().write(.symbol("hat", accent: .hat, primes: 1)) == "hat(hat)'")
        #expect(MathMLFormulaWriter().write("a''", display: false).contains("<mrow><mi>a</mi><mo>′′</mo></mrow>"))
        #expect(("'" as Formula) == .symbol("'"))  // a name of primes alone stays a name
    }
}
