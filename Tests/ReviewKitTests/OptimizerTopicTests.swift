import Foundation
import Testing
@testable import ReviewKit

/// The optimizer topic end to end through the problem-file reader. Expected
/// values come from an independent python3 run of PyTorch's documented
/// update rules (the script is below), from the published facts (Adam's
/// first step moves each parameter by about η; the two momentum forms give
/// the same θ), or from loops written here, never from the solver.
///
/// ```python
/// import math
/// def adam(theta, grads, lr, b1=0.9, b2=0.999, eps=1e-8):
///     m = [0]*len(theta); v = [0]*len(theta)
///     for t, g in enumerate(grads, 1):
///         g = g(theta) if callable(g) else g
///         m = [b1*mi + (1-b1)*gi for mi, gi in zip(m, g)]
///         v = [b2*vi + (1-b2)*gi*gi for vi, gi in zip(v, g)]
///         mh = [mi/(1-b1**t) for mi in m]; vh = [vi/(1-b2**t) for vi in v]
///         theta = [th - lr*a/(math.sqrt(b)+eps) for th, a, b in zip(theta, mh, vh)]
///     return theta
/// adam([1, -1], [lambda th: [2*th[0], 20*th[1]]]*3, 0.1)
/// # nesterov, mu 0.5, lr 0.1, weight decay 0.1, l1 0.01, from (2, 0):
/// # g~ = g + 0.1 th + 0.01 sign(th); v = 0.5 v + g~; th -= 0.1 (g~ + 0.5 v)
/// ```
@Suite struct OptimizerTopicTests {
    private func answers(_ json: String) throws -> JSONValue {
        try solve(json: json)[0].answers
    }

    private func expectClose(_ actual: Double?, _ expected: Double, tolerance: Double = 1e-12,
                             sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(close(actual, expected, tolerance: tolerance), "\(String(describing: actual)) vs \(expected)",
                sourceLocation: sourceLocation)
    }

    @Test func contractExampleMatchesPython() throws {
        let a = try answers(#"{"topic": "optimizer", "rule": "adam", "params": {"x": 1, "y": -1}, "objective": "x^2 + 10*y^2", "steps": 3, "learning_rate": 0.1}"#)
        // Step 1 by hand: g = (2, -20), m = (0.2, -2), v = (0.004, 0.4), m̂ = g, v̂ = g².
        expectClose(a.at("steps", 0, "value")?.double, 11)
        expectClose(a.at("steps", 0, "m", "y")?.double, -2)
        expectClose(a.at("steps", 0, "v", "x")?.double, 0.004)
        expectClose(a.at("steps", 0, "m_hat", "x")?.double, 2)
        expectClose(a.at("steps", 0, "v_hat", "y")?.double, 400)
        expectClose(a.at("steps", 0, "params", "x")?.double, 0.9000000005)
        // python3 (above)
        expectClose(a.at("steps", 1, "m_hat", "x")?.double, 1.894736842631579)
        expectClose(a.at("steps", 1, "v_hat", "y")?.double, 361.9809905132618)
        expectClose(a.at("steps", 1, "params", "x")?.double, 0.8004122286917928)
        expectClose(a.at("params", "x")?.double, 0.7015862729460303)
        expectClose(a.at("params", "y")?.double, -0.7015862715434841)
        expectClose(a.at("value")?.double, 5.414456262569176)
    }

    @Test func adamsFirstStepMovesEachParameterByAboutTheLearningRate() throws {
        // Kingma & Ba: |Δθ| ≤ η, ≈ η·sign(g) on the first step, whatever |g|.
        let a = try answers(try String(contentsOf: GoldenSheetTests.problems.appendingPathComponent("optimizer-adam-first-step.json"), encoding: .utf8))
        let start = ["w": 0.5, "b": -0.2, "u": 3.0], g = ["w": 0.02, "b": -150.0, "u": 4.0]
        for (name, theta) in start {
            let moved = try #require(a.at("params", name)?.double) - theta
            #expect(abs(abs(moved) - 0.001) < 1e-6 && (moved < 0) == (g[name]! > 0), "\(name) moved \(moved)")
        }
        // python3: 0.49900000049999976, -0.19900000000006668, 2.9990000000025
        expectClose(a.at("params", "w")?.double, 0.49900000049999976)
        expectClose(a.at("params", "b")?.double, -0.19900000000006668)
        expectClose(a.at("params", "u")?.double, 2.9990000000025)
        expectClose(a.at("steps", 0, "v_hat", "b")?.double, 22500, tolerance: 1e-9)
    }

    @Test func momentumEqualsTheClassicalForm() throws {
        let a = try answers(#"{"topic": "optimizer", "rule": "momentum", "params": {"x": 1}, "objective": "x^2", "steps": 3, "learning_rate": 0.1, "momentum": 0.9}"#)
        // The classical form v ← μv − ηg, θ ← θ + v, written here.
        var theta = 1.0, v = 0.0
        for k in 0..<3 {
            v = 0.9 * v - 0.1 * (2 * theta)
            theta += v
            expectClose(a.at("steps", k, "params", "x")?.double, theta)
            expectClose(a.at("steps", k, "velocity", "x")?.double, -v / 0.1)
        }
        // By hand: 0.8, 0.46, 0.062.
        expectClose(a.at("params", "x")?.double, 0.062, tolerance: 1e-12)
    }

    @Test func nesterovWithPenaltiesMatchesPython() throws {
        let a = try answers(try String(contentsOf: GoldenSheetTests.problems.appendingPathComponent("optimizer-nesterov-decay.json"), encoding: .utf8))
        expectClose(a.at("steps", 0, "total_gradient", "w")?.double, 1.21)
        expectClose(a.at("steps", 0, "total_gradient", "b")?.double, -1)  // sign(0) = 0
        expectClose(a.at("steps", 0, "params", "w")?.double, 1.8185)
        expectClose(a.at("steps", 1, "velocity", "w")?.double, 1.29685)
        expectClose(a.at("params", "w")?.double, 1.6844725)
        expectClose(a.at("params", "b")?.double, 0.09625)
        #expect(a.at("steps", 0, "value") == nil)
    }

    /// Every rule against a loop written here from PyTorch's documentation,
    /// with weight decay and L1 on, over given gradients.
    @Test(arguments: OptimizerRule.allCases)
    func everyRuleMatchesAHandWrittenLoop(rule: OptimizerRule) throws {
        let grads: [[Double]] = [[0.5, -2], [1.5, 0.25], [-1, 3], [0.2, -0.7]]
        let (lr, mu, rho, b1, b2, eps, wd, l1) = (0.05, 0.8, 0.9, 0.85, 0.99, 1e-6, 0.2, 0.05)
        var extra = ""
        switch rule {
        case .sgd: break
        case .momentum, .nesterov: extra = #", "momentum": 0.8"#
        case .adagrad: extra = #", "eps": 1e-6"#
        case .rmsprop: extra = #", "rho": 0.9, "eps": 1e-6"#
        case .adam: extra = #", "beta1": 0.85, "beta2": 0.99, "eps": 1e-6"#
        }
        let list = grads.map { #"{"a": \#($0[0]), "b": \#($0[1])}"# }.joined(separator: ", ")
        let a = try answers(#"{"topic": "optimizer", "rule": "\#(rule.rawValue)", "params": {"a": 1, "b": -0.5}, "gradients": [\#(list)], "learning_rate": 0.05, "weight_decay": 0.2, "l1": 0.05\#(extra)}"#)
        var theta = [1.0, -0.5], s1 = [0.0, 0.0], s2 = [0.0, 0.0]
        for (k, g) in grads.enumerated() {
            let t = Double(k + 1)
            for i in 0..<2 {
                let sign: Double = theta[i] > 0 ? 1 : theta[i] < 0 ? -1 : 0
                let gi = g[i] + wd * theta[i] + l1 * sign
                switch rule {
                case .sgd: theta[i] -= lr * gi
                case .momentum: s1[i] = mu * s1[i] + gi; theta[i] -= lr * s1[i]
                case .nesterov: s1[i] = mu * s1[i] + gi; theta[i] -= lr * (gi + mu * s1[i])
                case .adagrad: s1[i] += gi * gi; theta[i] -= lr * gi / (s1[i].squareRoot() + eps)
                case .rmsprop: s1[i] = rho * s1[i] + (1 - rho) * gi * gi; theta[i] -= lr * gi / (s1[i].squareRoot() + eps)
                case .adam:
                    s1[i] = b1 * s1[i] + (1 - b1) * gi
                    s2[i] = b2 * s2[i] + (1 - b2) * gi * gi
                    let mHat = s1[i] / (1 - pow(b1, t)), vHat = s2[i] / (1 - pow(b2, t))
                    theta[i] -= lr * mHat / (vHat.squareRoot() + eps)
                }
            }
            expectClose(a.at("steps", k, "params", "a")?.double, theta[0])
            expectClose(a.at("steps", k, "params", "b")?.double, theta[1])
        }
    }

    @Test func theObjectivesDerivativeIsWrittenOnceInSymbols() throws {
        let problem = try solve(json: #"{"topic": "optimizer", "params": {"x": 1, "y": 2}, "objective": "x^2 + 10*y^2", "learning_rate": 0.1}"#)[0]
        let formulas = problem.trace.steps.filter { $0.id.hasPrefix("steps[0].gradient.") }.map { PlainFormulaWriter().write($0.formula) }
        #expect(formulas == ["g_x = df/dx = 2 * x", "g_y = df/dy = 20 * y"])
        // Rosenbrock at (-1, 1): ∂f/∂x = -2(1 - x) - 400x(y - x²) = -4, ∂f/∂y = 200(y - x²) = 0.
        let rosenbrock = try answers(#"{"topic": "optimizer", "params": {"x": -1, "y": 1}, "objective": "(1 - x)^2 + 100*(y - x^2)^2", "learning_rate": 0.001}"#)
        expectClose(rosenbrock.at("steps", 0, "gradient", "x")?.double, -4)
        expectClose(rosenbrock.at("steps", 0, "gradient", "y")?.double, 0)
        expectClose(rosenbrock.at("value")?.double, pow(1 + 0.996, 2) + 100 * pow(1 - 0.996 * 0.996, 2))
    }

    @Test func echoedProblemFillsTheRulesDefaultsOnly() throws {
        let problem = try solve(json: #"{"topic": "optimizer", "rule": "rmsprop", "params": {"x": 1}, "gradients": [{"x": 1}, {"x": 2}]}"#)[0].problem
        #expect(problem.at("learning_rate") == .number(0.01))
        #expect(problem.at("rho") == .number(0.99))
        #expect(problem.at("eps") == .number(1e-8))
        #expect(problem.at("steps") == .number(2))
        #expect(problem.at("momentum") == nil && problem.at("beta1") == nil && problem.at("objective") == nil)
        let adagrad = try solve(json: #"{"topic": "optimizer", "rule": "adagrad", "params": {"x": 1}, "objective": "x^2"}"#)[0].problem
        #expect(adagrad.at("eps") == .number(1e-10))
        #expect(adagrad.at("steps") == .number(1))
    }

    @Test(arguments: [
        (#"{"topic": "optimizer", "params": {"x": 1}}"#, "test.json: needs 'objective' (f to differentiate) or 'gradients' (one per step)"),
        (#"{"topic": "optimizer", "params": {"x": 1}, "objective": "x^2", "gradients": [{"x": 1}]}"#, "test.json: gradients: give either 'objective' or 'gradients', not both"),
        (#"{"topic": "optimizer", "params": {"x": 1, "y": 2}, "gradients": [{"x": 1, "y": 1}, {"x": 1}]}"#, "test.json: gradients[1]: misses param 'y'"),
        (#"{"topic": "optimizer", "params": {"x": 1}, "gradients": [{"x": 1, "xx": 1}]}"#, "test.json: gradients[0].xx: 'xx' is not a param"),
        (#"{"topic": "optimizer", "params": {"x": 1}, "objective": "x*z"}"#, "test.json: objective: 'z' is not a param"),
        (#"{"topic": "optimizer", "params": {"x": 1}, "gradients": [{"x": 1}], "steps": 2}"#, "test.json: steps: must equal the number of gradients given (1), got 2"),
        (#"{"topic": "optimizer", "rule": "adam", "params": {"x": 1}, "objective": "x^2", "momentum": 0.9}"#, "test.json: momentum: rule 'adam' does not use 'momentum' (it takes learning_rate, beta1, beta2, eps, weight_decay, l1)"),
        (#"{"topic": "optimizer", "params": {"x": 1}, "objective": "x^2", "eps": 1e-8}"#, "test.json: eps: rule 'sgd' does not use 'eps' (it takes learning_rate, weight_decay, l1)"),
        (#"{"topic": "optimizer", "rule": "adam", "params": {"x": 1}, "objective": "x^2", "beta1": 1}"#, "test.json: beta1: must be a number in [0, 1), got 1"),
        (#"{"topic": "optimizer", "params": {"x": 1}, "objective": "x^2", "learning_rate": 0}"#, "test.json: learning_rate: must be a positive number, got 0"),
        (#"{"topic": "optimizer", "params": {"x": 1}, "objective": "x^2", "weight_decay": -1}"#, "test.json: weight_decay: must be a number ≥ 0, got -1"),
        (#"{"topic": "optimizer", "params": {"2x": 1}, "gradients": [{"2x": 1}]}"#, "test.json: params[\"2x\"]: '2x' is not a variable name (a letter or _, then letters, digits or _)"),
        (#"{"topic": "optimizer", "params": {}, "gradients": [{}]}"#, "test.json: params: must name at least one param, got an empty object"),
        (#"{"topic": "optimizer", "params": {"x": 1}, "objective": "log(x)", "steps": 3, "learning_rate": 1}"#, "test.json: steps[1]: f or its gradient at step 2: log of a non-positive value (0)"),
        // x: 1, -39, 2372721, ≈ -5.3e20, ≈ 6e63, ≈ -8.6e192, where x⁴ overflows: step 6.
        (#"{"topic": "optimizer", "params": {"x": 1}, "objective": "x^4", "steps": 20, "learning_rate": 10}"#, "test.json: steps[5]: f or its gradient at step 6: value overflowed to infinity"),
        (#"{"topic": "optimizer", "params": {"x": 1}, "objective": "x^2", "learnig_rate": 1}"#, "test.json: learnig_rate: unknown field 'learnig_rate' (did you mean 'learning_rate'?)"),
    ])
    func contractErrorsAreLocated(json: String, line: String) {
        #expect(errorLine(json: json) == line)
    }

    /// Generated problems: 2–5 steps, start values with at most one decimal,
    /// and the rule and objective each difficulty promises.
    @Test(arguments: Difficulty.allCases)
    func generatedProblemsAreHandSolvable(difficulty: Difficulty) throws {
        var random = RandomSource(seed: 99)
        for _ in 0..<100 {
            let problem = OptimizerTopic.generate(&random, difficulty: difficulty)
            #expect((2...5).contains(problem.stepCount))
            for (_, value) in problem.params { #expect((value * 10).rounded() == value * 10) }
            switch difficulty {
            case .easy: #expect([.sgd, .momentum].contains(problem.rule) && problem.params.count == 1)
            case .standard: #expect([.adam, .rmsprop].contains(problem.rule) && problem.params.count == 2)
            case .hard: #expect([.nesterov, .adam].contains(problem.rule) && problem.weightDecay > 0)
            }
            let solution = try OptimizerTopic.solve(problem)
            #expect(solution.run.final.allSatisfy { $0.isFinite })
            if difficulty == .easy, case .number(let g, _)? = OptimizerTopic.answers(solution).at("steps", 0, "gradient", "x")?.kind {
                #expect(g == g.rounded())  // an integer gradient at an integer start
            }
        }
    }

    @Test func standardSheetShowsAdamsBiasCorrectionAndThePath() throws {
        var options = Sheet.Options()
        options.format = .html
        var found = false
        for seed in 1...10 {
            let problems = try ProblemSolver.generate(topic: "optimizer", count: 1, seed: UInt64(seed), difficulty: .standard)
            guard problems[0].problem.at("rule") == .string("adam") else { continue }
            let html = Sheet(problems: problems, options: options).render()
            #expect(html.contains("<svg") && html.contains("class=\"contour\""))
            #expect(html.contains("Bias correction"))
            found = true
            break
        }
        #expect(found)
    }
}

/// Every worked step of generated optimizer problems can be redone from its
/// shown operands within one unit of the result's last shown digit.
@Suite struct OptimizerReproducibilityTests {
    @Test(arguments: Difficulty.allCases)
    func everyShownStepCanBeRedone(difficulty: Difficulty) throws {
        #expect(expectRedoable(try shownFormulas(OptimizerTopic.self, difficulty: difficulty, count: 60, steps: true)) > 200)
    }
}
