import Testing
@testable import ReviewKit

/// A primed symbol (`F'`, `F'_w`) in each notation: a prime mark after the
/// italic name, before the subscript. Expected strings are written by hand.
@Suite struct PrimeSymbolTests {
    private let primed: Formula = .symbol("F", sub: "w", primes: 1)

    @Test func eachNotationWritesAPrime() {
        #expect(LaTeXFormulaWriter().write(.symbol("F", primes: 1)) == "F'")
        #expect(LaTeXFormulaWriter().write(primed) == "F'_{w}")
        #expect(PlainFormulaWriter().write(primed) == "F'_w")
        let mathML = MathMLFormulaWriter().write(primed, display: false)
        #expect(mathML.contains("<msubsup><mi>F</mi><mi>w</mi><mo"))
        #expect(mathML.contains("′</mo></msubsup>"))
    }

    /// Primes written in a name are the same primes: one mechanism, in the tree.
    @Test func primesInANameAreSplitOff() {
        #expect(Formula.symbol("s'", sub: 1) == .symbol("s", sub: 1, primes: 1))
        #expect(("a''" as Formula) == .symbol("a", primes: 2))
        #expect(LaTeXFormulaWriter().write(.symbol("alpha'", sub: "i")) == "\\alpha'_{i}")
        #expect(PlainFormulaWriter().write(.symbol("hat", accent: .hat, primes: 1)) == "hat(hat)'")
        #expect(MathMLFormulaWriter().write("a''", display: false).contains("<msup><mi>a</mi><mo"))
        #expect(("'" as Formula) == .symbol("'"))  // a name of primes alone stays a name
    }
}
