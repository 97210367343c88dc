import Testing
@testable import ReviewKit

/// The rule of the number policy on backprop sheets: every worked step of
/// 200 generated problems per difficulty (forward rows, local derivatives,
/// chain products, summed gradients) can be redone from its shown operands
/// to within one unit in the last shown digit of its result.
@Suite struct BackpropReproducibilityTests {
    @Test(arguments: Difficulty.allCases)
    func everyShownStepCanBeRedone(difficulty: Difficulty) throws {
        #expect(expectRedoable(try shownFormulas(BackpropTopic.self, difficulty: difficulty, steps: true)) > 2000)
    }

    /// The issue's repro (gen --seed 1000 --difficulty hard, problem 27):
    /// 1/0.0474 was shown as ≈ 21.0855, but 1/0.0474 is 21.097. The divisor
    /// now carries the digits its quotient needs.
    @Test func aQuotientIsRedoneFromItsShownDivisor() {
        let sigma = 1 / (1 + 2.718281828459045 * 2.718281828459045 * 2.718281828459045)  // σ(-3)
        let line: Formula = .frac(1, .number(sigma)) .=≈ .number(1 / sigma)
        let written = LaTeXFormulaWriter().write(line)
        #expect(written == #"\frac{1}{0.04743} \approx 21.09"#)
        #expect(Reproducibility.violations(in: Reproducibility.repaired(line)).isEmpty)
    }
}
