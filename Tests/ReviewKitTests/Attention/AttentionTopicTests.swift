import Foundation
import Testing
@testable import ReviewKit

/// `attention` against numbers from outside this program: the contract's
/// example and soft-attention examples worked with numpy, the two-word
/// example of Jay Alammar's "The Illustrated Transformer" (q·k = 112 and 96,
/// divided by √64 = 8: scores 14 and 12, softmax 0.88 and 0.12), and random
/// problems against a plain loop written here (masked softmax included).
@Suite struct AttentionTopicTests {
    private func answers(_ json: String) throws -> JSONValue { try solve(json: json)[0].answers }

    private func expectClose(_ got: [[Double]]?, _ expected: [[Double]], tolerance: Double = 1e-12, _ what: String) {
        #expect(got?.count == expected.count, "\(what): \(String(describing: got))")
        for (row, want) in zip(got ?? [], expected) {
            #expect(row.count == want.count, "\(what)")
            for (a, b) in zip(row, want) { #expect(close(a, b, tolerance: tolerance), "\(what): \(a) vs \(b)") }
        }
    }

    @Test func theContractExampleMatchesNumpy() throws {
        let a = try answers(String(decoding: try Data(contentsOf: Self.problem("attention-contract-example.json")), as: UTF8.self))
        expectClose(a.at("scores")?.matrix, [[0.5, 0.5, 0.5], [1.0, 1.0, 0.5]], "S")
        expectClose(a.at("weights")?.matrix, [[0.5, 0.5, 0.0], [0.5, 0.5, 0.0]], "A")
        expectClose(a.at("output")?.matrix, [[2.0, 1.0], [2.0, 1.0]], "AV")
        // The masked key's weight is exactly 0, not a tiny number.
        #expect(a.at("weights", 0, 2)?.double == 0)
    }

    @Test func theIllustratedTransformersTwoWordExample() throws {
        let a = try answers(String(decoding: try Data(contentsOf: Self.problem("attention-thinking-machines.json")), as: UTF8.self))
        #expect(a.at("scores", 0, 0)?.double == 14)
        #expect(a.at("scores", 0, 1)?.double == 12)
        // Published (rounded): 0.88 and 0.12.
        #expect(abs((a.at("weights", 0, 0)?.double ?? 0) - 0.88) < 0.005)
        #expect(abs((a.at("weights", 0, 1)?.double ?? 0) - 0.12) < 0.005)
        #expect(close(a.at("weights", 0, 0)?.double, 1 / (1 + exp(-2.0))))
    }

    @Test func softAttentionMatchesNumpy() throws {
        let states = #""decoder_state": [1, -1], "encoder_states": [[1, 2], [0, 1], [-1, 1]]"#
        let additive = try answers(
            #"{"topic": "attention", \#(states), "score": "additive", "W1": [[0.5, -0.2], [0.1, 0.3]], "W2": [[0.4, 0.1], [-0.3, 0.2]], "v": [1, -0.5]}"#)
        expectClose([additive.at("scores")!.doubles!], [[0.2812613021427729, 0.19835565473740785, -0.2342926560294293]], "e")
        expectClose([additive.at("weights")!.doubles!], [[0.3972024736207256, 0.3656002459800027, 0.23719728039927176]], "α")
        expectClose([additive.at("output")!.doubles!], [[0.16000519322145382, 1.3972024736207256]], "c")
        let general = try answers(#"{"topic": "attention", \#(states), "score": "general", "W": [[1, 0.5], [0, 2]]}"#)
        expectClose([general.at("scores")!.doubles!], [[-2.0, -1.5, -2.5]], "e")
        expectClose([general.at("weights")!.doubles!], [[0.3071958857184984, 0.506480391055654, 0.1863237232258476]], "α")
        expectClose([general.at("output")!.doubles!], [[0.12087216249265079, 1.3071958857184984]], "c")
        // dot: e = (1·1 − 1·2, 0 − 1, −1 − 1) = (−1, −1, −2), by hand.
        let dot = try answers(#"{"topic": "attention", \#(states), "mask": [true, true, false]}"#)
        #expect(dot.at("scores")?.doubles == [-1, -1, -2])
        #expect(dot.at("weights")?.doubles == [0.5, 0.5, 0])
        #expect(dot.at("output")?.doubles == [0.5, 1.5])
    }

    /// A plain loop: S = scale·QKᵀ, masked entries dropped from each row's softmax, output AV.
    @Test func randomProblemsMatchAPlainLoop() throws {
        var random = RandomSource(seed: 42)
        for _ in 0..<200 {
            let n = random.int(in: 1...4), m = random.int(in: 1...4), dk = random.int(in: 1...4), dv = random.int(in: 1...3)
            func matrix(_ r: Int, _ c: Int) -> [[Double]] { (0..<r).map { _ in (0..<c).map { _ in random.unit() * 4 - 2 } } }
            let q = matrix(n, dk), k = matrix(m, dk), v = matrix(m, dv)
            var mask = (0..<n).map { _ in (0..<m).map { _ in random.chance(0.7) } }
            for i in 0..<n where !mask[i].contains(true) { mask[i][random.int(in: 0...m - 1)] = true }
            let scaleChoice = random.int(in: 0...2)
            let factor = [1 / Double(dk).squareRoot(), 1, 0.3][scaleChoice]
            let scaleJSON = ["true", "false", "0.3"][scaleChoice]
            func json(_ x: [[Double]]) -> String { "[" + x.map { "[" + $0.map { "\($0)" }.joined(separator: ",") + "]" }.joined(separator: ",") + "]" }
            let maskJSON = "[" + mask.map { "[" + $0.map { $0 ? "true" : "false" }.joined(separator: ",") + "]" }.joined(separator: ",") + "]"
            let a = try answers(
                #"{"topic": "attention", "Q": \#(json(q)), "K": \#(json(k)), "V": \#(json(v)), "scale": \#(scaleJSON), "mask": \#(maskJSON)}"#)
            for i in 0..<n {
                var scores: [Double] = []
                for j in 0..<m {
                    var dot = 0.0
                    for d in 0..<dk { dot += q[i][d] * k[j][d] }
                    scores.append(factor * dot)
                }
                let e = (0..<m).map { mask[i][$0] ? Foundation.exp(scores[$0]) : 0 }
                let z = e.reduce(0, +)
                let w = e.map { $0 / z }
                for j in 0..<m {
                    #expect(close(a.at("scores", i, j)?.double, scores[j], tolerance: 1e-12))
                    #expect(close(a.at("weights", i, j)?.double, w[j], tolerance: 1e-12))
                    if !mask[i][j] { #expect(a.at("weights", i, j)?.double == 0) }
                }
                for d in 0..<dv {
                    let o = (0..<m).reduce(0.0) { $0 + w[$1] * v[$1][d] }
                    #expect(close(a.at("output", i, d)?.double, o, tolerance: 1e-12))
                }
            }
        }
    }

    // MARK: Errors

    @Test func everyContractErrorIsLocated() {
        func line(_ fields: String) -> String? { errorLine(json: "{\"topic\": \"attention\", \(fields)}") }
        let qkv = #""Q": [[1, 0]], "K": [[1, 1], [0, 1]], "V": [[1], [2]]"#
        let softStates = #""decoder_state": [1, 0], "encoder_states": [[1, 1], [0, 1]]"#
        #expect(line(#""Q": [[1, 0]], "K": [[1, 1, 0]], "V": [[1]]"#) == "test.json: K: 1×3, expected 1×2")
        #expect(line(#""Q": [[1, 0]], "K": [[1, 1], [0, 1]], "V": [[1]]"#) == "test.json: V: 1×1, expected 2×1")
        #expect(line(#""Q": [[1, 0]], "K": [[1, 1]]"#) == "test.json: missing required field 'V'")
        #expect(errorLine(json: #"{"topic": "attention"}"#) == "test.json: missing required field 'Q' (or 'decoder_state' with 'encoder_states')")
        #expect(line(qkv + ", " + softStates)?.hasPrefix("test.json: decoder_state: give either Q, K and V") == true)
        #expect(line(qkv + #", "score": "dot""#)?.hasPrefix("test.json: score: is only for the encoder–decoder form") == true)
        #expect(line(softStates + #", "scale": true"#)?.hasPrefix("test.json: scale: is only for the Q/K/V form") == true)
        #expect(line(qkv + #", "scale": 0"#) == "test.json: scale: must be true, false or a positive number, got 0")
        #expect(line(qkv + #", "mask": [[false, false]]"#)
            == "test.json: mask[0]: query 0 may attend to no key: every entry of its row is false")
        #expect(line(qkv + #", "mask": [false, false]"#) == "test.json: mask: every key is masked, so no query may attend to any key")
        #expect(line(qkv + #", "mask": [true]"#) == "test.json: mask: 1 entry, expected 2 (one per key)")
        #expect(line(qkv + #", "mask": [[true, true], [true, true]]"#) == "test.json: mask: 2×2, expected 1×2 (one row per query)")
        #expect(line(softStates + #", "mask": [[true, true]]"#)
            == "test.json: mask: must be 2 booleans (one per encoder state), got an array of rows")
        #expect(line(#""decoder_state": [1, 0], "encoder_states": [[1, 1, 1]]"#)
            == "test.json: encoder_states: 1×3, expected 1×2 (a dot score needs d_h = d_s)")
        #expect(line(softStates + #", "score": "general""#) == "test.json: missing required field 'W' (the general score needs it)")
        #expect(line(softStates + #", "score": "general", "W": [[1, 0]]"#) == "test.json: W: 1×2, expected 2×2")
        #expect(line(softStates + #", "W": [[1, 0], [0, 1]]"#)
            == "test.json: W: is only used by \"score\": \"general\", but the score is \"dot\"")
        #expect(line(softStates + #", "score": "additive", "W1": [[1, 0]], "W2": [[1, 0], [0, 1]], "v": [1]"#)
            == "test.json: W2: 2×2, expected 1×2")
        #expect(line(softStates + #", "score": "additive", "W1": [[1, 0]], "W2": [[1, 0]], "v": [1, 2]"#)
            == "test.json: v: 2 entries, expected 1")
        #expect(line(softStates + #", "score": "additive", "W1": [[1, 0]], "W2": [[1, 0]]"#)
            == "test.json: missing required field 'v' (the additive score needs it)")
    }

    @Test func theReadmeShowsTheFieldTable() throws {
        let text = try String(contentsOf: FieldSchemaTests.readme, encoding: .utf8)
        #expect(text.contains("#### attention\n\n" + AttentionTopic.schema.markdownTable()))
    }

    @Test func echoedProblemsKeepTheirForm() throws {
        let problem = try solve(json: #"{"topic": "attention", "decoder_state": [1, 0], "encoder_states": [[1, 1], [0, 1]], "mask": [true, false]}"#)[0].problem
        #expect(problem.at("score") == .string("dot"))
        #expect(problem.at("Q") == nil && problem.at("scale") == nil)
        #expect(problem.at("mask") == .array([.bool(true), .bool(false)]))
    }

    // MARK: Generated problems

    @Test(arguments: Difficulty.allCases)
    func generatedProblemsFollowTheVariants(_ difficulty: Difficulty) throws {
        var random = RandomSource(seed: 9)
        for _ in 0..<100 {
            let p = AttentionTopic.generate(&random, difficulty: difficulty)
            let solution = try AttentionTopic.solve(p)
            let scores = solution.result.scores.flatMap { $0 }
            #expect(scores.max()! - scores.min()! <= 10)
            #expect(p.keys <= 3 && p.queries <= 3)
            switch difficulty {
            case .easy: #expect(p.form == .soft && p.score == .dot && p.decoderState.count == 2 && p.keys == 3)
            case .standard: #expect(p.form == .queries && p.Q.count == 2 && p.K.count == 3 && p.factor == 0.5)
            case .hard: #expect(p.mask != nil || p.score == .additive)
            }
        }
    }

    static func problem(_ name: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("problems/\(name)")
    }
}

/// Every worked step of 200 generated attention problems per difficulty can
/// be redone from its shown operands.
@Suite struct AttentionReproducibilityTests {
    @Test(arguments: Difficulty.allCases)
    func everyShownStepCanBeRedone(difficulty: Difficulty) throws {
        #expect(expectRedoable(try shownFormulas(AttentionTopic.self, difficulty: difficulty, steps: true)) > 200)
    }
}
