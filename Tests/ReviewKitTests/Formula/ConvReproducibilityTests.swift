import Testing
@testable import ReviewKit

/// The rule of the number policy on conv sheets: every formula of 200
/// generated conv problems per difficulty, and every recorded step, can be
/// redone from its shown operands to within one unit in the last shown
/// digit of its result. Conv is integer arithmetic, so this means exactly.
@Suite struct ConvReproducibilityTests {
    @Test(arguments: Difficulty.allCases)
    func everyShownStepCanBeRedone(difficulty: Difficulty) throws {
        #expect(expectRedoable(try shownFormulas(ConvTopic.self, difficulty: difficulty, steps: true)) > 2000)
        // Every step's numbers evaluate (no symbol left in a substituted
        // formula), so the check above really redid each one.
        var random = RandomSource(seed: 2024)
        for n in 0..<200 {
            let solution = try ConvTopic.solve(ConvTopic.generate(&random, difficulty: difficulty))
            for step in solution.trace.steps {
                #expect(
                    FormulaEvaluation.shownValue(of: step.substituted, policy: .standard) != nil,
                    "problem \(n): \(step.id)")
            }
        }
    }
}
