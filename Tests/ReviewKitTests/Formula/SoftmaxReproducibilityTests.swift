import Testing
@testable import ReviewKit

/// The rule of the number policy on real sheets: every worked step of 200
/// generated softmax problems per difficulty can be redone from its shown
/// operands to within one unit in the last shown digit of its result.
@Suite struct SoftmaxReproducibilityTests {
    @Test(arguments: Difficulty.allCases)
    func everyShownStepCanBeRedone(difficulty: Difficulty) throws {
        #expect(expectRedoable(try shownFormulas(SoftmaxTopic.self, difficulty: difficulty, steps: true)) > 200)
    }
}
