import Foundation
import Testing
@testable import ReviewKit

/// `mlp` against published numbers and against an independent computation:
/// a plain loop over neurons for BP1–BP4 (not the solver's code) and finite
/// differences of the loss for every gradient.
@Suite struct MLPTopicTests {
    static let problems = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("problems")

    static func answers(_ file: String) throws -> JSONValue {
        try ProblemSolver.solve(files: [problems.appendingPathComponent(file).path])[0].answers
    }

    /// Matt Mazur, "A Step by Step Backpropagation Example" (2015):
    /// E_total = 0.298371109; after one step with η = 0.5, w5 = 0.35891648,
    /// w1 = 0.149780716 (w5 is W²[0][0], w1 is W¹[0][0]).
    @Test func mazurStepByStep() throws {
        let a = try Self.answers("mlp-mazur-step-by-step.json")
        #expect(abs(a.at("loss")!.double! - 0.298371109) < 5e-10)
        #expect(abs(a.at("layers", 1, "new_weights", 0, 0)!.double! - 0.35891648) < 5e-9)
        #expect(abs(a.at("layers", 0, "new_weights", 0, 0)!.double! - 0.149780716) < 5e-10)
        // His other published numbers: out_o1 = 0.75136507, out_h1 = 0.593269992,
        // w6 = 0.408666186, w7 = 0.511301270, w2 = 0.19956143, w3 = 0.24975114.
        #expect(abs(a.at("output", 0)!.double! - 0.75136507) < 5e-9)
        #expect(abs(a.at("layers", 0, "a", 0)!.double! - 0.593269992) < 5e-10)
        #expect(abs(a.at("layers", 1, "new_weights", 0, 1)!.double! - 0.408666186) < 5e-10)
        #expect(abs(a.at("layers", 1, "new_weights", 1, 0)!.double! - 0.511301270) < 5e-10)
        #expect(abs(a.at("layers", 0, "new_weights", 0, 1)!.double! - 0.19956143) < 5e-9)
        #expect(abs(a.at("layers", 0, "new_weights", 1, 0)!.double! - 0.24975114) < 5e-9)
        // Frozen biases stay as given.
        #expect(a.at("layers", 0, "new_biases")!.doubles! == [0.35, 0.35])
    }

    /// The notes' 2-2-2 network (x = (0.5, 0.3), t = (0.23, −0.07), η = 1):
    /// ∂C/∂w1 = −0.0084 and w1 → 0.2084 (widely copied versions get +0.0146
    /// and 0.19 by taking δ_m a_j for δ_m w_mj).
    @Test func notesTwoTwoTwo() throws {
        let a = try Self.answers("mlp-notes-2-2-2.json")
        #expect(abs(a.at("layers", 0, "grad_weights", 0, 0)!.double! - (-0.00842148046150221)) < 1e-12)
        #expect(abs(a.at("layers", 0, "new_weights", 0, 0)!.double! - 0.20842148046150222) < 1e-12)
        // python3, by hand: C = 0.2097097937078311, ∂C/∂w5 = 0.03463298928683772
        #expect(abs(a.at("loss")!.double! - 0.2097097937078311) < 1e-12)
        #expect(abs(a.at("layers", 1, "grad_weights", 0, 0)!.double! - 0.03463298928683772) < 1e-12)
    }

    // MARK: An independent reference

    struct Net {
        var w: [[[Double]]]
        var b: [[Double]]
        var f: [String]
    }

    static func act(_ name: String, _ z: Double) -> Double {
        switch name {
        case "sigmoid": return 1 / (1 + exp(-z))
        case "tanh": return tanh(z)
        case "relu": return z > 0 ? z : 0
        default: return z
        }
    }

    /// C of one example, neuron by neuron (mse or cross-entropy).
    static func loss(_ net: Net, _ x: [Double], _ t: [Double], crossEntropy: Bool) -> Double {
        var a = x
        for l in net.w.indices {
            var z: [Double] = []
            for j in net.w[l].indices {
                var s = net.b[l][j]
                for k in a.indices { s += net.w[l][j][k] * a[k] }
                z.append(s)
            }
            if net.f[l] == "softmax" {
                let e = z.map { exp($0) }
                let total = e.reduce(0, +)
                a = e.map { $0 / total }
            } else {
                a = z.map { act(net.f[l], $0) }
            }
        }
        var c = 0.0
        for j in a.indices {
            if !crossEntropy { c += 0.5 * (t[j] - a[j]) * (t[j] - a[j]) }
            else if net.f.last == "softmax" { c -= t[j] * log(a[j]) }
            else { c -= t[j] * log(a[j]) + (1 - t[j]) * log(1 - a[j]) }
        }
        return c
    }

    static func net(_ problem: MLPTopic.Problem) -> Net {
        Net(w: problem.layers.map(\.weights), b: problem.layers.map(\.biases), f: problem.layers.map(\.activation.rawValue))
    }

    static func meanLoss(_ p: MLPTopic.Problem, _ net: Net) -> Double {
        let outputs = p.layers.last!.weights.count
        let rows = zip(p.input, p.targets).map { loss(net, $0, $1.vector(outputs: outputs), crossEntropy: p.loss == .crossEntropy) }
        return rows.reduce(0, +) / Double(rows.count)
    }

    /// Every generated problem: loss, every ∂C/∂W and ∂C/∂b against central
    /// differences of a loss written neuron by neuron, and the step.
    @Test(arguments: Difficulty.allCases)
    func gradientsMatchFiniteDifferences(difficulty: Difficulty) throws {
        var random = RandomSource(seed: 17)
        for _ in 0..<60 {
            let p = MLPTopic.generate(&random, difficulty: difficulty)
            let s = try MLPTopic.solve(p)
            let base = Self.net(p)
            #expect(abs(s.result.loss - Self.meanLoss(p, base)) < 1e-12)
            let h = 1e-6
            for l in p.layers.indices {
                for j in p.layers[l].weights.indices {
                    for k in p.layers[l].weights[j].indices {
                        // relu is not differentiable at 0; skip a kink that h would straddle.
                        var up = base, down = base
                        up.w[l][j][k] += h
                        down.w[l][j][k] -= h
                        let numeric = (Self.meanLoss(p, up) - Self.meanLoss(p, down)) / (2 * h)
                        let kinks = s.result.examples.contains { e in e.z.joined().contains { abs($0) < 1e-5 } }
                        if !kinks { #expect(abs(numeric - s.result.gradWeights[l][j][k]) < 1e-7) }
                    }
                    var up = base, down = base
                    up.b[l][j] += h
                    down.b[l][j] -= h
                    let numeric = (Self.meanLoss(p, up) - Self.meanLoss(p, down)) / (2 * h)
                    let kinks = s.result.examples.contains { e in e.z.joined().contains { abs($0) < 1e-5 } }
                    if !kinks { #expect(abs(numeric - s.result.gradBiases[l][j]) < 1e-7) }
                }
            }
            if let eta = p.learningRate, let step = s.result.step {
                var after = base
                for l in p.layers.indices {
                    for j in p.layers[l].weights.indices {
                        for k in p.layers[l].weights[j].indices { after.w[l][j][k] -= eta * s.result.gradWeights[l][j][k] }
                        if p.updateBiases { after.b[l][j] -= eta * s.result.gradBiases[l][j] }
                    }
                }
                #expect(abs(step.loss - Self.meanLoss(p, after)) < 1e-12)
            }
        }
    }

    /// BP1–BP2 by a loop over neurons for a sigmoid/mse net, compared with
    /// the answers' deltas.
    @Test func deltasByAPlainLoop() throws {
        let a = try Self.answers("mlp-notes-2-2-2.json")
        let x = [0.5, 0.3], t = [0.23, -0.07]
        let w1 = [[0.2, 0.5], [-0.4, 0.6]], w2 = [[0.1, -0.3], [-0.5, 0.8]]
        let s = { (z: Double) in 1 / (1 + exp(-z)) }
        var h = [0.0, 0.0], o = [0.0, 0.0]
        for j in 0..<2 { h[j] = s(w1[j][0] * x[0] + w1[j][1] * x[1]) }
        for j in 0..<2 { o[j] = s(w2[j][0] * h[0] + w2[j][1] * h[1]) }
        var d2 = [0.0, 0.0], d1 = [0.0, 0.0]
        for j in 0..<2 { d2[j] = (o[j] - t[j]) * o[j] * (1 - o[j]) }
        for k in 0..<2 { d1[k] = (w2[0][k] * d2[0] + w2[1][k] * d2[1]) * h[k] * (1 - h[k]) }
        for j in 0..<2 {
            #expect(abs(a.at("layers", 1, "delta", j)!.double! - d2[j]) < 1e-15)
            #expect(abs(a.at("layers", 0, "delta", j)!.double! - d1[j]) < 1e-15)
        }
    }

    @Test func batchDeltasAreEachExamplesOwnAndGradientsTheMean() throws {
        let json = #"{"topic": "mlp", "input": [[0.05, 0.1], [0.5, 0.3]], "layers": [{"weights": [[0.15, 0.2], [0.25, 0.3]], "biases": [0.35, 0.35]}, {"weights": [[0.4, 0.45]], "biases": [0.6]}], "target": [0.01, 0.99]}"#
        let a = try solve(json: json)[0].answers
        let single0 = try solve(json: #"{"topic": "mlp", "input": [0.05, 0.1], "layers": [{"weights": [[0.15, 0.2], [0.25, 0.3]], "biases": [0.35, 0.35]}, {"weights": [[0.4, 0.45]], "biases": [0.6]}], "target": 0.01}"#)[0].answers
        let single1 = try solve(json: #"{"topic": "mlp", "input": [0.5, 0.3], "layers": [{"weights": [[0.15, 0.2], [0.25, 0.3]], "biases": [0.35, 0.35]}, {"weights": [[0.4, 0.45]], "biases": [0.6]}], "target": 0.99}"#)[0].answers
        #expect(a.at("layers", 1, "delta", 0)!.doubles! == single0.at("layers", 1, "delta")!.doubles!)
        #expect(a.at("layers", 1, "delta", 1)!.doubles! == single1.at("layers", 1, "delta")!.doubles!)
        let mean = (single0.at("layers", 0, "grad_weights", 1, 0)!.double! + single1.at("layers", 0, "grad_weights", 1, 0)!.double!) / 2
        #expect(abs(a.at("layers", 0, "grad_weights", 1, 0)!.double! - mean) < 1e-15)
        #expect(abs(a.at("loss")!.double! - (single0.at("loss")!.double! + single1.at("loss")!.double!) / 2) < 1e-15)
    }

    /// Softmax + cross-entropy: δ^L = a − t, and the loss from z.
    @Test func softmaxCrossEntropy() throws {
        let json = #"{"topic": "mlp", "input": [1, -1], "layers": [{"weights": [[0.5, -0.5], [0.3, 0.8]], "activation": "tanh"}, {"weights": [[1, 0], [0, 1], [0.5, 0.5]], "activation": "softmax"}], "loss": "cross_entropy", "target": 2}"#
        let a = try solve(json: json)[0].answers
        let h = [tanh(1.0), tanh(-0.5)]
        let z = [h[0], h[1], 0.5 * h[0] + 0.5 * h[1]]
        let e = z.map { exp($0) }, total = e.reduce(0, +)
        let p = e.map { $0 / total }
        #expect(abs(a.at("loss")!.double! - -log(p[2])) < 1e-14)
        #expect(abs(a.at("layers", 1, "delta", 2)!.double! - (p[2] - 1)) < 1e-15)
        #expect(abs(a.at("layers", 1, "delta", 0)!.double! - p[0]) < 1e-15)
    }

    @Test func reluKinkConvention() throws {
        func slope(_ kink: String) throws -> Double {
            let json = #"{"topic": "mlp", "input": [1], "layers": [{"weights": [[1]], "biases": [-1], "activation": "relu"}, {"weights": [[1]], "activation": "linear"}], "target": 1, "kink": "\#(kink)"}"#
            return try solve(json: json)[0].answers.at("layers", 0, "delta", 0)!.double!
        }
        // z¹ = 0, a² = 0, δ² = −1: δ¹ = −1 · relu'(0).
        #expect(try slope("left") == 0)
        #expect(try slope("right") == -1)
    }

    @Test func errorsAreLocatedLines() {
        let layers = #"[{"weights": [[0.1, 0.2], [0.3, 0.4]]}, {"weights": [[0.5, 0.6]]}]"#
        func line(_ fields: String) -> String? { errorLine(json: #"{"topic": "mlp", "#  + fields + "}") }
        #expect(line(#""input": [1, 2, 3], "layers": \#(layers), "target": 0.5"#)
            == "test.json: layers[0].weights: must have 3 columns, one per neuron below (the input has 3), got 2")
        #expect(line(#""input": [1, 2], "layers": [{"weights": [[0.1, 0.2]]}, {"weights": [[0.5, 0.6]]}], "target": 0.5"#)
            == "test.json: layers[1].weights: must have 1 columns, one per neuron below (layer 0 has 1 neurons), got 2")
        #expect(line(#""input": [1, 2], "layers": [{"weights": [[0.1, 0.2], [0.3]]}], "target": [0, 1]"#)
            == "test.json: layers[0].weights[1]: row 1 has 1 entry, expected 2")
        #expect(line(#""input": [1, 2], "layers": [{"weights": [[0.1, 0.2]], "biases": [1, 2]}], "target": 0.5"#)
            == "test.json: layers[0].biases: must have 1 entry (one per neuron, as weights has rows), got 2")
        #expect(line(#""input": [1, 2], "layers": \#(layers), "target": [0.5, 0.5]"#)
            == "test.json: target: must have 1 entry (one per output neuron), got 2")
        #expect(line(#""input": [[1, 2], [3, 4]], "layers": \#(layers), "target": [0.5]"#)
            == "test.json: target: must have one target per row of input (2 rows), got an array")
        let softmax = #"[{"weights": [[0.1, 0.2], [0.3, 0.4]], "activation": "softmax"}]"#
        #expect(line(#""input": [1, 2], "layers": \#(softmax), "loss": "cross_entropy", "target": 2"#)
            == "test.json: target: must be an integer between 0 and 1, got 2")
        #expect(line(#""input": [1, 2], "layers": \#(softmax), "loss": "cross_entropy", "target": [0.5, 0.6]"#)
            == "test.json: target: must sum to 1, got entries that sum to 1.1")
        #expect(line(#""input": [1, 2], "layers": \#(softmax), "loss": "cross_entropy", "target": [1.5, -0.5]"#)
            == "test.json: target[1]: must be non-negative (a probability), got -0.5")
        #expect(line(#""input": [1, 2], "layers": \#(softmax), "target": 1"#)
            == "test.json: loss: must be \"cross_entropy\" when the last layer is softmax, got \"mse\"")
        #expect(line(#""input": [1, 2], "layers": [{"weights": [[0.1, 0.2], [0.3, 0.4]], "activation": "softmax"}, {"weights": [[1, 1]]}], "target": 1"#)
            == "test.json: layers[0].activation: softmax is allowed only on the last layer, got it on hidden layer 0")
        #expect(line(#""input": [1, 2], "layers": \#(layers), "loss": "cross_entropy", "target": 1.5"#)
            == "test.json: target: must be in [0, 1] for a sigmoid cross-entropy target, got 1.5")
        #expect(line(#""input": [1, 2], "layers": [{"weights": [[0.1, 0.2]], "activation": "tanh"}], "loss": "cross_entropy", "target": 0.5"#)
            == "test.json: loss: \"cross_entropy\" needs a sigmoid or softmax output layer, got tanh")
        #expect(line(#""input": [1, 2], "layers": \#(layers), "target": 0.5, "learning_rate": 0"#)
            == "test.json: learning_rate: must be a positive number, got 0")
        #expect(line(#""input": [1, 2], "layers": \#(layers), "target": 0.5, "learning_rat": 1"#)
            == "test.json: learning_rat: unknown field 'learning_rat' (did you mean 'learning_rate'?)")
    }

    @Test func defaultsAreFilledIn() throws {
        let p = try solve(json: #"{"topic": "mlp", "input": [1, 2], "layers": [{"weights": [[0.1, 0.2]]}], "target": 0.5}"#)[0].problem
        #expect(p.at("layers", 0, "biases")!.doubles! == [0])
        #expect(p.at("layers", 0, "activation") == .string("sigmoid"))
        #expect(p.at("loss") == .string("mse"))
        #expect(p.at("update_biases") == .bool(true))
        #expect(p.at("kink") == .string("left"))
        #expect(p.at("learning_rate") == nil)
    }

    /// Four slips the contract names, each a different number from the right one.
    @Test func slipsGiveOtherNumbers() throws {
        // mse-no-half: Mazur's E doubled is 0.5967.
        let a = try Self.answers("mlp-mazur-step-by-step.json")
        #expect(abs(2 * a.at("loss")!.double! - 0.5967) < 1e-4)
        // hidden-delta-from-grad gives +0.0146 for ∂C/∂w1 in the notes' net; ours is −0.0084.
        let notes = try Self.answers("mlp-notes-2-2-2.json")
        #expect(abs(notes.at("layers", 0, "grad_weights", 0, 0)!.double! - 0.0146) > 0.02)
    }
}
