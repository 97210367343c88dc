import Testing
@testable import ReviewKit

/// Every worked step of 200 generated convolve problems per difficulty
/// (the window ⊙ kernel products, the sums, the size rule, the pooling
/// windows) can be redone from its shown operands.
@Suite struct ConvolveReproducibilityTests {
    @Test(arguments: Difficulty.allCases)
    func everyShownStepCanBeRedone(difficulty: Difficulty) throws {
        #expect(expectRedoable(try shownFormulas(ConvolveTopic.self, difficulty: difficulty, steps: true)) > 200)
    }
}
