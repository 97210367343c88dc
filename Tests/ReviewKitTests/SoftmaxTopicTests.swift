import Foundation
import Testing
@testable import ReviewKit

/// The softmax topic end to end through the problem-file reader. Expected
/// values come from numpy (the script is pasted below), from published
/// figures, or from hand arithmetic shown in the comments — never from the
/// solver itself.
///
/// ```python
/// import numpy as np
/// def sm(z, T=1.0):
///     z = np.asarray(z, dtype=np.float64) / T
///     z = z - z.max(axis=-1, keepdims=True)
///     e = np.exp(z); return e / e.sum(axis=-1, keepdims=True)
/// def ce(z, y, T=1.0):
///     z = np.asarray(z, dtype=np.float64) / T
///     lse = np.log(np.exp(z - z.max(-1, keepdims=True)).sum(-1)) + z.max(-1)
///     return -(np.asarray(y) * (z - lse[..., None])).sum(-1)
/// ```
@Suite struct SoftmaxTopicTests {
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

    @Test func classicExample() throws {
        // Published: softmax(2, 1, 0.1) ≈ (0.659, 0.242, 0.099); -ln 0.659 ≈ 0.417.
        let a = try answers(#"{"topic": "softmax", "logits": [2.0, 1.0, 0.1], "target": 0}"#)
        expectClose(a.at("probabilities")?.doubles, [0.659, 0.242, 0.099], tolerance: 0.0005)
        #expect(close(a.at("loss")?.double, 0.417, tolerance: 0.0005))
        // numpy: sm([2.0, 1.0, 0.1]); ce([2.0, 1.0, 0.1], [1, 0, 0])
        expectClose(a.at("probabilities")?.doubles, [0.6590011388859679, 0.24243297070471392, 0.09856589040931818])
        #expect(close(a.at("loss")?.double, 0.41703001627783376, tolerance: 1e-12))
        // p - y with y = (1, 0, 0)
        expectClose(a.at("gradient")?.doubles, [0.6590011388859679 - 1, 0.24243297070471392, 0.09856589040931818])
    }

    @Test func largeLogitsStayFiniteAndMatchTheShiftedOnes() throws {
        // softmax is shift invariant: (1000, 1001, 1002) gives what (0, 1, 2) gives.
        // numpy: sm([1000., 1001., 1002.]); ce(..., [0, 0, 1])
        let big = try answers(#"{"topic": "softmax", "logits": [1000, 1001, 1002], "target": 2}"#)
        let small = try answers(#"{"topic": "softmax", "logits": [0, 1, 2], "target": 2}"#)
        let expected = [0.09003057317038046, 0.24472847105479764, 0.6652409557748218]
        expectClose(big.at("probabilities")?.doubles, expected)
        expectClose(small.at("probabilities")?.doubles, expected)
        #expect(close(big.at("loss")?.double, 0.40760596444442854, tolerance: 1e-12))
        expectClose(big.at("gradient")?.doubles, [expected[0], expected[1], expected[2] - 1])
        // A naive e^1002 is infinite in double precision.
        #expect(exp(1002.0).isInfinite)
    }

    @Test func underflowedProbabilityStillGivesAFiniteLoss() throws {
        // z = (0, 1000), true class 0: p_0 = e^-1000 / (1 + e^-1000) underflows
        // to 0, but L = ln(1 + e^-1000) - (-1000) = 1000 to double precision.
        let a = try answers(#"{"topic": "softmax", "logits": [0, 1000], "target": 0}"#)
        #expect(a.at("probabilities")?.doubles == [0, 1])
        #expect(a.at("loss")?.double == 1000)
        #expect(a.at("gradient")?.doubles == [-1, 1])
    }

    @Test func softTarget() throws {
        // numpy: ce([2.0, 1.0, 0.1], [0.8, 0.1, 0.1]); sm(...) - [0.8, 0.1, 0.1]
        let a = try answers(#"{"topic": "softmax", "logits": [2.0, 1.0, 0.1], "target": [0.8, 0.1, 0.1]}"#)
        #expect(close(a.at("loss")?.double, 0.7070300162778338, tolerance: 1e-12))
        expectClose(a.at("gradient")?.doubles, [-0.14099886111403215, 0.14243297070471392, -0.00143410959068183],
                    tolerance: 1e-12)
    }

    @Test func oneHotVectorEqualsClassIndex() throws {
        let index = try answers(#"{"topic": "softmax", "logits": [0.5, -1, 2], "target": 1}"#)
        let vector = try answers(#"{"topic": "softmax", "logits": [0.5, -1, 2], "target": [0, 1, 0]}"#)
        #expect(index == vector)
    }

    @Test func batchMeanAndSum() throws {
        // numpy: Z = [[2,1,.1],[.5,2.5,-1],[-1.2,.3,3]], Y = eye(3)[[0,1,1]]
        let logits = "[[2.0, 1.0, 0.1], [0.5, 2.5, -1.0], [-1.2, 0.3, 3.0]]"
        let mean = try answers(#"{"topic": "softmax", "logits": \#(logits), "target": [0, 1, 1]}"#)
        let sum = try answers(#"{"topic": "softmax", "logits": \#(logits), "target": [0, 1, 1], "reduction": "sum"}"#)
        let p = mean.at("probabilities")?.matrix ?? []
        expectClose(p.count == 3 ? p[1] : nil, [0.11611453467414116, 0.8579768106084571, 0.02590865471740152])
        expectClose(p.count == 3 ? p[2] : nil, [0.01385655306129052, 0.06210076240734517, 0.9240426845313643])
        #expect(close(mean.at("loss")?.double, 1.1164017454757615, tolerance: 1e-12))
        #expect(close(sum.at("loss")?.double, 3.3492052364272844, tolerance: 1e-12))
        let gMean = mean.at("gradient")?.matrix ?? []
        let gSum = sum.at("gradient")?.matrix ?? []
        expectClose(gMean.count == 3 ? gMean[2] : nil, [0.00461885102043017, -0.3126330791975516, 0.30801422817712143])
        // sum = N · mean, entry by entry
        expectClose(gSum.flatMap { $0 }, gMean.flatMap { $0 }.map { $0 * 3 })
        // The batch's first row is the classic example.
        expectClose(p.first, [0.6590011388859679, 0.24243297070471392, 0.09856589040931818])
    }

    @Test func temperatureScalesTheGradient() throws {
        // numpy: sm([2., 1., .1], 2.); ce(..., [1, 0, 0], 2.); (sm(...) - [1, 0, 0]) / 2
        let a = try answers(#"{"topic": "softmax", "logits": [2.0, 1.0, 0.1], "target": 0, "temperature": 2}"#)
        expectClose(a.at("probabilities")?.doubles, [0.501687757090437, 0.30428900627781413, 0.1940232366317488])
        #expect(close(a.at("loss")?.double, 0.689777350639122, tolerance: 1e-12))
        expectClose(a.at("gradient")?.doubles, [-0.2491561214547815, 0.15214450313890707, 0.0970116183158744])
    }

    @Test func defaultsAreFilledIn() throws {
        let worked = try solve(json: #"{"topic": "softmax", "logits": [1, 2], "target": 1}"#)[0]
        #expect(worked.problem["temperature"]?.double == 1)
        #expect(worked.problem["reduction"] == .string("mean"))
        #expect(worked.problem["target"]?.double == 1)
        // A single example: mean and sum agree.
        let sum = try answers(#"{"topic": "softmax", "logits": [1, 2], "target": 1, "reduction": "sum"}"#)
        #expect(sum == worked.answers)
    }

    @Test func stepsRecordEveryValueInOrder() throws {
        let steps = try solve(json: #"{"topic": "softmax", "logits": [2.0, 1.0, 0.1], "target": 0}"#)[0].steps
        #expect(steps.map(\.id) == ["m", "a", "exp_a", "S", "p", "ln_S", "ln_p", "loss_terms", "L", "dL/dz"])
        // By hand: m = 2, a = (0, -1, -1.9); e^-1.9 = 0.1495686192226351 (numpy: np.exp(-1.9)).
        #expect(steps[0].value.double == 2)
        expectClose(steps[1].value.doubles, [0, -1, -1.9], tolerance: 1e-15)
        #expect(close(steps[2].value.doubles?[2], 0.1495686192226351, tolerance: 1e-14))
        #expect(steps[2].substituted == "exp(a) = [exp(0), exp(-1), exp(-1.9)]")
        #expect(steps[7].substituted == "[-1 * (-0.417), -0 * (-1.417), -0 * (-2.317)]")
        let batch = try solve(json: #"{"topic": "softmax", "logits": [[1, 2], [3, 1]], "target": [0, 1]}"#)[0].steps
        #expect(batch.first?.id == "row0.m")
        #expect(batch.map(\.id).suffix(2) == ["L", "dL/dz"])
        #expect(batch.last?.value.matrix?.count == 2)
    }

    // MARK: Example files and the worked sheet

    private static let problemsFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("problems")

    @Test func exampleFilesGiveTheContractsAnswers() throws {
        func file(_ name: String) throws -> WorkedProblem {
            try ProblemSolver.solve(files: [Self.problemsFolder.appendingPathComponent(name).path])[0]
        }
        let classic = try file("softmax-classic-2-1-0.1.json").answers
        expectClose(classic.at("probabilities")?.doubles, [0.659, 0.242, 0.099], tolerance: 0.0005)
        #expect(close(classic.at("loss")?.double, 0.417, tolerance: 0.0005))
        let large = try file("softmax-large-logits.json").answers
        expectClose(large.at("probabilities")?.doubles, [0.09003057317038046, 0.24472847105479764, 0.6652409557748218])
        let soft = try file("softmax-soft-target.json").answers
        #expect(close(soft.at("loss")?.double, 0.7070300162778338, tolerance: 1e-12))
        let batch = try file("softmax-batch.json").answers
        #expect(close(batch.at("loss")?.double, 1.1164017454757615, tolerance: 1e-12))
    }

    private func sheet(_ json: String) throws -> String {
        Sheet(problems: try solve(json: json), options: .init()).render()
    }

    @Test func sheetShowsEveryStep() throws {
        let text = try sheet(#"{"topic": "softmax", "logits": [2.0, 1.0, 0.1], "target": 0}"#)
        // Four significant figures: e^-1.9 = 0.14956… → 0.1496; S = 1.51744… → 1.517.
        #expect(text.contains(#"$0.1 - 2 = -1.9$"#))
        #expect(text.contains(#"$e^{-1.9} \approx 0.1496$"#))
        #expect(text.contains(#"S = \sum_{j} e^{a_{j}} = 1 + 0.3679 + 0.1496 \approx 1.517"#))
        // 0.3679 / 1.517 = 0.24252 would not give the shown 0.2424 (p_1 = 0.24243),
        // so this step shows its operands to five figures: 0.36788 / 1.5174 = 0.24244.
        #expect(text.contains(#"p_{1} = \frac{0.36788}{1.5174} \approx 0.2424"#))
        #expect(text.contains(#"L = -(1 \cdot \ln p_{0} + 0 \cdot \ln p_{1} + 0 \cdot \ln p_{2}) = -\ln p_{0}"#))
        #expect(text.contains(#"$0.659 - 1 \approx -0.341$"#))
        #expect(text.contains("natural logarithm"))
        #expect(text.contains("709.78"))
        #expect(!text.contains("would overflow to"))
        #expect(!text.contains("{{") && !text.contains("}}}"))
        // 1 - 2.2 is exactly -1.2 in decimals (-1.2000000000000002 in doubles): "=", not "≈".
        let noisy = try sheet(#"{"topic": "softmax", "logits": [1, 2.2, 0], "target": 0}"#)
        #expect(noisy.contains(#"$1 - 2.2 = -1.2$"#))
    }

    @Test func sheetExplainsOverflowTemperatureAndBatch() throws {
        let large = try sheet(#"{"topic": "softmax", "logits": [1000, 1001, 1002], "target": 2}"#)
        #expect(large.contains(#"computed directly, $e^{1002}$ would overflow to $\infty$"#))
        #expect(large.contains(#"$1000 - 1002 = -2$"#))
        let scaled = try sheet(#"{"topic": "softmax", "logits": [2.0, 1.0, 0.1], "target": 0, "temperature": 2}"#)
        // (1 - 2) / 2 = -0.5; (0.659 - 1) / 2 for T = 2 (p_0 = 0.5017 at T = 2)
        #expect(scaled.contains(#"$(1 - 2) / 2 = -0.5$"#))
        #expect(scaled.contains(#"$(0.5017 - 1) / 2 \approx -0.2492$"#))
        let batch = try sheet(#"{"topic": "softmax", "logits": [[1, 2], [3, 1]], "target": [0, [0.5, 0.5]], "reduction": "sum"}"#)
        #expect(batch.contains("#### Example 1"))
        #expect(batch.contains("The target is the soft distribution $y = (0.5, 0.5)$."))
        #expect(batch.contains(#"L = \sum_{n} L_{n} = "#))
        let underflow = try sheet(#"{"topic": "softmax", "logits": [0, 1000], "target": 0}"#)
        #expect(underflow.contains(#"$e^{-1000} \approx 0$"#))
        #expect(underflow.contains(#"= -(-1000 - 0) = 1000"#))
    }
}
