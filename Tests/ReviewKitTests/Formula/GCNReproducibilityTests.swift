import Testing
@testable import ReviewKit

/// The rule of the number policy on gcn sheets: every worked step of 200
/// generated problems per difficulty (both languages' templates show the
/// same formulas) can be redone from its shown operands to within one unit
/// in the last shown digit of its result — the matrix products included.
@Suite struct GCNReproducibilityTests {
    @Test(arguments: Difficulty.allCases)
    func everyShownStepCanBeRedone(difficulty: Difficulty) throws {
        #expect(expectRedoable(try shownFormulas(GCNTopic.self, difficulty: difficulty, steps: true)) > 200)
    }

    /// The products are really checked: a wrong shown product of Â and H is
    /// a violation (so the test above is not vacuous).
    @Test func aWrongMatrixProductIsCaught() throws {
        let solution = try GCNTopic.solve({ var random = RandomSource(seed: 7); return GCNTopic.generate(&random, difficulty: .standard) }())
        let step = solution.trace["aggregated"]
        let wrong = step.substituted .=≈ .matrix(solution.aggregated.map { $0.map { $0 + 0.01 } })
        #expect(!Reproducibility.violations(in: wrong).isEmpty)
        #expect(Reproducibility.violations(in: step.worked).isEmpty)
    }

}
