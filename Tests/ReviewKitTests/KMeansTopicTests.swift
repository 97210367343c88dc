import Foundation
import Testing
@testable import ReviewKit

/// `kmeans` against exact fractions worked independently (Python's
/// `fractions`, by the contract's rules): the classic eight points from
/// A1, A4, A7 (final centroids (11/3, 9), (7, 13/3), (3/2, 7/2)), the
/// classic 1-D exercise (m1 = 7, m2 = 25), a tie, an empty cluster, a run
/// stopped by `iterations`, and both kinds of features.
@Suite struct KMeansTopicTests {
    private static let problems = GoldenSheetTests.problems

    private func answers(_ file: String) throws -> [JSONValue] {
        try ProblemSolver.solve(files: [Self.problems.appendingPathComponent(file).path]).map(\.answers)
    }

    private func expectClose(_ value: JSONValue?, _ expected: [[Double]], sourceLocation: SourceLocation = #_sourceLocation) {
        let m = value?.matrix
        #expect(m?.count == expected.count, sourceLocation: sourceLocation)
        for (row, want) in zip(m ?? [], expected) {
            #expect(row.count == want.count, sourceLocation: sourceLocation)
            for (a, b) in zip(row, want) { #expect(close(a, b, tolerance: 1e-12), "\(a) vs \(b)", sourceLocation: sourceLocation) }
        }
    }

    @Test func theClassicEightPoints() throws {
        let a = try answers("kmeans-classic-8-points.json")[0]
        expectClose(a.at("history", 0, "centroids"), [[2, 10], [6, 6], [1.5, 3.5]])
        #expect(a.at("history", 0, "assignments")?.doubles == [0, 2, 1, 1, 1, 1, 2, 1])
        #expect(a.at("history", 0, "sizes")?.doubles == [1, 5, 2])
        #expect(a.at("history", 0, "distances", 1)?.doubles == [25, 18, 10])
        let inertias = (0..<4).compactMap { a.at("history", $0, "inertia")?.double }
        for (value, want) in zip(inertias, [67, 29, 315.0 / 16, 43.0 / 3]) { #expect(close(value, want)) }
        expectClose(a.at("centroids"), [[11.0 / 3, 9], [7, 13.0 / 3], [1.5, 3.5]])
        #expect(a.at("assignments")?.doubles == [0, 2, 1, 0, 1, 1, 2, 0])
        #expect(a.at("iterations_run")?.double == 4)
        #expect(a.at("converged") == .bool(true))
        #expect(a.at("features") == nil)
    }

    /// x = 3 is as near to m1 = 2 as to m2 = 4 in the first iteration: it
    /// joins centroid 0, the lowest-numbered.
    @Test func theClassicOneDimensionalExerciseWithATie() throws {
        let a = try answers("kmeans-classic-1d.json")[0]
        #expect(a.at("history", 0, "assignments")?.doubles == [0, 1, 1, 1, 0, 1, 1, 1, 1])
        #expect(a.at("history", 0, "distances", 4)?.doubles == [1, 1])
        let inertias = (0..<5).compactMap { a.at("history", $0, "inertia")?.double }
        for (value, want) in zip(inertias, [1523, 1491.0 / 4, 333, 53571.0 / 200, 150]) { #expect(close(value, want)) }
        expectClose(a.at("history", 2, "centroids"), [[19.0 / 4], [98.0 / 5]])
        expectClose(a.at("centroids"), [[7], [25]])
        #expect(a.at("iterations_run")?.double == 5)
        #expect(a.at("converged") == .bool(true))
    }

    @Test func aTieAnEmptyClusterAndHardFeatures() throws {
        let a = try answers("kmeans-tie-empty-features.json")[0]
        #expect(a.at("history", 0, "distances", 2)?.doubles == [5, 5, 650])
        #expect(a.at("history", 0, "assignments")?.doubles == [0, 1, 0, 1, 1, 1])
        #expect(a.at("history", 0, "sizes")?.doubles == [2, 4, 0])
        expectClose(a.at("history", 0, "centroids"), [[0.5, 1.5], [6, 5.25], [20, 20]])
        for (t, want) in [211, 555.0 / 16, 56.0 / 3].enumerated() { #expect(close(a.at("history", t, "inertia")?.double, want)) }
        expectClose(a.at("centroids"), [[1, 1], [22.0 / 3, 7], [20, 20]])
        #expect(a.at("features")?.matrix == [[1, 0, 0], [1, 0, 0], [1, 0, 0], [0, 1, 0], [0, 1, 0], [0, 1, 0]])
    }

    /// Triangle features f_k = max(0, μ(z) − z_k) with unsquared z, after a
    /// run stopped at `iterations: 2` (centroids 3 and 18, not converged).
    @Test func triangleFeaturesAfterARunCutShort() throws {
        let a = try answers("kmeans-tie-empty-features.json")[1]
        #expect(a.at("converged") == .bool(false))
        #expect(a.at("iterations_run")?.double == 2)
        expectClose(a.at("centroids"), [[3], [18]])
        expectClose(a.at("features"), [[7.5, 0], [6.5, 0], [0.5, 0], [0, 1.5], [7.5, 0], [0, 7.5], [0, 7.5], [0, 0.5], [0, 7.5]])
    }

    /// Convergence needs two equal assignments in a row, so at least two
    /// iterations run unless `iterations` is 1.
    @Test func oneIterationAndConvergenceOnTheSecond() throws {
        let one = try solve(json: #"{"topic": "kmeans", "points": [[0],[1],[10],[11]], "initial_points": [0, 2], "iterations": 1}"#)[0].answers
        #expect(one.at("iterations_run")?.double == 1)
        #expect(one.at("converged") == .bool(false))
        let two = try solve(json: #"{"topic": "kmeans", "points": [[0],[1],[10],[11]], "initial_points": [0, 2]}"#)[0].answers
        #expect(two.at("iterations_run")?.double == 2)
        #expect(two.at("converged") == .bool(true))
        expectClose(two.at("centroids"), [[0.5], [10.5]])
    }

    @Test func errorsAreLocated() {
        func line(_ fields: String) -> String? { errorLine(json: #"{"topic": "kmeans", \#(fields)}"#) }
        let points = #""points": [[0,0],[1,1],[2,2]]"#
        #expect(line(points) == "test.json: missing required field 'centroids' (or 'initial_points')")
        #expect(line(#"\#(points), "centroids": [[0,0]], "initial_points": [0]"#)
            == "test.json: initial_points: give either 'centroids' or 'initial_points', not both")
        #expect(line(#"\#(points), "centroids": [[0,0,0],[1,1,1]]"#)
            == "test.json: centroids: 2×3, expected 2×2 (as many coordinates as each point)")
        #expect(line(#"\#(points), "initial_points": [0, 3]"#)
            == "test.json: initial_points[1]: point 3 is out of range: there are 3 points, numbered 0 to 2")
        #expect(line(#"\#(points), "initial_points": [1, 1]"#)
            == "test.json: initial_points[1]: point 1 is already initial_points[0]; the starting points must be distinct")
        #expect(line(#"\#(points), "initial_points": [0], "iterations": 0"#)
            == "test.json: iterations: must be an integer between 1 and 1000, got 0")
        #expect(line(#"\#(points), "initial_points": [0], "features": "soft""#)?.hasPrefix("test.json: features: must be one of") == true)
        #expect(line(#""points": [], "initial_points": [0]"#) == "test.json: points: must have at least one point, got an empty array")
        #expect(line(#""points": [[0,0],[1]], "initial_points": [0]"#) == "test.json: points[1]: row 1 has 1 entry, expected 2")
        #expect(line(#"\#(points), "initial_points": [0], "iteration": 3"#)
            == "test.json: iteration: unknown field 'iteration' (did you mean 'iterations'?)")
        let many = "[" + (0..<1000).map { "[\($0 % 97), \($0 % 89)]" }.joined(separator: ",") + "]"
        #expect(line(#""points": \#(many), "initial_points": \#(Array(0..<100))"#)?
            .hasPrefix("test.json: iterations: iteration 3 would record more than 200000 distances") == true)
        #expect(line(#""points": [[1e300],[-1e300]], "initial_points": [0, 1]"#)
            == "test.json: points: the squared distances overflow in iteration 1: the numbers are too large")
    }

    @Test func generatedVariantsAreHandSolvable() throws {
        for difficulty in Difficulty.allCases {
            var random = RandomSource(seed: 31)
            for _ in 0..<60 {
                let p = KMeansTopic.generate(&random, difficulty: difficulty)
                let r = try KMeansTopic.solve(p).result
                #expect(p.points.count <= 10 && p.points.flatMap { $0 }.allSatisfy { $0 == $0.rounded() && (0...10).contains($0) })
                #expect(r.iterations.allSatisfy { $0.centroids.allSatisfy { $0.allSatisfy { ($0 * 20).rounded() == $0 * 20 } } })
                switch difficulty {
                case .easy:
                    #expect(p.points.count == 5 && p.points[0].count == 1 && p.initialCentroids.count == 2 && r.iterations.count == 1)
                case .standard:
                    #expect(p.points.count == 6 && p.points[0].count == 2 && p.initialCentroids.count == 2)
                    #expect(r.converged && (2...3).contains(r.iterations.count))
                case .hard:
                    #expect(p.points.count == 8 && p.initialCentroids.count == 3 && r.converged && r.iterations.count <= 4)
                    let special = r.iterations.contains { !$0.empty.isEmpty || $0.ties.contains { !$0.isEmpty } }
                    #expect(special || p.features == .triangle)
                }
            }
        }
    }
}
