import Foundation
import Testing
@testable import ReviewKit

/// `lstm` against numbers computed outside the program: the contract's
/// example and a peephole example by an independent python3 loop of the
/// documented equations (PyTorch's nn.LSTM with W_i* = `Ux`, W_h* = `Wh`,
/// b_h* = 0; Graves 2012 for the peepholes), and every generated problem
/// against a plain loop written here.
@Suite struct LSTMTopicTests {
    static let problems = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("problems")

    private func answers(_ file: String) throws -> JSONValue {
        try ProblemSolver.solve(files: [Self.problems.appendingPathComponent(file).path])[0].answers
    }

    private func expectRows(_ value: JSONValue?, _ expected: [[Double]], _ what: String) {
        let rows = value?.matrix
        #expect(rows?.count == expected.count, "\(what)")
        for (row, want) in zip(rows ?? [], expected) {
            for (got, w) in zip(row, want) { #expect(close(got, w, tolerance: 1e-12), "\(what): \(got) vs \(w)") }
        }
    }

    /// scripts/reference/lstm_pytorch_equations.py: the contract's two steps.
    @Test func theContractExampleMatchesPyTorchsEquations() throws {
        let a = try answers("lstm-contract-example.json")
        expectRows(a.at("pre_activations", "i"), [[1.1, 0], [0.41576272353649424, 1.0500991226239769]], "a_i")
        expectRows(a.at("pre_activations", "f"), [[1.5, 0.5], [1.5624476894708619, 1.3606414885020803]], "a_f")
        expectRows(a.at("pre_activations", "o"), [[1, 0.7], [-0.9114454663624942, 0.2878496784010689]], "a_o")
        expectRows(a.at("pre_activations", "g"), [[1, -1.1], [0.6256002341781608, 0.7359443548083103]], "a_g")
        expectRows(a.at("i"), [[0.7502601055951177, 0.5], [0.6024688635453982, 0.7407939329923867]], "i")
        expectRows(a.at("f"), [[0.8175744761936437, 0.6224593312018546], [0.8267042999673903, 0.795863936624817]], "f")
        expectRows(a.at("o"), [[0.7310585786300049, 0.6681877721681662], [0.28670414121244436, 0.571469617292008]], "o")
        expectRows(a.at("g"), [[0.7615941559557649, -0.8004990217606297], [0.5550151976302657, 0.626688581726613]], "g")
        expectRows(a.at("c"), [[0.5713937118679967, -0.40024951088031485], [0.8067530139423317, 0.14570294785731347]], "c")
        expectRows(a.at("h"), [[0.3775055577709194, -0.25401988930206904], [0.19145963982907213, 0.08268054949689867]], "h")
    }

    /// scripts/reference/lstm_graves_peepholes.py (problems/lstm-peephole-one-unit.json): peepholes on i, f (old cell) and o (new
    /// cell), the input gate given as one W on [h, x].
    @Test func peepholesFollowGraves() throws {
        let a = try answers("lstm-peephole-one-unit.json")
        expectRows(a.at("pre_activations", "i"), [[1.1500000000000001], [-0.657261757782233]], "a_i")
        expectRows(a.at("pre_activations", "f"), [[1.65], [0.09779589442374881]], "a_f")
        expectRows(a.at("pre_activations", "o"), [[0.15946586335848412], [0.6178487361102225]], "a_o")
        expectRows(a.at("pre_activations", "g"), [[1.3], [-1.033455242281434]], "a_g")
        expectRows(a.at("c"), [[0.31893172671696823], [-0.09739204321668679]], "c")
        expectRows(a.at("h"), [[0.16654475771856586], [-0.06307913284988766]], "h")
    }

    /// A plain loop, written here from the equations, on 100 generated
    /// problems of each difficulty (stacked gates and peepholes included).
    @Test(arguments: Difficulty.allCases)
    func generatedStepsMatchAPlainLoop(difficulty: Difficulty) throws {
        for seed in 0..<100 {
            let problem = try #require(try ProblemSolver.generate(topic: "lstm", count: 1, seed: UInt64(seed), difficulty: difficulty).first)
            let p = problem.problem
            let x = try #require(p.at("x")?.matrix)
            var h = try #require(p.at("h0")?.doubles), c = try #require(p.at("c0")?.doubles)
            let n = h.count
            func gate(_ q: String) throws -> (wh: [[Double]], ux: [[Double]], b: [Double], p: [Double]?) {
                let b = try #require(p.at("gates", q, "b")?.doubles)
                let peephole = p.at("gates", q, "peephole")?.doubles
                if let w = p.at("gates", q, "W")?.matrix {
                    return (w.map { Array($0[0..<n]) }, w.map { Array($0[n...]) }, b, peephole)
                }
                return (try #require(p.at("gates", q, "Wh")?.matrix), try #require(p.at("gates", q, "Ux")?.matrix), b, peephole)
            }
            let gates = try ["i", "f", "o", "g"].map(gate)
            var hs: [[Double]] = [], cs: [[Double]] = []
            for xt in x {
                func pre(_ k: Int, _ cell: [Double]) -> [Double] {
                    (0..<n).map { r in
                        var s = gates[k].b[r]
                        for j in 0..<n { s += gates[k].wh[r][j] * h[j] }
                        for j in xt.indices { s += gates[k].ux[r][j] * xt[j] }
                        if let p = gates[k].p { s += p[r] * cell[r] }
                        return s
                    }
                }
                let sig = { (a: Double) in 1 / (1 + Foundation.exp(-a)) }
                let i = pre(0, c).map(sig), f = pre(1, c).map(sig), g = pre(3, c).map(Foundation.tanh)
                let newC = (0..<n).map { f[$0] * c[$0] + i[$0] * g[$0] }
                let o = pre(2, newC).map(sig)
                h = (0..<n).map { o[$0] * Foundation.tanh(newC[$0]) }
                c = newC
                hs.append(h)
                cs.append(c)
            }
            for (got, want) in zip(problem.answers.at("h")?.matrix ?? [], hs) {
                for (a, b) in zip(got, want) { #expect(close(a, b, tolerance: 1e-12), "seed \(seed): h \(a) vs \(b)") }
            }
            for (got, want) in zip(problem.answers.at("c")?.matrix ?? [], cs) {
                for (a, b) in zip(got, want) { #expect(close(a, b, tolerance: 1e-12), "seed \(seed): c \(a) vs \(b)") }
            }
        }
    }

    @Test func generatedProblemsAreHandSized() throws {
        for difficulty in Difficulty.allCases {
            for problem in try ProblemSolver.generate(topic: "lstm", count: 30, seed: 5, difficulty: difficulty) {
                let x = try #require(problem.problem.at("x")?.matrix)
                let n = try #require(problem.problem.at("h0")?.doubles).count
                #expect(x.count <= 3 && n <= 3 && x[0].count <= 3)
                if difficulty == .easy { #expect(x.count == 1 && n == 1 && x[0].count == 1) }
                if difficulty == .hard { #expect(x.count >= 2 && n == 2) }
            }
        }
    }

    @Test func theStackedFormIsTheSameCell() throws {
        let split = #"{"topic": "lstm", "x": [[1, 2]], "h0": [0.5], "gates": {"i": {"Wh": [[1]], "Ux": [[0.5, -1]]}, "f": {"Wh": [[1]], "Ux": [[1, 1]]}, "o": {"Wh": [[1]], "Ux": [[1, 1]]}, "g": {"Wh": [[-1]], "Ux": [[1, 0]]}}}"#
        let stacked = split.replacingOccurrences(of: #"{"Wh": [[1]], "Ux": [[0.5, -1]]}"#, with: #"{"W": [[1, 0.5, -1]]}"#)
        #expect(stacked != split)
        #expect(try solve(json: split)[0].answers == (try solve(json: stacked)[0].answers))
        // The echoed problem keeps the form it was given in.
        #expect(try solve(json: stacked)[0].problem.at("gates", "i", "W") != nil)
    }

    @Test func misfitsNameTheFieldAndBothSizes() {
        func problem(_ gates: String, extra: String = "") -> String {
            #"{"topic": "lstm", "x": [[1, 0]]\#(extra), "gates": {\#(gates)}}"#
        }
        let ok = #""Wh": [[1, 0], [0, 1]], "Ux": [[1, 0], [0, 1]]"#
        let gates = { (f: String) in #""i": {\#(ok)}, "f": {\#(f)}, "o": {\#(ok)}, "g": {\#(ok)}"# }
        #expect(errorLine(json: problem(gates(#""Wh": [[1, 0, 0], [0, 1, 0]], "Ux": [[1, 0], [0, 1]]"#)))
            == "test.json: gates.f.Wh: 2×3, expected 2×2")
        #expect(errorLine(json: problem(gates(#""Wh": [[1, 0], [0, 1]], "Ux": [[1], [0]]"#)))
            == "test.json: gates.f.Ux: 2×1, expected 2×2")
        #expect(errorLine(json: problem(gates(#""W": [[1, 0, 0], [0, 1, 0]]"#)))
            == "test.json: gates.f.W: 2×3, expected 2×4")
        #expect(errorLine(json: problem(gates(#"\#(ok), "b": [1, 2, 3]"#)))
            == "test.json: gates.f.b: 3 entries, expected 2")
        #expect(errorLine(json: problem(gates(ok), extra: #", "h0": [1]"#)) == "test.json: h0: 1 entry, expected 2")
        #expect(errorLine(json: problem(gates(ok), extra: #", "c0": [1, 2, 3]"#)) == "test.json: c0: 3 entries, expected 2")
        #expect(errorLine(json: problem(gates(#"\#(ok), "W": [[1, 0, 0, 0], [0, 1, 0, 0]]"#)))
            == "test.json: gates.f.W: give either 'W' (on [h, x]) or 'Wh' and 'Ux', not both")
        #expect(errorLine(json: problem(#""i": {\#(ok)}, "f": {\#(ok)}, "o": {\#(ok)}, "g": {\#(ok), "peephole": [1, 1]}"#))
            == "test.json: gates.g.peephole: the candidate g has no peephole (peepholes feed the cell to the gates i, f and o)")
        #expect(errorLine(json: problem(#""i": {\#(ok)}, "f": {\#(ok)}, "o": {\#(ok)}"#))
            == "test.json: gates: missing required field 'g'")
        #expect(errorLine(json: problem(#""i": {\#(ok)}, "f": {\#(ok)}, "o": {\#(ok)}, "g": {\#(ok), "Uxx": 1}"#))
            == "test.json: gates.g.Uxx: unknown field 'Uxx' (did you mean 'Ux'?)")
        #expect(errorLine(json: #"{"topic": "lstm", "x": [], "gates": {}}"#)
            == "test.json: x: must have at least one row (one per step), got an empty matrix")
        #expect(errorLine(json: #"{"topic": "lstm", "x": [[1]], "gates": {"i": {"Wh": [[1e308]], "Ux": [[1e308]]}, "f": {"Wh": [[1]], "Ux": [[1]]}, "o": {"Wh": [[1]], "Ux": [[1]]}, "g": {"Wh": [[1]], "Ux": [[1]]}}, "h0": [1e308]}"#)
            == "test.json: gates.i: the pre-activation of this gate overflows at step 1")
    }

    /// Each of the contract's slips gives answers that differ from the right
    /// ones on the contract's example, in the way the contract says.
    @Test func slipsGiveTheContractsWrongAnswers() throws {
        let problem = try LSTMTopic.decode(try lstmObject())
        let right = try LSTMSolver.solve(problem)
        let noTanh = try LSTMSolver.solve(problem, slip: .tanhCellForgotten)
        #expect(noTanh[0].h == zip(right[0].value(.o), right[0].c).map { $0 * $1 })
        let swapped = try LSTMSolver.solve(problem, slip: .forgetInputSwapped)
        #expect(swapped[0].c == zip(right[0].value(.i), right[0].cPrevious).map { $0 * $1 }
            .enumerated().map { $1 + right[0].value(.f)[$0] * right[0].value(.g)[$0] })
        let sigmoid = try LSTMSolver.solve(problem, slip: .sigmoidCandidate)
        #expect(sigmoid[0].value(.g) == right[0].preValues[3].map(Activation.sigmoid.value))
        for slip in LSTMTopic.Slip.allCases {
            #expect(try LSTMTopic.slipAnswers(problem, slip) != LSTMTopic.answers(right), "\(slip.rawValue)")
        }
        #expect(LSTMTopic.Slip.allCases.map(\.rawValue) == ["tanh-cell-forgotten", "forget-input-swapped", "sigmoid-candidate"])
    }

    private func lstmObject() throws -> ObjectFields {
        let text = try String(contentsOf: Self.problems.appendingPathComponent("lstm-contract-example.json"), encoding: .utf8)
        let value = try JSONParser.parse(Array(text.utf8))
        return try Field(value: value, path: .root).object(allowedKeys: ["topic", "title"] + LSTMTopic.fields)
    }
}
