import Foundation
import Testing
@testable import ReviewKit

/// The batchnorm topic end to end. Expected values come from the contract's
/// published numbers (x̂ = 1.3416 for x = 1, 2, 3, 4; running_var 1.0667),
/// from hand arithmetic in the comments, from an independent python3 run
/// that back-propagates through μ_B and σ²_B step by step (not the compact
/// formula), and from finite differences computed here, never from the
/// solver itself.
///
/// ```python
/// # per feature: x, gamma, dy; eps = 1e-5
/// mu = sum(x)/m; var = sum((v-mu)**2 for v in x)/m; s = math.sqrt(var+eps)
/// xh = [(v-mu)/s for v in x]; dxh = [gamma*v for v in dy]
/// dvar = sum(dxh[i]*(x[i]-mu) for i in range(m)) * -0.5 * (var+eps)**-1.5
/// dmu = sum(-v/s for v in dxh) + dvar*sum(-2*(v-mu) for v in x)/m
/// dx = [dxh[i]/s + dvar*2*(x[i]-mu)/m + dmu/m for i in range(m)]
/// ```
@Suite struct BatchNormTopicTests {
    private func answers(_ json: String) throws -> JSONValue {
        try solve(json: json)[0].answers
    }

    private func expectClose(_ actual: [Double]?, _ expected: [Double], tolerance: Double = 1e-12,
                             sourceLocation: SourceLocation = #_sourceLocation) {
        guard let actual, actual.count == expected.count else {
            Issue.record("got \(String(describing: actual)), expected \(expected)", sourceLocation: sourceLocation)
            return
        }
        for (a, b) in zip(actual, expected) {
            #expect(close(a, b, tolerance: tolerance), "\(actual) vs \(expected)", sourceLocation: sourceLocation)
        }
    }

    @Test func notesFormulaOnOneTwoThreeFour() throws {
        // μ = 2.5, biased σ² = (2.25 + 0.25 + 0.25 + 2.25)/4 = 1.25, √1.25 = 1.1180:
        // x̂ = ∓1.5/1.118 = ∓1.3416, ∓0.5/1.118 = ∓0.4472 (the contract's 1.3416, not the
        // unbiased slip's 1.1619). Running: 0.9·0 + 0.1·2.5 = 0.25; 0.9·1 + 0.1·(1.25·4/3) = 1.0667.
        let a = try answers(#"{"topic": "batchnorm", "x": [1, 2, 3, 4], "eps": 0}"#)
        #expect(a.at("mean")?.double == 2.5)
        #expect(a.at("var")?.double == 1.25)
        expectClose(a.at("x_hat")?.doubles, [-1.5, -0.5, 0.5, 1.5].map { $0 / 1.25.squareRoot() })
        #expect(abs(a.at("x_hat", 3)!.double! - 1.3416) < 5e-5)
        expectClose(a.at("y")?.doubles, a.at("x_hat")!.doubles!)
        expectClose([a.at("running_mean")!.double!], [0.25])
        #expect(abs(a.at("running_var")!.double! - 1.0667) < 5e-5)
    }

    @Test func contractExampleMatchesAStepByStepBackward() throws {
        let a = try answers(#"{"topic": "batchnorm", "x": [[1, 2], [3, 6], [5, 4]], "gamma": [1, 0.5], "beta": [0, 1], "grad_output": [[0.1, -0.2], [0.3, 0.1], [-0.4, 0.2]]}"#)
        // By hand: μ = (3, 4), σ² = (8/3, 8/3).
        expectClose(a.at("mean")?.doubles, [3, 4])
        expectClose(a.at("var")?.doubles, [8.0 / 3, 8.0 / 3])
        // python3 (above)
        expectClose(a.at("y", 0)?.doubles, [-1.2247425750014138, 0.3876287124992931])
        expectClose(a.at("running_mean")?.doubles, [0.3, 0.4])
        expectClose(a.at("running_var")?.doubles, [1.3, 1.3])
        expectClose(a.at("grad_beta")?.doubles, [0, 0.1])
        expectClose(a.at("grad_gamma")?.doubles, [-0.6123712875007069, 0.36742277250042416])
        expectClose(a.at("grad_x", 0)?.doubles, [-0.09185511902917684, -0.02551564254130821], tolerance: 1e-10)
        expectClose(a.at("grad_x", 1)?.doubles, [0.18371138625021208, -0.0255152980837507], tolerance: 1e-10)
        expectClose(a.at("grad_x", 2)?.doubles, [-0.09185626722103524, 0.05103094062505891], tolerance: 1e-10)
    }

    /// dL/dx against central differences of L = Σ dy·y, computed here.
    @Test(arguments: ["training", "inference"])
    func backwardMatchesFiniteDifferences(mode: String) throws {
        let x: [[Double]] = [[0.5, -1], [2, 0.3], [-1.2, 2.2], [0.7, 0.1]]
        let dy: [[Double]] = [[0.3, -0.5], [-0.2, 0.4], [0.9, 0.1], [-0.6, 0.25]]
        func json(_ x: [[Double]]) -> String {
            let rows = x.map { "[\($0[0]), \($0[1])]" }.joined(separator: ", ")
            let dys = dy.map { "[\($0[0]), \($0[1])]" }.joined(separator: ", ")
            return #"{"topic": "batchnorm", "mode": "\#(mode)", "x": [\#(rows)], "gamma": [1.5, -0.7], "beta": [0.2, 1], "running_mean": [0.4, 0.6], "running_var": [1.2, 0.8], "grad_output": [\#(dys)]}"#
        }
        func loss(_ x: [[Double]]) throws -> Double {
            let y = try #require(try answers(json(x)).at("y")?.matrix)
            return zip(y, dy).reduce(0) { $0 + zip($1.0, $1.1).reduce(0) { $0 + $1.0 * $1.1 } }
        }
        let grad = try #require(try answers(json(x)).at("grad_x")?.matrix)
        let h = 1e-6
        for i in x.indices {
            for j in 0..<2 {
                var up = x, down = x
                up[i][j] += h
                down[i][j] -= h
                let numeric = (try loss(up) - loss(down)) / (2 * h)
                #expect(abs(numeric - grad[i][j]) < 1e-6, "[\(i)][\(j)]: \(numeric) vs \(grad[i][j])")
            }
        }
    }

    @Test func inferenceUsesTheRunningStatistics() throws {
        // x̂ = (1 − 2)/√4 = −0.5, (2 − 4)/1 = −2; y = 2·(−0.5) + 0 = −1, −2 − 1 = −3; dx = γ dy/√var.
        let a = try answers(try String(contentsOf: GoldenSheetTests.problems.appendingPathComponent("batchnorm-inference.json"), encoding: .utf8))
        expectClose(a.at("x_hat", 0)?.doubles, [-0.5, -2])
        expectClose(a.at("y", 0)?.doubles, [-1, -3])
        expectClose(a.at("grad_x", 0)?.doubles, [1, 0.5])
        #expect(a.at("running_mean") == nil)
        expectClose(a.at("var")?.doubles, [4, 1])
    }

    @Test(arguments: [
        (#"{"topic": "batchnorm", "x": [[1, 2], [3]]}"#, "test.json: x[1]: row 1 has 1 entry, expected 2"),
        (#"{"topic": "batchnorm", "x": [[1, 2]]}"#, "test.json: x: training mode needs a batch of at least 2 examples, got 1 (use mode 'inference')"),
        (#"{"topic": "batchnorm", "x": [[1, 2], [3, 4]], "gamma": [1, 2, 3]}"#, "test.json: gamma: must have 2 entries (one per feature), got 3"),
        (#"{"topic": "batchnorm", "x": [1, 2], "gamma": [1]}"#, "test.json: gamma: must be a number, since x is one feature (a vector), got an array"),
        (#"{"topic": "batchnorm", "x": [[1, 2], [3, 4]], "grad_output": [[1, 2]]}"#, "test.json: grad_output: must have the shape of x: 2×2, got 1×2"),
        (#"{"topic": "batchnorm", "x": [[1, 2], [1, 4]], "eps": 0}"#, "test.json: x: feature 0 of x is constant and eps is 0, so σ² + ε = 0 (give eps > 0)"),
        (#"{"topic": "batchnorm", "x": [1, 2], "eps": -1}"#, "test.json: eps: must be a number ≥ 0, got -1"),
        (#"{"topic": "batchnorm", "x": [1, 2], "momentum": 1.5}"#, "test.json: momentum: must be a number in [0, 1], got 1.5"),
        (#"{"topic": "batchnorm", "x": [[1, 2], [3, 4]], "running_var": [1, -1]}"#, "test.json: running_var[1]: must be ≥ 0 (a variance), got -1"),
        (#"{"topic": "batchnorm", "x": [1, 2], "mode": "inference", "running_mean": 0}"#, "test.json: mode 'inference' needs 'running_var' (the running statistics replace μ_B and σ²_B)"),
        (#"{"topic": "batchnorm", "x": [1, 2], "mode": "inference", "running_mean": 0, "running_var": 0, "eps": 0}"#, "test.json: running_var: running_var + eps = 0 (give eps > 0)"),
        (#"{"topic": "batchnorm", "x": [1, 2], "gama": 1}"#, "test.json: gama: unknown field 'gama' (did you mean 'gamma'?)"),
    ])
    func contractErrorsAreLocated(json: String, line: String) {
        #expect(errorLine(json: json) == line)
    }

    @Test(arguments: Difficulty.allCases)
    func generatedProblemsAreHandSolvable(difficulty: Difficulty) throws {
        var random = RandomSource(seed: 5)
        for _ in 0..<100 {
            let problem = BatchNormTopic.generate(&random, difficulty: difficulty)
            #expect(problem.x.joined().allSatisfy { $0 == $0.rounded() && (0...9).contains($0) })
            switch difficulty {
            case .easy: #expect(problem.isVector && problem.m == 4 && problem.eps == 0)
            case .standard: #expect((3...4).contains(problem.m) && problem.d == 2 && problem.mode == .training)
            case .hard: #expect(problem.m == 3 && problem.d == 2 && problem.gradOutput != nil)
            }
            _ = try BatchNormTopic.solve(problem)
        }
    }
}

@Suite struct BatchNormReproducibilityTests {
    @Test(arguments: Difficulty.allCases)
    func everyShownStepCanBeRedone(difficulty: Difficulty) throws {
        #expect(expectRedoable(try shownFormulas(BatchNormTopic.self, difficulty: difficulty, count: 60, steps: true)) > 200)
    }
}
