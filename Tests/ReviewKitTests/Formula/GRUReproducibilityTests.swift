import Testing
@testable import ReviewKit

/// Every worked step of 200 generated gru problems per difficulty can be
/// redone from its shown operands to within one unit in its last shown digit.
@Suite struct GRUReproducibilityTests {
    @Test(arguments: Difficulty.allCases)
    func everyShownStepCanBeRedone(difficulty: Difficulty) throws {
        #expect(expectRedoable(try shownFormulas(GRUTopic.self, difficulty: difficulty, steps: true)) > 200)
    }
}
