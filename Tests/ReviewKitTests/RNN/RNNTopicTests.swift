import Foundation
import Testing
@testable import ReviewKit

/// `rnn` against numbers computed outside this program: the contract's
/// example worked with numpy (a plain loop over the steps, and central
/// differences for every gradient entry, script in the comment below), and
/// a finite-difference check on every parameter of many problems written
/// here as its own loop, independent of `RNNSolver`.
///
///     s = s0; for t: a = U@x[t] + W@s + b; s = tanh(a); o = V@s + c
///     p = exp(o - o.max()); p /= p.sum(); L += -log(p[y[t]])
///     dθ ≈ (L(θ + 1e-6) − L(θ − 1e-6)) / 2e-6 for every entry θ
@Suite struct RNNTopicTests {
    static let contract = """
        {"topic": "rnn", "x": [[1, 0], [0, 1]],
         "U": [[0.5, -1], [1, 0.5]], "W": [[0.5, -0.2], [0.3, 0.4]], "V": [[1, -1], [0.5, 1]],
         "b": [0, 0], "c": [0, 0], "s0": [0, 0],
         "activation": "tanh", "output": "softmax", "targets": [1, 0]}
        """

    private func expectClose(_ value: JSONValue?, _ expected: [Double], tolerance: Double = 1e-9, _ what: String) {
        expectClose(value?.doubles.map { [$0] }, [expected], tolerance: tolerance, what)
    }

    private func expectClose(_ value: JSONValue?, _ expected: [[Double]], tolerance: Double = 1e-9, _ what: String) {
        expectClose(value?.matrix, expected, tolerance: tolerance, what)
    }

    private func expectClose(_ got: [[Double]]?, _ expected: [[Double]], tolerance: Double, _ what: String) {
        #expect(got?.count == expected.count, "\(what): \(String(describing: got))")
        for (row, want) in zip(got ?? [], expected) {
            #expect(row.count == want.count)
            for (a, b) in zip(row, want) { #expect(close(a, b, tolerance: tolerance), "\(what): \(a) vs \(b)") }
        }
    }

    @Test func theContractExampleMatchesNumpy() throws {
        let answers = try solve(json: Self.contract)[0].answers
        expectClose(answers.at("pre_activations"), [[0.5, 1.0], [-0.9212602525611481, 0.9432728095603089]], "a")
        expectClose(answers.at("states"), [[0.46211715726000974, 0.7615941559557649], [-0.7264930610164111, 0.7367223246122978]], "s")
        expectClose(answers.at("outputs"), [[-0.2994769986957551, 0.9926527345857697], [-1.463215385628709, 0.37347579410409226]], "o")
        expectClose(answers.at("probabilities"), [[0.21549254951996605, 0.784507450480034], [0.13744309107688354, 0.8625569089231165]], "p")
        #expect(close(answers.at("loss")?.double, 2.2272445403736287))
        expectClose(answers.at("losses"), [0.24269920974766643, 1.9845453306259624], "losses")
        // numpy central differences (h = 1e-6): about 1e-9 from the exact gradient.
        let tolerance = 1e-7
        expectClose(answers.at("gradient", "U"), [[0.1907585343019491, -0.20365306396818994], [-0.03138800863666802, 0.7887914155180198]], tolerance: tolerance, "dU")
        expectClose(answers.at("gradient", "W"), [[-0.09411157497751788, -0.15510098361204427], [0.3645140465025065, 0.6007389319329093]], tolerance: tolerance, "dW")
        expectClose(answers.at("gradient", "V"), [[0.726224413716281, -0.4713470647121909], [-0.726224413716281, 0.4713470647121909]], tolerance: tolerance, "dV")
        expectClose(answers.at("gradient", "b"), [-0.012894529888285433, 0.7574034066593072], tolerance: tolerance, "db")
        expectClose(answers.at("gradient", "c"), [-0.6470643592049186, 0.6470643592049186], tolerance: tolerance, "dc")
        // By hand: g_2 = ŷ_2 − y_2 with y_2 = class 0; δ_T = ∂L/∂s_T ⊙ (1 − s_T²).
        #expect(close(answers.at("output_gradients", 1, 0)?.double, 0.13744309107688354 - 1))
        let ds2 = try #require(answers.at("state_gradients", 1)?.doubles)
        let s2 = -0.7264930610164111
        #expect(close(answers.at("deltas", 1, 0)?.double, ds2[0] * (1 - s2 * s2)))
    }

    @Test func withoutTargetsOnlyTheForwardKeysAreAnswered() throws {
        let json = #"{"topic": "rnn", "x": [[1], [2]], "U": [[0.5]], "W": [[0.5]], "V": [[1], [2]]}"#
        let answers = try solve(json: json)[0].answers
        guard case .object(let members) = answers.kind else { Issue.record("not an object"); return }
        #expect(members.map(\.key) == ["pre_activations", "states", "outputs", "probabilities"])
        // a_1 = 0.5, s_1 = tanh 0.5; a_2 = 1 + 0.5 tanh 0.5.
        #expect(close(answers.at("pre_activations", 1, 0)?.double, 1 + 0.5 * tanh(0.5)))
    }

    // MARK: Finite differences on every parameter

    /// A plain forward pass written here, not `RNNSolver`'s.
    struct Net {
        var x: [[Double]], U: [[Double]], W: [[Double]], V: [[Double]], b: [Double], c: [Double], s0: [Double]
        var f: (Double) -> Double
        var softmax: Bool
        var targets: [[Double]?]

        func loss() -> Double {
            var s = s0
            var total = 0.0
            for t in x.indices {
                var a = b
                for i in a.indices {
                    for j in x[t].indices { a[i] += U[i][j] * x[t][j] }
                    for j in s.indices { a[i] += W[i][j] * s[j] }
                }
                s = a.map(f)
                var o = c
                for i in o.indices { for j in s.indices { o[i] += V[i][j] * s[j] } }
                guard let y = targets[t] else { continue }
                if softmax {
                    let z = o.map { Foundation.exp($0) }.reduce(0, +)
                    for i in o.indices { total -= y[i] * Foundation.log(Foundation.exp(o[i]) / z) }
                } else {
                    for i in o.indices { total += 0.5 * (o[i] - y[i]) * (o[i] - y[i]) }
                }
            }
            return total
        }
    }

    static func json(_ m: [[Double]]) -> String { "[" + m.map(json).joined(separator: ",") + "]" }
    static func json(_ v: [Double]) -> String { "[" + v.map { "\($0)" }.joined(separator: ",") + "]" }

    static let fdCases: [(activation: String, softmax: Bool)] = [
        ("tanh", true), ("sigmoid", true), ("relu", true), ("tanh", false), ("sigmoid", false),
    ]

    @Test(arguments: 0..<fdCases.count)
    func gradientsMatchFiniteDifferences(_ index: Int) throws {
        let (activation, softmax) = Self.fdCases[index]
        var random = RandomSource(seed: UInt64(100 + index))
        for _ in 0..<20 {
            let T = random.int(in: 1...3), d = random.int(in: 1...3), n = random.int(in: 1...3), k = random.int(in: 1...3)
            func m(_ r: Int, _ c: Int) -> [[Double]] { (0..<r).map { _ in (0..<c).map { _ in random.unit() * 2 - 1 } } }
            func v(_ c: Int) -> [Double] { (0..<c).map { _ in random.unit() * 2 - 1 } }
            var net = Net(
                x: m(T, d), U: m(n, d), W: m(n, n), V: m(k, n), b: v(n), c: v(k), s0: v(n),
                f: activation == "tanh" ? { Foundation.tanh($0) } : activation == "relu" ? { max($0, 0) } : { 1 / (1 + Foundation.exp(-$0)) },
                softmax: softmax, targets: [])
            var targetJSON: [String] = []
            for t in 0..<T {
                if t < T - 1, random.chance(0.3) {
                    net.targets.append(nil); targetJSON.append("null")
                } else if softmax {
                    let cls = random.int(in: 0...k - 1)
                    net.targets.append((0..<k).map { $0 == cls ? 1 : 0 }); targetJSON.append("\(cls)")
                } else {
                    let y = v(k)
                    net.targets.append(y); targetJSON.append(Self.json(y))
                }
            }
            let json = """
                {"topic": "rnn", "x": \(Self.json(net.x)), "U": \(Self.json(net.U)), "W": \(Self.json(net.W)),
                 "V": \(Self.json(net.V)), "b": \(Self.json(net.b)), "c": \(Self.json(net.c)), "s0": \(Self.json(net.s0)),
                 "activation": "\(activation)", "output": "\(softmax ? "softmax" : "linear")",
                 "targets": [\(targetJSON.joined(separator: ","))]}
                """
            let answers = try solve(json: json)[0].answers
            #expect(close(answers.at("loss")?.double, net.loss(), tolerance: 1e-12))
            let h = 1e-6
            func check(_ name: String, _ path: WritableKeyPath<Net, [[Double]]>) {
                let rows = net[keyPath: path]
                for i in rows.indices {
                    for j in rows[i].indices {
                        var plus = net, minus = net
                        plus[keyPath: path][i][j] += h
                        minus[keyPath: path][i][j] -= h
                        let numeric = (plus.loss() - minus.loss()) / (2 * h)
                        let analytic = answers.at("gradient", name, i, j)?.double
                        #expect(close(analytic, numeric, tolerance: 1e-5), "\(name)[\(i)][\(j)]: \(String(describing: analytic)) vs \(numeric) in \(json)")
                    }
                }
            }
            func check(_ name: String, _ path: WritableKeyPath<Net, [Double]>) {
                for i in net[keyPath: path].indices {
                    var plus = net, minus = net
                    plus[keyPath: path][i] += h
                    minus[keyPath: path][i] -= h
                    let numeric = (plus.loss() - minus.loss()) / (2 * h)
                    #expect(close(answers.at("gradient", name, i)?.double, numeric, tolerance: 1e-5), "\(name)[\(i)] in \(json)")
                }
            }
            check("U", \.U); check("W", \.W); check("V", \.V); check("b", \.b); check("c", \.c)
        }
    }

    // MARK: Errors

    @Test func misfittingShapesNameTheFieldAndBothSizes() {
        let base = #""x": [[1, 0], [0, 1]], "U": [[0.5, -1], [1, 0.5]], "W": [[0.5, -0.2], [0.3, 0.4]], "V": [[1, -1], [0.5, 1]]"#
        func line(_ fields: String) -> String? { errorLine(json: "{\"topic\": \"rnn\", \(fields)}") }
        #expect(line(#""x": [[1, 0], [0, 1]], "U": [[0.5, -1, 0], [1, 0.5, 0]], "W": [[1, 0], [0, 1]], "V": [[1, 1]]"#)
            == "test.json: U: 2×3, expected 2×2")
        #expect(line(#""x": [[1, 0]], "U": [[1, 0], [0, 1]], "W": [[1, 0, 0], [0, 1, 0]], "V": [[1, 1]]"#)
            == "test.json: W: 2×3, expected 2×2")
        #expect(line(#""x": [[1, 0]], "U": [[1, 0], [0, 1]], "W": [[1, 0], [0, 1]], "V": [[1, 1, 1]]"#)
            == "test.json: V: 1×3, expected 1×2")
        #expect(line(base + #", "b": [0, 0, 0]"#) == "test.json: b: 3 entries, expected 2")
        #expect(line(base + #", "c": [0]"#) == "test.json: c: 1 entry, expected 2")
        #expect(line(base + #", "s0": [1, 2, 3]"#) == "test.json: s0: 3 entries, expected 2")
        #expect(line(base + #", "targets": [1]"#) == "test.json: targets: must have one target per step: 2 steps, got 1 target")
        #expect(line(base + #", "targets": [1, 2]"#) == "test.json: targets[1]: must be an integer between 0 and 1, got 2")
        #expect(line(base + #", "targets": [[0.5, 0.6], 0]"#) == "test.json: targets[0]: must sum to 1, got entries that sum to 1.1")
        #expect(line(base + #", "output": "linear", "targets": [[1], null]"#) == "test.json: targets[0]: 1 entry, expected 2")
        #expect(line(base + #", "activation": "softplus""#)?.hasPrefix("test.json: activation: must be one of") == true)
        #expect(line(#""x": [[1, 0]], "U": [[1, 0]], "W": [[1]], "V": [[1]], "activaton": "relu""#)
            == "test.json: activaton: unknown field 'activaton' (did you mean 'activation'?)")
        #expect(line(#""x": [[1, 0]], "W": [[1]], "V": [[1]]"#) == "test.json: missing required field 'U'")
        #expect(line(#""x": [], "U": [[1]], "W": [[1]], "V": [[1]]"#)
            == "test.json: x: must have at least one row (one per step), got an empty matrix")
    }

    @Test func theReadmeShowsTheFieldTable() throws {
        let text = try String(contentsOf: FieldSchemaTests.readme, encoding: .utf8)
        #expect(text.contains("#### rnn\n\n" + RNNTopic.schema.markdownTable()))
    }

    // MARK: Generated problems

    @Test(arguments: Difficulty.allCases)
    func generatedProblemsAreHandSolvable(_ difficulty: Difficulty) throws {
        var random = RandomSource(seed: 5)
        for _ in 0..<100 {
            let p = RNNTopic.generate(&random, difficulty: difficulty)
            #expect(p.steps <= 3 && p.units <= 3 && p.inputs <= 3 && p.outputs <= 3)
            let numbers = (p.x + p.U + p.W + p.V).flatMap { $0 } + p.bias + p.outputBias + p.initialState
            #expect(numbers.allSatisfy { ($0 * 10).rounded() == $0 * 10 && abs($0) <= 2 })
            #expect(p.targets != nil)
            switch difficulty {
            case .easy:
                #expect(p.units == 1 && p.steps == 2 && p.output == .linear && p.targets?.first == RNNTopic.Target.none)
            case .standard:
                #expect(p.units == 2 && p.steps == 2 && p.activation == .tanh && p.output == .softmax)
            case .hard:
                #expect(p.steps == 3 && p.b != nil && p.initialState.contains { $0 != 0 })
                #expect(p.targets?.prefix(2).allSatisfy { $0 == .none } == true)
            }
        }
    }

    @Test func standardSheetShowsTwoStepsTheSumsAndThePicture() throws {
        let problems = try ProblemSolver.generate(topic: "rnn", count: 1, seed: 3, difficulty: .standard)
        var options = Sheet.Options()
        options.format = .html
        let html = Sheet(problems: problems, options: options).render()
        #expect(html.contains("<svg"))
        #expect(html.contains("Time step"))
        #expect(html.contains("backpropagation through time"))
    }
}

/// Every worked step of 200 generated rnn problems per difficulty can be
/// redone from its shown operands.
@Suite struct RNNReproducibilityTests {
    @Test(arguments: Difficulty.allCases)
    func everyShownStepCanBeRedone(difficulty: Difficulty) throws {
        #expect(expectRedoable(try shownFormulas(RNNTopic.self, difficulty: difficulty, steps: true)) > 200)
    }
}
