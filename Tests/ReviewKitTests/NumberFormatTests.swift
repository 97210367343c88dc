import Testing
@testable import ReviewKit

@Suite struct NumberFormatTests {
    @Test func integersPrintExactly() {
        #expect(NumberFormat.latex(6) == "6")
        #expect(NumberFormat.latex(-12) == "-12")
        #expect(NumberFormat.latex(23860) == "23860")
    }

    @Test func decimalsRoundToFourPlacesWithoutTrailingZeros() {
        #expect(NumberFormat.latex(0.7310585786300049) == "0.7311")
        #expect(NumberFormat.latex(0.5) == "0.5")
        #expect(NumberFormat.latex(-0.19661193324148185) == "-0.1966")
    }

    @Test func hugeAndTinyValuesUseScientificNotation() {
        // 2e^12 from the course notes' second example stays in fixed point.
        #expect(NumberFormat.latex(325509.58283800784) == "325509.5828")
        #expect(NumberFormat.latex(12345678.5) == "1.2346 \\times 10^{7}")
        #expect(NumberFormat.latex(1.5e-7) == "1.5 \\times 10^{-7}")
    }

    @Test func negativeOperandsAreParenthesised() {
        #expect(NumberFormat.operand(-3) == "(-3)")
        #expect(NumberFormat.operand(3) == "3")
    }

    @Test func roundedResultsSayApproximately() {
        #expect(NumberFormat.result(6) == "= 6")
        #expect(NumberFormat.result(0.7310585786300049) == "\\approx 0.7311")
        #expect(NumberFormat.result(0.25) == "= 0.25")
        // 1 − 2.2 is −1.2000000000000002 in binary; the printed −1.2 is exact, not approximate.
        #expect(NumberFormat.result(1 - 2.2) == "= -1.2")
    }
}

@Suite struct NumberFormatRoundingTests {
    @Test func roundsHalfAwayFromZeroLikeOnPaper() {
        #expect(NumberFormat.latex(0.125, decimals: 2) == "0.13")
        #expect(NumberFormat.latex(-0.125, decimals: 2) == "-0.13")
        #expect(NumberFormat.latex(2.5, decimals: 0) == "3")
    }

    @Test func keepsLeadingZerosOfTheFraction() {
        #expect(NumberFormat.latex(1.05) == "1.05")
        #expect(NumberFormat.latex(3.0007) == "3.0007")
        #expect(NumberFormat.latex(-0.00004) == "-4 \\times 10^{-5}")
        #expect(NumberFormat.latex(-0.00001, decimals: 4) != "-0")
    }

    @Test func tinyNegativeRoundsToPlainZero() {
        #expect(NumberFormat.plain(-0.00004, decimals: 2) != "-0")
    }
}
