import Testing
@testable import ReviewKit

/// Every worked step of 200 generated kmeans problems per difficulty (each
/// squared distance, inertia, centroid as a sum over a count, feature) can
/// be redone from its shown operands.
@Suite struct KMeansReproducibilityTests {
    @Test(arguments: Difficulty.allCases)
    func everyShownStepCanBeRedone(difficulty: Difficulty) throws {
        #expect(expectRedoable(try shownFormulas(KMeansTopic.self, difficulty: difficulty, steps: true)) > 200)
    }
}
