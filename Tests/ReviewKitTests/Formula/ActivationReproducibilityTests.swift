import Testing
@testable import ReviewKit

/// Every worked step of 200 generated activation problems per difficulty
/// can be redone from its shown operands to within one unit in the last
/// shown digit.
@Suite struct ActivationReproducibilityTests {
    @Test(arguments: Difficulty.allCases)
    func everyShownStepCanBeRedone(difficulty: Difficulty) throws {
        #expect(expectRedoable(try shownFormulas(ActivationTopic.self, difficulty: difficulty, steps: true)) > 200)
    }
}
