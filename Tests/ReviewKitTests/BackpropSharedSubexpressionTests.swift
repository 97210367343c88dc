import Foundation
import Testing
@testable import ReviewKit

/// Issue 16, item 2: a subexpression written twice is one node used twice
/// (the graph is a DAG), and its gradient is the sum over its uses of
/// upstream × local, each term shown. Answers are the same math as before.
@Suite struct BackpropSharedSubexpressionTests {
    static let sigmoidTimesOneMinus = #"{"topic": "backprop", "expression": "sigmoid(x*y)*(1-sigmoid(x*y))", "values": {"x": 1, "y": 2}}"#

    /// σ(xy)(1 − σ(xy)) at x = 1, y = 2, worked independently with sympy:
    /// f = 0.10499358540350652, ∂f/∂x = −0.15992500211230613, ∂f/∂y = −0.07996250105615306
    /// (by hand: σ(2) = 0.880797…, f = σ(1 − σ), ∂f/∂z = σ(1 − σ)(1 − 2σ), ∂f/∂x = y·∂f/∂z).
    @Test func theAnswersAreTheIndependentlyComputedOnes() throws {
        let worked = try solve(json: Self.sigmoidTimesOneMinus)[0]
        #expect(close(worked.answers.at("value")?.double, 0.10499358540350652, tolerance: 1e-14))
        #expect(close(worked.answers.at("gradient", "x")?.double, -0.15992500211230613, tolerance: 1e-14))
        #expect(close(worked.answers.at("gradient", "y")?.double, -0.07996250105615306, tolerance: 1e-14))
    }

    @Test func anEqualSubtreeIsOneNodeUsedTwice() throws {
        let graph = try ComputationGraph(parsing: "sigmoid(x*y)*(1-sigmoid(x*y))", values: ["x": 1, "y": 2])
        let operations = graph.nodes.filter(\.isOperation)
        #expect(operations.map(\.operation) == [.multiply, .sigmoid, .subtract, .multiply])
        let sigma = operations[1]
        #expect(sigma.contributions.count == 2)
        #expect(Set(sigma.contributions.map(\.from)) == [operations[2].index, operations[3].index])
        // ∂f/∂σ = 1·(1 − σ) + (1 − σ side's upstream σ)·(−1) = 1 − 2σ
        let s = 1 / (1 + exp(-2.0))
        #expect(abs((sigma.gradient ?? 0) - (1 - 2 * s)) < 1e-15)
    }

    /// Equality is of structure, not text; operand order counts; constants by value.
    @Test func structureDecidesWhatIsShared() throws {
        func operations(_ source: String) throws -> Int {
            try ComputationGraph(parsing: source, values: ["x": 2, "y": 3]).nodes.filter(\.isOperation).count
        }
        #expect(try operations("x*y + (x * y)") == 2)
        #expect(try operations("x*y + y*x") == 3)
        #expect(try operations("(x+1)*(x+1.0)") == 2)
        #expect(try operations("(x+1)*(x+2)") == 3)
        #expect(try operations("exp(-x) + exp(-x)") == 3)
        #expect(try operations("tanh(tanh(x)) - tanh(tanh(x))*tanh(x)") == 4)
    }

    /// The JSON step of the shared node sums one upstream × local term per use.
    @Test func theJSONStepSumsEachUse() throws {
        let steps = try solve(json: Self.sigmoidTimesOneMinus)[0].steps
        #expect(steps.filter { $0.id.hasPrefix("z") }.map(\.id) == ["z1", "z2", "z3"])
        let shared = try #require(steps.first { $0.id == "df/dz2" })
        #expect(shared.formula == "df/dz_2 = df/df * d/dz_2 (z_2 * z_3) + df/dz_3 * d/dz_2 (1 - z_2)")
        #expect(shared.substituted == "df/dz_2 = 1 * 0.1192 + 0.8808 * (-1)")
    }

    /// The worked sheet says the node is used twice and writes the sum term by term, in en and zh.
    @Test func theSheetShowsTheSum() throws {
        let problems = try solve(json: Self.sigmoidTimesOneMinus)
        func sheet(_ language: String) -> String {
            var options = Sheet.Options()
            options.format = .md
            options.language = language
            return Sheet(problems: problems, options: options).render()
        }
        let en = sheet("en"), zh = sheet("zh")
        #expect(en.contains(#"$z_{2} = \sigma(z_{1})$ (used 2 times)"#))
        #expect(en.contains(#"upstream gradient $\frac{\partial f}{\partial z_{2}} = 1 \cdot 0.1192 + 0.8808 \cdot (-1) \approx -0.7616$"#))
        #expect(en.contains("is used 2 times, so its upstream gradient is the sum"))
        #expect(en.contains("(the graph is a DAG)"))
        #expect(zh.contains("（用到 2 次）"))
        #expect(zh.contains("有向无环图"))
        let step1 = en.components(separatedBy: "**Step 1").last?.components(separatedBy: "**Step 2").first ?? ""
        #expect(occurrences(of: "x \\cdot y", in: step1) == 1)
    }

    /// The figure draws the shared node once, with a wire to each consumer.
    @Test func theFigureDrawsTheDAG() throws {
        let figure = try #require(try figures(json: Self.sigmoidTimesOneMinus).first)
        #expect(occurrences(of: "<circle", in: figure.svg) == 4)
        #expect(occurrences(of: ">σ</text>", in: figure.svg) == 1)
        let graph = try ComputationGraph(parsing: "sigmoid(x*y)*(1-sigmoid(x*y))", values: ["x": 1, "y": 2])
        let sigma = graph.nodes.first { $0.operation == .sigmoid }!.index
        #expect(occurrences(of: "  n\(sigma) -- ", in: figure.mermaid) == 2)
        #expect(occurrences(of: "(n\(sigma)) --", in: figure.tikz) == 2)
    }

    /// Central differences agree with the summed gradients, on shapes with
    /// shared subtrees and on every generated hard problem.
    @Test func gradientsMatchCentralDifferences() throws {
        var cases: [(String, [String: Double])] = [
            ("sigmoid(x*y)*(1-sigmoid(x*y))", ["x": 1, "y": 2]),
            ("sigmoid(w1*x1+w2*x2+b)*(1-sigmoid(w1*x1+w2*x2+b))", ["w1": 0.5, "x1": -1, "w2": 1.5, "x2": 0.3, "b": 0.2]),
            ("tanh(x+y)^2 + 3*tanh(x+y) - exp(x*y)*exp(x*y)", ["x": 0.3, "y": -0.7]),
            ("(x*y+z)*(x*y-z)/(x*y+z+5)", ["x": 1.2, "y": 0.4, "z": -0.9]),
        ]
        for seed: UInt64 in 1...6 {
            for problem in try ProblemSolver.generate(topic: "backprop", count: 5, seed: seed, difficulty: .hard) {
                guard case .string(let expression) = problem.problem["expression"]?.kind,
                    case .object(let members) = problem.problem["values"]?.kind
                else { continue }
                cases.append((expression, Dictionary(uniqueKeysWithValues: members.compactMap { m in m.value.double.map { (m.key, $0) } })))
            }
        }
        for (expression, point) in cases {
            let graph = try ComputationGraph(parsing: expression, values: point)
            for (name, gradient) in graph.inputGradients {
                let h = 1e-6
                var plus = point, minus = point
                plus[name]! += h
                minus[name]! -= h
                let central = (try ComputationGraph(parsing: expression, values: plus).value
                    - ComputationGraph(parsing: expression, values: minus).value) / (2 * h)
                #expect(abs(gradient - central) <= 1e-6 * max(1, abs(central)), "∂/∂\(name) of \(expression)")
            }
        }
    }

    /// CS231n's sigmoid neuron (cs231n.github.io/optimization-2): w = [2, −3, −3],
    /// x = [−1, −2]; published gradients dx = [0.39, −0.59], dw = [−0.20, −0.39, 0.20].
    @Test func theCS231nNeuronKeepsItsPublishedGradients() throws {
        let text = try String(contentsOf: packageRoot().appendingPathComponent("problems/backprop-cs231n-sigmoid-neuron.json"), encoding: .utf8)
        let answers = try solve(json: text)[0].answers
        let published: [(String, Double)] = [("x0", 0.39), ("x1", -0.59), ("w0", -0.20), ("w1", -0.39), ("w2", 0.20)]
        for (name, value) in published {
            #expect(abs((answers.at("gradient", name)?.double ?? .nan) - value) < 0.005, "\(name)")
        }
        #expect(abs((answers.at("value")?.double ?? 0) - 0.73) < 0.005)
    }

    private func packageRoot(filePath: String = #filePath) -> URL {
        var url = URL(fileURLWithPath: filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }
}
