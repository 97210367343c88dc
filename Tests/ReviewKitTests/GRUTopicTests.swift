import Foundation
import Testing
@testable import ReviewKit

/// `gru` against numbers computed outside the program: an independent
/// python3 loop of PyTorch's documented nn.GRU equations (W_i* = `Ux`,
/// W_h* = `Wh`, b_h* = 0), with the spec's other conventions (reset before:
/// Cho et al./Keras; z on the candidate: Chung et al.) as its variants; and
/// every generated problem against a plain loop written here.
@Suite struct GRUTopicTests {
    static let problems = LSTMTopicTests.problems

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

    /// scripts/reference/gru_conventions.py problems/gru-contract-example.json, "after previous" (PyTorch's nn.GRU).
    @Test func theContractExampleMatchesPyTorch() throws {
        let a = try answers("gru-contract-example.json")
        expectRows(a.at("pre_activations", "r"), [[1.75, -0.9500000000000001]], "a_r")
        expectRows(a.at("pre_activations", "z"), [[0.7999999999999999, 0.15]], "a_z")
        expectRows(a.at("pre_activations", "h_tilde"), [[0.8519528019683106, -1.5091636164828526]], "a_h")
        expectRows(a.at("r"), [[0.8519528019683106, 0.2788848219771369]], "r")
        expectRows(a.at("z"), [[0.6899744811276125, 0.5374298453437496]], "z")
        expectRows(a.at("h_tilde"), [[0.692088282267254, -0.9067905124095232]], "h~")
        expectRows(a.at("h"), [[0.5595522693792111, -0.9568840729098433]], "h")
    }

    /// The same file under the three other conventions (the python loop's variants).
    @Test(arguments: [
        ("after", "candidate", [0.6325360128880431, -0.9499064394996799], [0.8519528019683106, -1.5091636164828526]),
        ("before", "previous", [0.5037162427212327, -0.9434524890793324], [0.5654188119727237, -1.3658966214850592]),
        ("before", "candidate", [0.5082706502763155, -0.9343011654713168], [0.5654188119727237, -1.3658966214850592]),
    ])
    func eachConventionMatchesItsEquations(reset: String, zWeights: String, h: [Double], candidatePre: [Double]) throws {
        var text = try String(contentsOf: Self.problems.appendingPathComponent("gru-contract-example.json"), encoding: .utf8)
        text = text.replacingOccurrences(of: #""reset": "after", "z_weights": "previous""#, with: #""reset": "\#(reset)", "z_weights": "\#(zWeights)""#)
        let a = try solve(json: text)[0].answers
        expectRows(a.at("h"), [h], "h")
        expectRows(a.at("pre_activations", "h_tilde"), [candidatePre], "a_h")
    }

    /// scripts/reference/gru_conventions.py on the file with r's stacked W split: reset before, z on the candidate, two steps.
    @Test func twoStepsResetBeforeAndStackedWeights() throws {
        let a = try answers("gru-reset-before-two-steps.json")
        expectRows(a.at("pre_activations", "r"), [[0.75, -0.65], [0.4151901069300433, 2.116566668023363]], "a_r")
        expectRows(a.at("pre_activations", "h_tilde"), [[1.1110841182509472, 1.084047290462223], [1.698454371171738, -1.612220216991877]], "a_h")
        expectRows(a.at("z"), [[0.740774899182154, 0.679178699175393], [0.13737836106529988, 0.7277889330020483]], "z")
        expectRows(a.at("h"), [[0.7255254183346895, 0.3793293771907076], [0.7543323079957411, -0.5688462922266692]], "h")
    }

    @Test(arguments: Difficulty.allCases)
    func generatedStepsMatchAPlainLoop(difficulty: Difficulty) throws {
        for seed in 0..<100 {
            let problem = try #require(try ProblemSolver.generate(topic: "gru", count: 1, seed: UInt64(seed), difficulty: difficulty).first)
            let p = problem.problem
            let x = try #require(p.at("x")?.matrix)
            var h = try #require(p.at("h0")?.doubles)
            let n = h.count
            let before = p.at("reset") == .string("before"), onCandidate = p.at("z_weights") == .string("candidate")
            func gate(_ q: String) throws -> (wh: [[Double]], ux: [[Double]], b: [Double]) {
                let b = try #require(p.at("gates", q, "b")?.doubles)
                if let w = p.at("gates", q, "W")?.matrix { return (w.map { Array($0[0..<n]) }, w.map { Array($0[n...]) }, b) }
                return (try #require(p.at("gates", q, "Wh")?.matrix), try #require(p.at("gates", q, "Ux")?.matrix), b)
            }
            let (gr, gz, gh) = (try gate("r"), try gate("z"), try gate("h_tilde"))
            func times(_ m: [[Double]], _ v: [Double]) -> [Double] { m.map { row in zip(row, v).reduce(0) { $0 + $1.0 * $1.1 } } }
            let sig = { (a: Double) in 1 / (1 + Foundation.exp(-a)) }
            var hs: [[Double]] = []
            for xt in x {
                let (rh, rx, zh, zx) = (times(gr.wh, h), times(gr.ux, xt), times(gz.wh, h), times(gz.ux, xt))
                let r: [Double] = (0..<n).map { k in sig(rh[k] + rx[k] + gr.b[k]) }
                let z: [Double] = (0..<n).map { k in sig(zh[k] + zx[k] + gz.b[k]) }
                let scaled: [Double] = (0..<n).map { k in r[k] * h[k] }
                let wh = times(gh.wh, h)
                let recurrent: [Double] = before ? times(gh.wh, scaled) : (0..<n).map { k in r[k] * wh[k] }
                let ux = times(gh.ux, xt)
                let candidate: [Double] = (0..<n).map { k in Foundation.tanh(ux[k] + recurrent[k] + gh.b[k]) }
                var next: [Double] = []
                for k in 0..<n {
                    let (keep, take): (Double, Double) = onCandidate ? (1 - z[k], z[k]) : (z[k], 1 - z[k])
                    next.append(keep * h[k] + take * candidate[k])
                }
                h = next
                hs.append(h)
            }
            for (got, want) in zip(problem.answers.at("h")?.matrix ?? [], hs) {
                for (a, b) in zip(got, want) { #expect(close(a, b, tolerance: 1e-12), "seed \(seed): h \(a) vs \(b)") }
            }
        }
    }

    @Test func generatedProblemsFollowTheContract() throws {
        for difficulty in Difficulty.allCases {
            var conventions = Set<String>()
            for problem in try ProblemSolver.generate(topic: "gru", count: 30, seed: 9, difficulty: difficulty) {
                let p = problem.problem
                let x = try #require(p.at("x")?.matrix), h0 = try #require(p.at("h0")?.doubles)
                #expect(x.count <= 3 && h0.count <= 3 && x[0].count <= 3)
                #expect(h0.allSatisfy { $0 != 0 })
                conventions.insert("\(p.at("reset")!) \(p.at("z_weights")!)")
                if difficulty == .standard {
                    let w = try #require(p.at("gates", "h_tilde", "Wh")?.matrix)
                    #expect(w[0][1] != 0 || w[1][0] != 0, "reset placement must matter")
                }
            }
            if difficulty == .hard {
                #expect(!conventions.contains(#""after" "previous""#) && conventions.count >= 2, "\(conventions)")
            }
        }
    }

    @Test func misfitsAndConventionsAreLocated() {
        let ok = #""Wh": [[1, 0], [0, 1]], "Ux": [[1], [0]]"#
        func problem(_ gates: String, extra: String = "") -> String {
            #"{"topic": "gru", "x": [[1]]\#(extra), "gates": {\#(gates)}}"#
        }
        #expect(errorLine(json: problem(#""r": {\#(ok)}, "z": {"Wh": [[1, 0]], "Ux": [[1], [0]]}, "h_tilde": {\#(ok)}"#))
            == "test.json: gates.z.Wh: 1×2, expected 2×2")
        #expect(errorLine(json: problem(#""r": {\#(ok)}, "z": {\#(ok)}, "h_tilde": {\#(ok), "peephole": [1, 1]}"#))
            == "test.json: gates.h_tilde.peephole: unknown field 'peephole'; expected one of: Wh, Ux, W, b")
        #expect(errorLine(json: problem(#""r": {\#(ok)}, "z": {\#(ok)}, "h": {\#(ok)}"#))
            == "test.json: gates.h: unknown field 'h'; expected one of: r, z, h_tilde")
        #expect(errorLine(json: problem(#""r": {\#(ok)}, "z": {\#(ok)}, "h_tilde": {\#(ok)}"#, extra: #", "h0": [1, 2, 3]"#))
            == "test.json: h0: 3 entries, expected 2")
        #expect(errorLine(json: problem(#""r": {\#(ok)}, "z": {\#(ok)}, "h_tilde": {\#(ok)}"#, extra: #", "reset": "middle""#))?
            .hasPrefix("test.json: reset: must be one of") == true)
        #expect(errorLine(json: problem(#""r": {\#(ok)}, "z": {\#(ok)}, "h_tilde": {\#(ok)}"#, extra: #", "z_weight": "previous""#))
            == "test.json: z_weight: unknown field 'z_weight' (did you mean 'z_weights'?)")
    }

    @Test func slipsGiveTheOtherConventionsAnswers() throws {
        let text = try String(contentsOf: Self.problems.appendingPathComponent("gru-contract-example.json"), encoding: .utf8)
        let value = try JSONParser.parse(Array(text.utf8))
        let problem = try GRUTopic.decode(try Field(value: value, path: .root).object(allowedKeys: ["topic", "title"] + GRUTopic.fields))
        var other = problem
        other.zWeights = .candidate
        #expect(try GRUTopic.slipAnswers(problem, .zSwapped) == GRUTopic.answers(try GRUSolver.solve(other)))
        other = problem
        other.reset = .before
        #expect(try GRUTopic.slipAnswers(problem, .resetMisplaced) == GRUTopic.answers(try GRUSolver.solve(other)))
        let forgot = try GRUSolver.solve(problem, slip: .resetForgotten)
        var noReset = problem
        noReset.gates[0] = GateParameters(wh: [[0, 0], [0, 0]], ux: [[0, 0], [0, 0]], b: [1e3, 1e3])  // σ(1000) = 1
        #expect(forgot[0].h == (try GRUSolver.solve(noReset))[0].h)
        #expect(GRUTopic.Slip.allCases.map(\.rawValue) == ["z-swapped", "reset-misplaced", "reset-forgotten"])
    }
}
