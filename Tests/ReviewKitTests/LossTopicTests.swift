import Foundation
import Testing
@testable import ReviewKit

/// `loss` against published numbers (PyTorch's HuberLoss on the contract's
/// example, CS231n's multiclass SVM example), values computed by hand with
/// python3, and central differences for every generated gradient.
@Suite struct LossTopicTests {
    func answers(_ fields: String) throws -> JSONValue {
        try solve(json: #"{"topic": "loss", "# + fields + "}")[0].answers
    }

    func expectClose(_ value: JSONValue?, _ expected: [Double], tolerance: Double = 1e-12, sourceLocation: SourceLocation = #_sourceLocation) {
        let got = value?.doubles ?? []
        #expect(got.count == expected.count, sourceLocation: sourceLocation)
        for (g, e) in zip(got, expected) { #expect(close(g, e, tolerance: tolerance), "\(g) vs \(e)", sourceLocation: sourceLocation) }
    }

    /// ½r² inside δ, δ(|r| − ½δ) beyond: 0.125, 0.5, 0.5, 2.5; mean 0.90625.
    /// 0.4 − 1.4 + 1 is 1.1e-16 in binary floating point; the margin is
    /// exactly 0 on paper, so it is inactive: loss 0, gradient (0, 0).
    @Test func aMarginThatCancelsInDecimalsIsInactive() throws {
        let a = try solve(json: #"{"topic": "loss", "loss": "multiclass_hinge", "predictions": [0.4, 1.4], "target": 1}"#)[0].answers
        #expect(a.at("loss") == .number(0))
        #expect(a.at("gradient") == .array([.number(0), .number(0)]))
    }

    @Test func huberContractExample() throws {
        let a = try answers(#""loss": "huber", "predictions": [0.5, 1, -1, 3], "target": [0, 0, 0, 0], "delta": 1"#)
        expectClose(a.at("losses"), [0.125, 0.5, 0.5, 2.5])
        #expect(a.at("loss")?.double == 0.90625)
        expectClose(a.at("gradient"), [0.125, 0.25, -0.25, 0.25])
    }

    /// CS231n: cat 2.9, car 0, frog 12.9; L = 5.27 (mean over examples).
    @Test func cs231nMulticlassSVM() throws {
        let a = try solve(json: String(contentsOfFile: "problems/loss-cs231n-multiclass-svm.json".relativeToRepo, encoding: .utf8))[0].answers
        expectClose(a.at("losses"), [2.9, 0, 12.9], tolerance: 1e-12)
        #expect(close(a.at("loss")?.double, 5.266666666666667, tolerance: 1e-12))
        // Cat: classes 1 (margin 2.9 > 0) and 2 (−3.9) → [−1, 1, 0] / 3.
        expectClose(a.at("gradient", 0), [-1.0 / 3, 1.0 / 3, 0])
    }

    @Test func mseAndMae() throws {
        let mse = try answers(#""loss": "mse", "predictions": [1, 2, 3], "target": [1, 1, 1]"#)
        expectClose(mse.at("losses"), [0, 1, 4])
        #expect(close(mse.at("loss")?.double, 5.0 / 3))
        expectClose(mse.at("gradient"), [0, 2.0 / 3, 4.0 / 3])  // 2r/N, not r/N
        let mae = try answers(#""loss": "mae", "predictions": [1, 2, -3], "target": [1, 1, 1], "reduction": "sum""#)
        expectClose(mae.at("gradient"), [0, 1, -1])  // mae'(0) = 0; no 1/N under sum
        #expect(mae.at("loss")?.double == 5)
    }

    @Test func hingeOnTheMarginIsInactive() throws {
        let a = try answers(#""loss": "hinge", "predictions": [1, 0.5, -2], "target": [1, 1, 1]"#)
        expectClose(a.at("losses"), [0, 0.5, 3])
        expectClose(a.at("gradient"), [0, -1.0 / 3, -1.0 / 3])
    }

    @Test func binaryCrossEntropy() throws {
        let p = try answers(#""loss": "bce", "predictions": [0.8, 0.3], "target": [1, 0]"#)
        expectClose(p.at("losses"), [0.2231435513142097, 0.35667494393873245])
        expectClose(p.at("gradient"), [-0.6249999999999998, 0.7142857142857143])  // (p − y)/(N p(1 − p))
        let z = try answers(#""loss": "bce", "predictions": [2, -1], "target": [1, 0], "from_logits": true"#)
        expectClose(z.at("losses"), [0.1269280110429727, 0.31326168751822286])
        expectClose(z.at("gradient"), [-0.05960146101105884, 0.13447071068499755])
        let far = try answers(#""loss": "bce", "predictions": [800, -800], "target": [0, 1], "from_logits": true"#)
        expectClose(far.at("losses"), [800, 800])  // stable: no overflow of e^800
    }

    @Test func softCrossEntropyWithSum() throws {
        let a = try answers(#""loss": "cross_entropy", "predictions": [[0.7, 0.2, 0.1]], "target": [[0.5, 0.5, 0]], "reduction": "sum""#)
        expectClose(a.at("losses"), [0.9830564281864164])
        expectClose(a.at("gradient", 0), [-0.7142857142857143, -2.5, 0])
        let single = try answers(#""loss": "cross_entropy", "predictions": [0.7, 0.2, 0.1], "target": 0"#)
        expectClose(single.at("losses"), [-log(0.7)])  // a one-element list for a vector
    }

    /// Every gradient entry against central differences of the reduced loss,
    /// written here from the contract's formulas (not the solver's code).
    @Test(arguments: Difficulty.allCases)
    func gradientsMatchFiniteDifferences(difficulty: Difficulty) throws {
        var random = RandomSource(seed: 23)
        for _ in 0..<100 {
            let p = LossTopic.generate(&random, difficulty: difficulty)
            let s = try LossTopic.solve(p)
            #expect(close(s.result.loss, Self.reference(p, p.predictions), tolerance: 1e-12))
            for r in p.predictions.indices {
                for c in p.predictions[r].indices {
                    var up = p.predictions, down = p.predictions
                    let h = 1e-6
                    up[r][c] += h
                    down[r][c] -= h
                    guard !Self.nearKink(p, r, c) else { continue }
                    let numeric = (Self.reference(p, up) - Self.reference(p, down)) / (2 * h)
                    #expect(abs(numeric - s.result.gradient[r][c]) < 1e-6, "\(p.loss) [\(r)][\(c)]")
                }
            }
        }
    }

    static func nearKink(_ p: LossTopic.Problem, _ r: Int, _ c: Int) -> Bool {
        let x = p.predictions[r][c]
        switch p.loss {
        case .mae: return abs(x - p.targets[r][c]) < 1e-5
        case .huber: return abs(abs(x - p.targets[r][c]) - p.delta) < 1e-5
        case .hinge: return abs(p.margin - p.targets[r][c] * x) < 1e-5
        case .multiclassHinge:
            guard case .index(let t) = p.rowTargets[r] else { return false }
            return p.predictions[r].indices.contains { j in j != t && abs(p.predictions[r][j] - p.predictions[r][t] + p.margin) < 1e-5 }
        default: return false
        }
    }

    static func reference(_ p: LossTopic.Problem, _ x: [[Double]]) -> Double {
        var terms: [Double] = []
        for r in x.indices {
            switch p.loss {
            case .multiclassHinge:
                guard case .index(let t) = p.rowTargets[r] else { continue }
                terms.append(x[r].indices.filter { $0 != t }.reduce(0) { $0 + max(0, x[r][$1] - x[r][t] + p.margin) })
            case .crossEntropy:
                let t = LossDecoding.distribution(p.rowTargets[r], classes: x[r].count)
                terms.append(zip(t, x[r]).reduce(0) { $0 - ($1.0 == 0 ? 0 : $1.0 * log($1.1)) })
            default:
                for c in x[r].indices {
                    let yhat = x[r][c], y = p.targets[r][c], e = yhat - y
                    switch p.loss {
                    case .mse: terms.append(e * e)
                    case .mae: terms.append(abs(e))
                    case .huber: terms.append(abs(e) <= p.delta ? e * e / 2 : p.delta * (abs(e) - p.delta / 2))
                    case .hinge: terms.append(max(0, p.margin - y * yhat))
                    default:
                        let q = p.fromLogits ? 1 / (1 + exp(-yhat)) : yhat
                        terms.append(-(y * log(q) + (1 - y) * log(1 - q)))
                    }
                }
            }
        }
        let total = terms.reduce(0, +)
        return p.reduction == .mean ? total / Double(terms.count) : total
    }

    @Test func errorsAreLocatedLines() {
        func line(_ fields: String) -> String? { errorLine(json: #"{"topic": "loss", "# + fields + "}") }
        #expect(line(#""predictions": [1, 2], "target": [1, 2, 3]"#)
            == "test.json: target: must have the shape of predictions (2 entries), got 3")
        #expect(line(#""loss": "hinge", "predictions": [1, 2], "target": [1, 0]"#)
            == "test.json: target[1]: must be 1 or -1 (a hinge label), got 0")
        #expect(line(#""loss": "bce", "predictions": [1, 0.5], "target": [1, 0]"#)
            == "test.json: predictions[0]: must be a probability strictly between 0 and 1 for bce, got 1 (set from_logits for logits)")
        #expect(line(#""loss": "bce", "predictions": [0.5], "target": [2]"#)
            == "test.json: target[0]: must be in [0, 1] (a bce target), got 2")
        #expect(line(#""loss": "cross_entropy", "predictions": [0.5, 0.6], "target": 0"#)
            == "test.json: predictions: must sum to 1 (probabilities), got entries that sum to 1.1")
        #expect(line(#""loss": "cross_entropy", "predictions": [1, 0], "target": 1"#)
            == "test.json: predictions[1]: is 0 where the target is not: ln 0 is undefined")
        #expect(line(#""loss": "multiclass_hinge", "predictions": [1, 2], "target": 2"#)
            == "test.json: target: must be an integer between 0 and 1, got 2")
        #expect(line(#""loss": "huber", "predictions": [1], "target": [0], "delta": 0"#)
            == "test.json: delta: must be a positive number, got 0")
        #expect(line(#""loss": "hinge", "predictions": [1], "target": [1], "margin": -1"#)
            == "test.json: margin: must be a positive number, got -1")
        #expect(line(#""loss": "mse", "predictions": [1], "target": [0], "delta": 1"#)
            == "test.json: delta: is used only by huber, not by mse")
        #expect(line(#""loss": "mae", "predictions": [1], "target": [0], "margin": 1"#)
            == "test.json: margin: is used only by hinge and multiclass_hinge, not by mae")
        #expect(line(#""loss": "mse", "predictions": [1], "target": [0], "from_logits": true"#)
            == "test.json: from_logits: is used only by bce, not by mse")
        #expect(line(#""predictions": [[1, 2], [3, 4]], "target": [[1, 2], [3]]"#)
            == "test.json: target[1]: must have 2 entries, like each row of predictions, got 1")
    }
}

extension String {
    /// A path in the repository, from this test file's location.
    var relativeToRepo: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(self).path
    }
}
