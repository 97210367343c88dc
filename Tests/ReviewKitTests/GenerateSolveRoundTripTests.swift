import Testing
@testable import ReviewKit

/// Every topic, every difficulty, many seeds: a generated problem, written
/// as JSON and solved as a user's file, gives the answers it was generated
/// with (the contract's round trip), and none of them is non-finite.
@Suite struct GenerateSolveRoundTripTests {
    @Test(arguments: TopicRegistry.names)
    func generatedProblemsRoundTrip(_ topic: String) throws {
        for difficulty in Difficulty.allCases {
            for seed: UInt64 in [1, 7, 2026, 99_991] {
                for generated in try ProblemSolver.generate(topic: topic, count: 25, seed: seed, difficulty: difficulty) {
                    let text = JSONWriter.compact(generated.problem)
                    let solved = try ProblemSolver.solve(
                        bytes: Array(text.utf8), source: ProblemSource(displayName: "g.json", stem: "g"))
                    #expect(solved.count == 1)
                    #expect(solved.first?.answers == generated.answers, "\(topic) \(difficulty) seed \(seed): \(text)")
                    #expect(FiniteCheck.isFinite(generated.answers))
                }
            }
        }
    }
}
