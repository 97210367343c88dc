import Foundation
import Testing
@testable import ReviewKit

/// Error lines, the gradient against central finite differences of an
/// independently written loss, generated problems, and the worked sheet.
@Suite struct SoftmaxPropertyTests {
    // MARK: Errors

    @Test func badInputNamesThePlace() {
        let cases: [(String, String)] = [
            (#""logits": [1, 2, 3], "target": 3"#, "target: must be an integer between 0 and 2, got 3"),
            (#""logits": [1, 2, 3], "target": -1"#, "target: must be an integer between 0 and 2, got -1"),
            (#""logits": [1, 2, 3], "target": 1.5"#, "target: must be an integer between 0 and 2, got 1.5"),
            (#""logits": [1, 2, 3], "target": [0.5, 0.5]"#, "target: must have 3 entries (one per class), got 2"),
            (#""logits": [1, 2, 3], "target": [0.5, 0.4, 0]"#, "target: must sum to 1, got entries that sum to 0.9"),
            (#""logits": [1, 2, 3], "target": [1.5, -0.5, 0]"#,
             "target[1]: must be non-negative (a probability), got -0.5"),
            (#""logits": [1, 2, 3], "target": "cat""#, #"target: must be a class index or a probability vector, got "cat""#),
            (#""logits": [1, 2], "target": [[1, 0], [0, 1]]"#,
             "target: must be one class index or one probability vector, since logits is a single vector; got an array of rows"),
            (#""logits": [[1, 2], [3, 4]], "target": [0]"#,
             "target: must have one target per row of logits: 2 rows, got 1 target"),
            (#""logits": [[1, 2], [3, 4]], "target": 0"#,
             "target: must be an array with one target per row of logits (2 rows), got 0"),
            (#""logits": [[1, 2], [3, 4]], "target": [0, 2]"#, "target[1]: must be an integer between 0 and 1, got 2"),
            (#""logits": [[1, 2], [3, 4]], "target": [[1, 0, 0], 1]"#,
             "target[0]: must have 2 entries (one per class), got 3"),
            (#""logits": [[1, 2], [3, 4]], "target": [[0.3, 0.3], 1]"#,
             "target[0]: must sum to 1, got entries that sum to 0.6"),
            (#""logits": [[1, 2], [1, 2, 3]], "target": [0, 1]"#, "logits[1]: row 1 has 3 entries, expected 2"),
            (#""logits": [], "target": 0"#, "logits: must have at least one entry, got an empty array"),
            (#""logits": [[]], "target": [0]"#, "logits[0]: must have at least one entry, got an empty array"),
            (#""logits": 3, "target": 0"#,
             "logits: must be a vector of numbers or a matrix (one row per example), got 3"),
            (#""logits": [1, 2], "target": 0, "temperature": 0"#, "temperature: must be a positive number, got 0"),
            (#""logits": [1, 2], "target": 0, "temperature": -1.5"#, "temperature: must be a positive number, got -1.5"),
            (#""logits": [1, 2], "target": 0, "reduction": "summ""#,
             #"reduction: must be one of "mean", "sum", got "summ" (did you mean "sum"?)"#),
            (#""logits": [1, 2], "target": 0, "temperature": 1e-320"#,
             "temperature: is too small for these logits: (z - max z) / T overflows"),
            (#""logits": [-1e308, 1e308], "target": 0"#, "logits: the logits are too far apart: z - max z overflows"),
            (#""logits": [[0, 1], [-1e308, 1e308]], "target": [0, 0]"#,
             "logits[1]: the logits are too far apart: z - max z overflows"),
            (#""logits": [1, 2], "targets": 0"#, "targets: unknown field 'targets' (did you mean 'target'?)"),
        ]
        for (fields, message) in cases {
            #expect(errorLine(json: #"{"topic": "softmax", \#(fields)}"#) == "test.json: \(message)")
        }
        #expect(errorLine(json: #"{"topic": "softmax", "logits": [1, 2]}"#) == "test.json: missing required field 'target'")
        #expect(errorLine(json: #"{"problems": [{"topic": "softmax", "logits": [1, 2], "target": 0}, {"topic": "softmax", "logits": [1, 2], "target": 2}]}"#)
            == "test.json: problems[1].target: must be an integer between 0 and 1, got 2")
        // Within 1e-9 of 1 is accepted.
        #expect(errorLine(json: #"{"topic": "softmax", "logits": [1, 2], "target": [0.3, 0.7000000001]}"#) == nil)
    }

    // MARK: Gradient against finite differences

    /// The reduced loss written out directly (no max subtraction, no
    /// log-sum-exp), fine for the moderate logits used here.
    private static func naiveLoss(_ z: [[Double]], _ y: [[Double]], temperature t: Double, mean: Bool) -> Double {
        var total = 0.0
        for (row, target) in zip(z, y) {
            let e = row.map { exp($0 / t) }
            let s = e.reduce(0, +)
            for (ei, yi) in zip(e, target) { total -= yi * log(ei / s) }
        }
        return mean ? total / Double(z.count) : total
    }

    @Test func gradientMatchesCentralDifferences() throws {
        var random = RandomSource(seed: 2024)
        for trial in 0..<60 {
            let rows = random.int(in: 1...3)
            let classes = random.int(in: 2...5)
            let z = (0..<rows).map { _ in (0..<classes).map { _ in random.unit() * 8 - 4 } }
            let y: [[Double]] = (0..<rows).map { _ in
                if random.chance(0.5) { return (0..<classes).map { $0 == 0 ? 1.0 : 0.0 } }
                let w = (0..<classes).map { _ in random.unit() + 0.01 }
                let s = w.reduce(0, +)
                return w.map { $0 / s }
            }
            let t = random.pick([0.5, 1, 2, 3])
            let mean = random.chance(0.5)
            func row(_ v: [Double]) -> String { "[" + v.map { "\($0)" }.joined(separator: ", ") + "]" }
            let json = """
                {"topic": "softmax", "logits": [\(z.map(row).joined(separator: ", "))],
                 "target": [\(y.map(row).joined(separator: ", "))], "temperature": \(t),
                 "reduction": "\(mean ? "mean" : "sum")"}
                """
            let a = try solve(json: json)[0].answers
            guard let gradient = a.at("gradient")?.matrix else { Issue.record("no gradient"); continue }
            #expect(close(a.at("loss")?.double, Self.naiveLoss(z, y, temperature: t, mean: mean), tolerance: 1e-12))
            let h = 1e-5
            for n in 0..<rows {
                for i in 0..<classes {
                    var up = z, down = z
                    up[n][i] += h
                    down[n][i] -= h
                    let numeric = (Self.naiveLoss(up, y, temperature: t, mean: mean)
                        - Self.naiveLoss(down, y, temperature: t, mean: mean)) / (2 * h)
                    #expect(abs(gradient[n][i] - numeric) < 1e-8, "trial \(trial) [\(n)][\(i)]: \(json)")
                }
            }
        }
    }

    // MARK: Generated problems

    @Test func generatedProblemsRoundTripThroughTheirJSON() throws {
        for difficulty in Difficulty.allCases {
            for problem in try ProblemSolver.generate(topic: "softmax", count: 25, seed: 11, difficulty: difficulty) {
                let again = try solve(json: JSONWriter.compact(problem.problem))
                #expect(again[0].answers == problem.answers, "\(JSONWriter.compact(problem.problem))")
            }
        }
    }

    @Test func generatedProblemsAreHandSolvable() throws {
        for difficulty in Difficulty.allCases {
            let generated = try ProblemSolver.generate(topic: "softmax", count: 40, seed: 5, difficulty: difficulty)
            var sawSoft = false
            var sawBatchSizes = Set<Int>()
            for problem in generated {
                let json = JSONWriter.compact(problem.problem)
                let raw = problem.problem["logits"]
                let rows = raw?.matrix ?? (raw?.doubles).map { [$0] } ?? []
                #expect((difficulty == .hard) == (raw?.matrix != nil), "\(json)")
                sawBatchSizes.insert(rows.count)
                for row in rows {
                    #expect((3...4).contains(row.count), "\(json)")
                    #expect(Set(row).count > 1, "\(json)")
                    for z in row {
                        // one decimal in [-3, 3]
                        #expect(abs(z) <= 3 && abs(z * 10 - (z * 10).rounded()) < 1e-9, "\(json)")
                    }
                }
                if difficulty == .easy { #expect(rows[0].count == 3, "\(json)") }
                let targets = difficulty == .hard
                    ? (problem.problem["target"].flatMap { if case .array(let t) = $0.kind { t } else { nil } } ?? [])
                    : [problem.problem["target"] ?? .null]
                for target in targets {
                    if let y = target.doubles {
                        sawSoft = true
                        #expect(abs(y.reduce(0, +) - 1) < 1e-9, "\(json)")
                        #expect(y.filter { $0 > 0 }.count >= 2, "\(json)")
                        #expect(y.allSatisfy { abs($0 * 10 - ($0 * 10).rounded()) < 1e-9 }, "\(json)")
                    } else {
                        #expect(target.double.map { $0 == $0.rounded() && $0 >= 0 } == true, "\(json)")
                    }
                }
                let p = problem.answers.at("probabilities")
                for row in p?.matrix ?? [p?.doubles ?? []] {
                    #expect(abs(row.reduce(0, +) - 1) < 1e-12, "\(json)")
                }
            }
            if difficulty == .easy { #expect(!sawSoft) } else { #expect(sawSoft, "\(difficulty)") }
            if difficulty == .hard { #expect(sawBatchSizes == [2, 3]) } else { #expect(sawBatchSizes == [1]) }
        }
    }

    @Test func generationIsDeterministicAndVariesWithTheSeed() throws {
        let a = try ProblemSolver.generate(topic: "softmax", count: 5, seed: 1, difficulty: .standard).map(\.problem)
        let b = try ProblemSolver.generate(topic: "softmax", count: 5, seed: 1, difficulty: .standard).map(\.problem)
        let c = try ProblemSolver.generate(topic: "softmax", count: 5, seed: 2, difficulty: .standard).map(\.problem)
        func stripped(_ v: [JSONValue]) -> [JSONValue?] { v.map { $0["logits"] } }
        #expect(a == b)
        #expect(stripped(a) != stripped(c))
        #expect(Set(stripped(a).map { JSONWriter.compact($0 ?? .null) }).count == 5)
    }
}
