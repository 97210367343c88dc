import Testing
@testable import ReviewKit

/// The backprop topic end to end through the problem-file reader, against
/// published worked examples.
@Suite struct BackpropTopicTests {
    @Test func courseNotesExample() throws {
        // Course notes: f = x*(x+y) at x=2, y=1 → 6, ∂f/∂x = 5, ∂f/∂y = 2.
        let worked = try solve(json: #"{"topic": "backprop", "expression": "x*(x+y)", "values": {"x": 2, "y": 1}}"#)
        let answers = worked[0].answers
        #expect(answers.at("value")?.double == 6)
        #expect(answers.at("gradient", "x")?.double == 5)
        #expect(answers.at("gradient", "y")?.double == 2)
        #expect(worked[0].steps.first?.id == "z")
        #expect(worked[0].steps.first?.substituted == "z = 2 + 1")
    }

    @Test func cs231nSimpleCircuit() throws {
        // CS231n: f = (x+y)*z at x=-2, y=5, z=-4 → -12; gradients -4, -4, 3.
        let worked = try solve(json: #"{"topic": "backprop", "expression": "(x+y)*z", "values": {"x": -2, "y": 5, "z": -4}}"#)
        let answers = worked[0].answers
        #expect(answers.at("value")?.double == -12)
        #expect(answers.at("gradient", "x")?.double == -4)
        #expect(answers.at("gradient", "y")?.double == -4)
        #expect(answers.at("gradient", "z")?.double == 3)
    }

    @Test func cs231nSigmoidNeuron() throws {
        // CS231n: w = [2, -3, -3], x = [-1, -2] → 0.73; published gradients
        // dx = [0.39, -0.59], dw = [-0.20, -0.39, 0.20].
        let worked = try solve(json: """
            {"topic": "backprop", "expression": "1/(1+exp(-(w0*x0+w1*x1+w2)))",
             "values": {"w0": 2, "x0": -1, "w1": -3, "x1": -2, "w2": -3}}
            """)
        let answers = worked[0].answers
        #expect(close(answers.at("value")?.double, 0.73, tolerance: 0.005))
        #expect(close(answers.at("gradient", "w0")?.double, -0.20, tolerance: 0.005))
        #expect(close(answers.at("gradient", "x0")?.double, 0.39, tolerance: 0.005))
        #expect(close(answers.at("gradient", "w1")?.double, -0.39, tolerance: 0.005))
        #expect(close(answers.at("gradient", "x1")?.double, -0.59, tolerance: 0.005))
        #expect(close(answers.at("gradient", "w2")?.double, 0.20, tolerance: 0.005))
    }

    @Test func wrtSelectsAndOrdersGradients() throws {
        let worked = try solve(json: #"{"topic": "backprop", "expression": "x*(x+y)", "values": {"x": 2, "y": 1}, "wrt": ["y"]}"#)
        guard case .object(let members) = worked[0].answers.at("gradient")?.kind else {
            Issue.record("no gradient object"); return
        }
        #expect(members.map(\.key) == ["y"])
    }

    @Test func errorsNameTheFileAndThePath() {
        #expect(errorLine(json: #"{"topic": "backprop", "expression": "x*(x+", "values": {"x": 2}}"#)
            == "test.json: expression: column 6: unexpected end of expression")
        #expect(errorLine(json: #"{"topic": "backprop", "expression": "x*y", "values": {"x": 2}}"#)
            == "test.json: values: no value given for variable 'y'")
        #expect(errorLine(json: #"{"topic": "backprop", "expression": "x*y", "values": {"x": 2, "y": 1, "z": 3}}"#)
            == "test.json: values.z: 'z' is not a variable of the expression")
        #expect(errorLine(json: #"[{"topic": "backprop", "expression": "x", "values": {"x": 1}}, {"topic": "backprop", "expression": "log(x)", "values": {"x": 0}}]"#)?
            .hasPrefix("test.json: [1].expression: column 1: ") == true)
        #expect(errorLine(json: #"{"problems": [{"topic": "backprop", "expression": "x", "values": {"x": 1}, "wrt": ["q"]}]}"#)
            == "test.json: problems[0].wrt[0]: 'q' is not a variable of the expression")
        #expect(errorLine(json: #"{"topic": "backprob", "expression": "x"}"#)
            == "test.json: topic: unknown topic 'backprob' (did you mean 'backprop'?)")
        #expect(errorLine(json: #"{"topic": "backprop", "expresion": "x"}"#)
            == "test.json: expresion: unknown field 'expresion' (did you mean 'expression'?)")
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        // 30,000 levels: far past the parser's 256, within the 64 KiB an expression may have.
        let deep = String(repeating: "(", count: 30_000) + "x" + String(repeating: ")", count: 30_000)
        let line = errorLine(json: #"{"topic": "backprop", "expression": "\#(deep)", "values": {"x": 1}}"#)
        #expect(line?.contains("nested too deeply") == true)
    }

    @Test func generatedProblemsRoundTripThroughTheirJSON() throws {
        for difficulty in Difficulty.allCases {
            let generated = try ProblemSolver.generate(topic: "backprop", count: 15, seed: 11, difficulty: difficulty)
            for problem in generated {
                let again = try solve(json: JSONWriter.compact(problem.problem))
                #expect(again[0].answers == problem.answers, "\(JSONWriter.compact(problem.problem))")
            }
        }
    }

    @Test func generatedProblemsAvoidKinksAndTies() throws {
        let generated = try ProblemSolver.generate(topic: "backprop", count: 60, seed: 3, difficulty: .hard)
        for problem in generated {
            let text = Sheet(problems: [problem], options: .init()).render()
            #expect(!text.contains("Convention"), "\(JSONWriter.compact(problem.problem))")
        }
    }
}
