import Testing
@testable import ReviewKit

/// Generated bellman problems: they round-trip, agree with an independent
/// re-implementation of the update rule, stay hand-solvable, and vary with
/// the seed and the difficulty. Plus what the worked sheet must show.
@Suite struct BellmanGeneratorTests {
    private func generated(_ difficulty: Difficulty, count: Int = 40, seed: UInt64 = 5) throws -> [WorkedProblem] {
        try ProblemSolver.generate(topic: "bellman", count: count, seed: seed, difficulty: difficulty)
    }

    @Test func generatedProblemsRoundTripThroughTheirJSON() throws {
        for difficulty in Difficulty.allCases {
            for problem in try generated(difficulty) {
                let again = try solve(json: JSONWriter.compact(problem.problem))
                #expect(again[0].answers == problem.answers, "\(JSONWriter.compact(problem.problem))")
            }
        }
    }

    @Test func generatedAnswersMatchAnIndependentUpdate() throws {
        for difficulty in Difficulty.allCases {
            for problem in try generated(difficulty, seed: 17) {
                let (updates, final) = reference(problem.problem)
                for (i, expected) in updates.enumerated() {
                    for (key, value) in zip(["old_q", "td_target", "td_error", "new_q"], expected) {
                        #expect(close(problem.answers.at("updates", i, key)?.double, value), "\(JSONWriter.compact(problem.problem))")
                    }
                }
                for (state, action, value) in final {
                    #expect(close(problem.answers.at("q", state, action)?.double, value))
                }
            }
        }
    }

    @Test func generatedProblemsAreHandSolvable() throws {
        for difficulty in Difficulty.allCases {
            for problem in try generated(difficulty, seed: 23) {
                let p = problem.problem
                let text = JSONWriter.compact(p)
                let states = objectKeys(p.at("q"))
                #expect((2...4).contains(states.count), "\(text)")
                for state in states {
                    let actions = objectKeys(p.at("q", state))
                    #expect((2...3).contains(actions.count), "\(text)")
                    for action in actions { #expect(isTenths(p.at("q", state, action)?.double), "\(text)") }
                }
                #expect([0.9, 0.8, 0.5].contains(p.at("gamma")?.double ?? -1), "\(text)")
                #expect([1, 0.5, 0.2, 0.1].contains(p.at("alpha")?.double ?? -1), "\(text)")
                // Every answer is a short decimal, so the sheet never needs ≈.
                guard case .array(let updates) = problem.answers.at("updates")?.kind else { Issue.record("no updates"); continue }
                #expect((1...3).contains(updates.count))
                for update in updates {
                    for key in ["old_q", "td_target", "td_error", "new_q"] {
                        let value = update.at(key)?.double ?? .nan
                        #expect(abs(value * 1000 - (value * 1000).rounded()) < 1e-6, "\(key) = \(value) in \(text)")
                    }
                }
                let sheet = Sheet(problems: [problem], options: .init()).render()
                #expect(!sheet.contains("\\approx"), "\(text)")
            }
        }
    }

    @Test func difficultyShapesTheProblems() throws {
        for problem in try generated(.easy) {
            #expect(problem.problem.at("rule") == .string("q-learning"))
            #expect(problem.problem.at("updates", 1) == nil)
            #expect(objectKeys(problem.problem.at("q")).count == 2)
        }
        let hard = try generated(.hard, count: 60)
        #expect(hard.contains { $0.problem.at("rule") == .string("sarsa") })
        #expect(hard.contains { $0.problem.at("updates", 0, "outcomes") != nil || $0.problem.at("updates", 1, "outcomes") != nil })
        #expect(hard.contains { $0.problem.at("updates", 2) != nil })
        #expect(hard.allSatisfy { $0.problem.at("updates", 1) != nil })
        #expect(hard.contains { JSONWriter.compact($0.problem).contains("\"terminal\":true") })
    }

    @Test func sameSeedSameProblemsOtherSeedsOthers() throws {
        let a = try generated(.standard, count: 10, seed: 99).map { JSONWriter.compact($0.problem) }
        let b = try generated(.standard, count: 10, seed: 99).map { JSONWriter.compact($0.problem) }
        let c = try generated(.standard, count: 10, seed: 100).map { JSONWriter.compact($0.problem) }
        #expect(a == b)
        // Ids differ by seed anyway; compare the problems without them.
        let strip = { (texts: [String]) in texts.map { $0.replacingOccurrences(of: #""id":"[^"]*","#, with: "", options: .regularExpression) } }
        #expect(Set(strip(a)).count == 10)
        #expect(Set(strip(a)).intersection(strip(c)).isEmpty)
    }

    // MARK: The worked sheet

    private func sheet(_ json: String) throws -> String {
        Sheet(problems: try solve(json: json), options: .init()).render()
    }

    @Test func sheetShowsBothTablesWithTheChangedCellMarked() throws {
        let text = try sheet("""
            {"topic": "bellman", "alpha": 0.5, "gamma": 0.9,
             "q": {"s1": {"left": 0, "right": 0.5}, "s2": {"left": 1, "right": 0}},
             "updates": [{"state": "s1", "action": "right", "reward": 1, "next_state": "s2"}]}
            """)
        #expect(text.contains(#"| s1 | $0$ | **$0.5$** |"#))         // before
        #expect(text.contains(#"| s1 | $0$ | **$0.5 \to 1.2$** |"#))  // after
        #expect(text.contains(
            #"\max_{a'} Q(\text{s2}, a') = \max(Q(\text{s2}, \text{left}), Q(\text{s2}, \text{right})) = \max(1, 0) = 1"#))
        #expect(text.contains(#"$a' = \text{left}$"#))
        #expect(text.contains(#"y = r + \gamma \max_{a'} Q(s', a') = 1 + 0.9 \cdot 1 = 1.9"#))
        #expect(text.contains(#"\delta = y - Q(s, a) = 1.9 - 0.5 = 1.4"#))
        #expect(text.contains(#"Q(s, a) \leftarrow Q(s, a) + \alpha \delta = 0.5 + 0.5 \cdot 1.4 = 1.2"#))
        #expect(!text.contains("tie"))
    }

    @Test func sheetNamesTiesTerminalStepsAndTheExpectation() throws {
        let text = try sheet("""
            {"topic": "bellman", "gamma": 0.9, "q": {"s1": {"a": 0, "b": 0}, "s2": {"a": 1, "b": 1}},
             "updates": [{"state": "s1", "action": "a", "reward": 1, "next_state": "s2"},
                         {"state": "s1", "action": "b", "outcomes": [
                            {"probability": 0.5, "reward": 2, "next_state": "s2"},
                            {"probability": 0.5, "reward": -1, "next_state": "end", "terminal": true}]}]}
            """)
        #expect(text.contains("tie"))
        #expect(text.contains(#"$a' = \text{a}$ and $a' = \text{b}$"#))
        #expect(text.contains(#"y_{2} = r_{2} = -1"#))
        // 0.5·(2 + 0.9·1) + 0.5·(−1) = 1.45 − 0.5 = 0.95
        #expect(text.contains(#"y = \sum_{j} p_{j} y_{j} = 0.5 \cdot 2.9 + 0.5 \cdot (-1) = 1.45 - 0.5 = 0.95"#))
        #expect(text.contains("The final Q table"))
    }

    @Test func qLearningSaysItIgnoresTheNextActionSarsaUsesIt() throws {
        let base = #""gamma": 0.5, "q": {"s1": {"a": 0, "b": 0}, "s2": {"a": 2, "b": -1}}, "updates": [{"state": "s1", "action": "a", "reward": 0, "next_state": "s2", "next_action": "b"}]"#
        let q = try sheet("{\"topic\": \"bellman\", \(base)}")
        #expect(q.contains("does not use the action actually taken next, b"))
        let sarsa = try sheet("{\"topic\": \"bellman\", \"rule\": \"sarsa\", \(base)}")
        #expect(sarsa.contains(#"Q(s', a') = Q(\text{s2}, \text{b}) = -1"#))
        #expect(sarsa.contains(#"y = r + \gamma Q(s', a') = 0 + 0.5 \cdot (-1) = -0.5"#))
    }

    // MARK: Helpers

    private func objectKeys(_ value: JSONValue?) -> [String] {
        guard case .object(let members) = value?.kind else { return [] }
        return members.map(\.key)
    }

    private func isTenths(_ value: Double?) -> Bool {
        guard let value else { return false }
        return abs(value * 10 - (value * 10).rounded()) < 1e-9
    }

    /// The update rule written straight from the contract over the problem's
    /// JSON, sharing no code with the solver: per update (old, y, δ, new),
    /// and the final table as (state, action, value).
    private func reference(_ problem: JSONValue) -> ([[Double]], [(String, String, Double)]) {
        var q: [String: [String: Double]] = [:]
        let states = objectKeys(problem.at("q"))
        for s in states {
            for a in objectKeys(problem.at("q", s)) { q[s, default: [:]][a] = problem.at("q", s, a)!.double! }
        }
        let alpha = problem.at("alpha")!.double!, gamma = problem.at("gamma")!.double!
        let sarsa = problem.at("rule") == .string("sarsa")
        var results: [[Double]] = []
        var i = 0
        while let u = problem.at("updates", i) {
            guard case .string(let s) = u.at("state")!.kind, case .string(let a) = u.at("action")!.kind else { break }
            func target(_ o: JSONValue) -> Double {
                let r = o.at("reward")!.double!
                if o.at("terminal") == .bool(true) { return r }
                guard case .string(let next) = o.at("next_state")!.kind else { return .nan }
                if sarsa, case .string(let a2) = u.at("next_action")!.kind { return r + gamma * q[next]![a2]! }
                return r + gamma * q[next]!.values.max()!
            }
            var y = 0.0
            if case .array(let outcomes) = u.at("outcomes")?.kind {
                for o in outcomes { y += o.at("probability")!.double! * target(o) }
            } else {
                y = target(u)
            }
            let old = q[s]![a]!
            let new = old + alpha * (y - old)
            q[s]![a] = new
            results.append([old, y, y - old, new])
            i += 1
        }
        let final = states.flatMap { s in objectKeys(problem.at("q", s)).map { a in (s, a, q[s]![a]!) } }
        return (results, final)
    }
}
