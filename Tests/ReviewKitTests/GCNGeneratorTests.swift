import Testing
@testable import ReviewKit

/// Generated gcn problems: round trip, hand-solvable shapes, difficulty, and
/// the worked sheet's exact forms.
@Suite struct GCNGeneratorTests {
    @Test func generatedProblemsRoundTripThroughTheirJSON() throws {
        for difficulty in Difficulty.allCases {
            for problem in try ProblemSolver.generate(topic: "gcn", count: 25, seed: 11, difficulty: difficulty) {
                let again = try solve(json: JSONWriter.compact(problem.problem))
                #expect(again[0].answers == problem.answers, "\(JSONWriter.compact(problem.problem))")
            }
        }
    }

    @Test func generatedProblemsAreSmallConnectedAndIntegral() throws {
        let sizes: [Difficulty: ClosedRange<Int>] = [.easy: 3...4, .standard: 3...4, .hard: 4...5]
        for difficulty in Difficulty.allCases {
            for problem in try ProblemSolver.generate(topic: "gcn", count: 40, seed: 5, difficulty: difficulty) {
                let json = JSONWriter.compact(problem.problem)
                let a = problem.steps.first { $0.id == "A" }?.value.matrix ?? []
                let h = problem.problem["features"]?.matrix ?? []
                let w = problem.problem["weights"]?.matrix ?? []
                #expect(sizes[difficulty]!.contains(a.count), "\(json)")
                #expect((2...3).contains(h.first?.count ?? 0), "\(json)")
                #expect((h + w + a).allSatisfy { $0.allSatisfy { $0 == $0.rounded() } }, "\(json)")
                #expect(isConnected(a), "\(json)")
                #expect(problem.answers.at("degrees")?.doubles?.allSatisfy { $0 >= 1 } == true, "\(json)")
                if difficulty == .easy {
                    #expect([JSONValue.string("none"), .string("row")].contains(problem.problem["normalization"]), "\(json)")
                }
            }
        }
    }

    @Test func seedsGiveDifferentProblemsAndTheSameSeedTheSame() throws {
        let first = try ProblemSolver.generate(topic: "gcn", count: 10, seed: 1, difficulty: .standard)
        let again = try ProblemSolver.generate(topic: "gcn", count: 10, seed: 1, difficulty: .standard)
        let other = try ProblemSolver.generate(topic: "gcn", count: 10, seed: 2, difficulty: .standard)
        #expect(first.map(\.problem) == again.map(\.problem))
        #expect(first.map(\.problem) != other.map(\.problem))
        #expect(Set(first.map { JSONWriter.compact($0.problem) }).count >= 8)
    }

    @Test func hardProblemsUseEveryFeature() throws {
        let generated = try ProblemSolver.generate(topic: "gcn", count: 80, seed: 9, difficulty: .hard)
        let problems = generated.map(\.problem)
        #expect(problems.contains { $0["edges"] != nil })
        #expect(problems.contains { $0["directed"] == .bool(true) })
        #expect(problems.contains { $0["self_loops"] == .bool(false) })
        #expect(problems.contains { $0["activation"] == .string("tanh") })
        #expect(problems.contains { $0["activation"] == .string("sigmoid") })
        #expect(problems.allSatisfy { $0["bias"] != nil })
    }

    @Test func workedSheetShowsExactFormsAndNodeZero() throws {
        // problems/gcn-path-3.json by hand: d̃ = (2, 3, 2), Â_01 = 1/√(2·3) = 1/√6 ≈ 0.40825
        // (4 significant figures: 0.4082); Â_11 = 1/√(3·3) = 1/3, which the number
        // policy shows as the fraction itself; H' = ReLU(Z) with Z_00 = 1/2 + 2/√6 ≈ 1.3165 → 1.316,
        // Z_10 ≈ 2.2997 → 2.3, Z_20 ≈ 2.3165 → 2.316.
        let worked = try solve(json: try fileText("gcn-path-3.json"))
        let text = Sheet(problems: worked, options: .init()).render()
        #expect(text.contains(#"\hat{A}_{\text{01}} = \frac{1}{\sqrt{6}} \approx 0.4082"#))
        #expect(text.contains(#"| $\frac{1}{\sqrt{3 \cdot 3}}$ | $\frac{1}{3}$ |"#))
        #expect(text.contains("node 0 gathers from nodes 0 and 1"))
        #expect(text.contains(#"\tilde{d}_{1} = 1 + 1 + 1 = 3"#))
        #expect(text.contains(#"H' \approx \begin{bmatrix} 1.316 & 0 \\ 2.3 & 0 \\ 2.316 & 0 \end{bmatrix}"#))
    }

    @Test func exactForms() {
        // 1/√6; 1/√4 = 1/2; 1/√8 = 1/(2√2); 2/√2 = √2; 2/√8 = 1/√2; 1/√9 = 1/3; 3/√12 = 3/(2√3) = √3/2.
        #expect(GCNExactForms.overSquareRoot(1, 6) == .frac(1, .sqrt(6)))
        #expect(GCNExactForms.overSquareRoot(1, 4) == .frac(1, 2))
        #expect(GCNExactForms.overSquareRoot(1, 8) == .frac(1, .juxtapose(2, .sqrt(2))))
        #expect(GCNExactForms.overSquareRoot(2, 2) == .sqrt(2))
        #expect(GCNExactForms.overSquareRoot(2, 8) == .frac(1, .sqrt(2)))
        #expect(GCNExactForms.overSquareRoot(1, 9) == .frac(1, 3))
        #expect(GCNExactForms.overSquareRoot(3, 12) == .frac(.sqrt(3), 2))
        #expect(GCNExactForms.overSquareRoot(1, 1) == 1)
        #expect(GCNExactForms.overSquareRoot(0.5, 2) == nil)
        #expect(GCNExactForms.overSquareRoot(1, 1000) == nil)
        #expect(LaTeXFormulaWriter().write(GCNExactForms.overSquareRoot(1, 8)!) == #"\frac{1}{2 \sqrt{2}}"#)
    }

    /// Connected when edges are read both ways (a directed graph counts if
    /// its underlying undirected graph is connected).
    private func isConnected(_ a: [[Double]]) -> Bool {
        guard !a.isEmpty else { return false }
        var seen: Set<Int> = [0]
        var queue = [0]
        while let u = queue.popLast() {
            for v in a.indices where (a[u][v] != 0 || a[v][u] != 0) && !seen.contains(v) {
                seen.insert(v)
                queue.append(v)
            }
        }
        return seen.count == a.count
    }
}
