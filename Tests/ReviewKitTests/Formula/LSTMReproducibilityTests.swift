import Testing
@testable import ReviewKit

/// Every worked step of 200 generated lstm problems per difficulty can be
/// redone from its shown operands to within one unit in its last shown digit.
@Suite struct LSTMReproducibilityTests {
    @Test(arguments: Difficulty.allCases)
    func everyShownStepCanBeRedone(difficulty: Difficulty) throws {
        #expect(expectRedoable(try shownFormulas(LSTMTopic.self, difficulty: difficulty, steps: true)) > 200)
    }
}
