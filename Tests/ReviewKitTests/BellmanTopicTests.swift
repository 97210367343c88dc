import Foundation
import Testing
@testable import ReviewKit

/// The bellman topic end to end through the problem-file reader. Expected
/// values come from published examples, from hand arithmetic shown in the
/// comments, or from an independent numpy script (quoted where used).
@Suite struct BellmanTopicTests {
    /// `answers.updates[i]` as (old_q, td_target, td_error, new_q).
    private func update(_ worked: WorkedProblem, _ i: Int) -> [Double?] {
        ["old_q", "td_target", "td_error", "new_q"].map { worked.answers.at("updates", i, $0)?.double }
    }

    private func expectUpdate(_ worked: WorkedProblem, _ i: Int, _ expected: [Double],
                              sourceLocation: SourceLocation = #_sourceLocation) {
        let got = update(worked, i)
        for (value, want) in zip(got, expected) {
            #expect(close(value, want), "update \(i): got \(got), expected \(expected)", sourceLocation: sourceLocation)
        }
    }

    // MARK: Published and contract examples

    @Test func contractExample() throws {
        // Contract: Q(s1,right) = 0.5, r = 1, s' = s2 with Q(s2,·) = (1, 0), α = 0.5, γ = 0.9.
        // max = 1; y = 1 + 0.9·1 = 1.9; δ = 1.9 − 0.5 = 1.4; new = 0.5 + 0.5·1.4 = 1.2.
        let worked = try solve(json: """
            {"topic": "bellman",
             "q": {"s1": {"left": 0, "right": 0.5}, "s2": {"left": 1, "right": 0}},
             "updates": [{"state": "s1", "action": "right", "reward": 1, "next_state": "s2"}],
             "alpha": 0.5, "gamma": 0.9, "rule": "q-learning"}
            """)[0]
        expectUpdate(worked, 0, [0.5, 1.9, 1.4, 1.2])
        #expect(close(worked.answers.at("q", "s1", "right")?.double, 1.2))
        #expect(worked.answers.at("q", "s1", "left")?.double == 0)
        #expect(worked.answers.at("q", "s2", "left")?.double == 1)
    }

    @Test func stackExchangeOneUpdate() throws {
        // stats.stackexchange.com/q/238715 (accepted in the comments):
        // Q(3,2) ← 6 + 0.1·[1 + 0.9·max(7,6,8,0) − 6] = 6.22.
        let worked = try solve(json: problemFile("bellman-stackexchange-one-update"))[0]
        expectUpdate(worked, 0, [6, 8.2, 2.2, 6.22])
    }

    @Test func roomsTutorialSequence() throws {
        // The 'Painless Q-learning' rooms example, γ = 0.8, α = 1, Q = 0:
        // 1 → 5: 100 + 0.8·max(0,0,0) = 100; 3 → 1: 0 + 0.8·max(Q(1,3)=0, Q(1,5)=100) = 80
        // (reads update 1's result); 1 → 5 again: 100 + 0.8·0 = 100, δ = 0.
        let worked = try solve(json: problemFile("bellman-rooms-three-updates"))[0]
        expectUpdate(worked, 0, [0, 100, 100, 100])
        expectUpdate(worked, 1, [0, 80, 80, 80])
        expectUpdate(worked, 2, [100, 100, 0, 100])
        #expect(worked.answers.at("q", "3", "1")?.double == 80)
        #expect(worked.answers.at("q", "1", "5")?.double == 100)
        #expect(worked.answers.at("q", "0", "4")?.double == 0)
    }

    @Test func sarsaExample() throws {
        // Update 1: Q(s1,down) = 0.6, a' = down in s2: y = −1 + 0.9·(−0.4) = −1.36,
        //   δ = −1.36 − 0.6 = −1.96, new = 0.6 + 0.5·(−1.96) = −0.38.
        // Update 2: Q(s2,down) = −0.4, a' = up in s1 (0.2, untouched): y = 2 + 0.9·0.2 = 2.18,
        //   δ = 2.18 + 0.4 = 2.58, new = −0.4 + 0.5·2.58 = 0.89.
        // (Q-learning would have used max(1, −0.4) = 1 in update 1.)
        let worked = try solve(json: problemFile("bellman-sarsa-two-steps"))[0]
        expectUpdate(worked, 0, [0.6, -1.36, -1.96, -0.38])
        expectUpdate(worked, 1, [-0.4, 2.18, 2.58, 0.89])
    }

    @Test func stochasticBackup() throws {
        // y = 0.8·(0 + 0.9·max(2,1)) + 0.1·(0 + 0.9·max(0,0)) + 0.1·(−1) [terminal]
        //   = 0.8·1.8 + 0 − 0.1 = 1.34; α = 1 (default) so new = 1.34.
        let worked = try solve(json: problemFile("bellman-stochastic-backup"))[0]
        expectUpdate(worked, 0, [0, 1.34, 1.34, 1.34])
        #expect(worked.answers.at("updates", 0, "new_q")?.double == worked.answers.at("updates", 0, "td_target")?.double)
    }

    // MARK: Rules, terminal steps, sequences

    @Test func qLearningAndSarsaDifferOnTheSameTransition() throws {
        // Q(s1,a) = 0, r = 0, s' = s2 with Q(s2,·) = (a: 2, b: −1), a' = b, α = 1, γ = 0.5.
        // Q-learning: y = 0 + 0.5·2 = 1.  SARSA: y = 0 + 0.5·(−1) = −0.5.
        func json(_ rule: String) -> String {
            """
            {"topic": "bellman", "rule": "\(rule)", "gamma": 0.5,
             "q": {"s1": {"a": 0, "b": 0}, "s2": {"a": 2, "b": -1}},
             "updates": [{"state": "s1", "action": "a", "reward": 0, "next_state": "s2", "next_action": "b"}]}
            """
        }
        expectUpdate(try solve(json: json("q-learning"))[0], 0, [0, 1, 1, 1])
        expectUpdate(try solve(json: json("sarsa"))[0], 0, [0, -0.5, -0.5, -0.5])
    }

    @Test func terminalTargetIsTheRewardAlone() throws {
        // Q(s1,a) = 0.4; terminal with r = 1: y = 1 (not 1 + 0.9·max(2, …));
        // δ = 0.6; new = 0.4 + 0.5·0.6 = 0.7. Same under SARSA, which then needs no next_action.
        for rule in ["q-learning", "sarsa"] {
            let worked = try solve(json: """
                {"topic": "bellman", "rule": "\(rule)", "alpha": 0.5, "gamma": 0.9,
                 "q": {"s1": {"a": 0.4, "b": 2}},
                 "updates": [{"state": "s1", "action": "a", "reward": 1, "terminal": true}]}
                """)[0]
            expectUpdate(worked, 0, [0.4, 1, 0.6, 0.7])
        }
    }

    @Test func selfLoopReadsTheEntryBeforeItChanges() throws {
        // Q(s,·) = (a: 1, b: 0.5), twice (s, a, r = 0, s' = s), α = 0.5, γ = 0.9.
        // 1: max = 1 (a itself, old value): y = 0.9, δ = −0.1, new = 0.95.
        // 2: max(0.95, 0.5) = 0.95: y = 0.855, δ = −0.095, new = 0.9025.
        let worked = try solve(json: """
            {"topic": "bellman", "alpha": 0.5, "gamma": 0.9, "q": {"s": {"a": 1, "b": 0.5}},
             "updates": [{"state": "s", "action": "a", "reward": 0, "next_state": "s"},
                         {"state": "s", "action": "a", "reward": 0, "next_state": "s"}]}
            """)[0]
        expectUpdate(worked, 0, [1, 0.9, -0.1, 0.95])
        expectUpdate(worked, 1, [0.95, 0.855, -0.095, 0.9025])
    }

    @Test func mixedSequenceMatchesNumpy() throws {
        // Computed with numpy, independently of the solver:
        //   Q = np.array([[0.5, -0.2, 1.0], [0.0, 0.3, 0.7], [1.2, 0.4, -0.5]])  # rows A B C, cols x y z
        //   def upd(s, a, y): old = Q[s, a]; Q[s, a] = old + 0.2 * (y - old); return old, y, y - old, Q[s, a]
        //   upd(0, 2, 1 + 0.9 * Q[1].max())
        //   upd(1, 2, -1 + 0.9 * Q[0].max())
        //   upd(0, 0, 0.6 * (0 + 0.9 * Q[0].max()) + 0.3 * (2 + 0.9 * Q[2].max()) + 0.1 * -1)
        //   upd(2, 1, 5)                                              # terminal
        // → (1.0, 1.63, 0.63, 1.126), (0.7, 0.0134, -0.6866, 0.56268),
        //   (0.5, 1.43204, 0.93204, 0.686408), (0.4, 5, 4.6, 1.32)
        let worked = try solve(json: """
            {"topic": "bellman", "alpha": 0.2, "gamma": 0.9,
             "q": {"A": {"x": 0.5, "y": -0.2, "z": 1.0}, "B": {"x": 0, "y": 0.3, "z": 0.7},
                   "C": {"x": 1.2, "y": 0.4, "z": -0.5}},
             "updates": [
               {"state": "A", "action": "z", "reward": 1, "next_state": "B"},
               {"state": "B", "action": "z", "reward": -1, "next_state": "A"},
               {"state": "A", "action": "x", "outcomes": [
                  {"probability": 0.6, "reward": 0, "next_state": "A"},
                  {"probability": 0.3, "reward": 2, "next_state": "C"},
                  {"probability": 0.1, "reward": -1, "terminal": true}]},
               {"state": "C", "action": "y", "reward": 5, "terminal": true}]}
            """)[0]
        expectUpdate(worked, 0, [1.0, 1.63, 0.63, 1.126])
        expectUpdate(worked, 1, [0.7, 0.0134, -0.6866, 0.56268])
        expectUpdate(worked, 2, [0.5, 1.43204, 0.93204, 0.686408])
        expectUpdate(worked, 3, [0.4, 5, 4.6, 1.32])
        let final = worked.answers.at("q")
        #expect(close(final?.at("A", "x")?.double, 0.686408))
        #expect(close(final?.at("A", "z")?.double, 1.126))
        #expect(close(final?.at("B", "z")?.double, 0.56268))
        #expect(close(final?.at("C", "y")?.double, 1.32))
        #expect(final?.at("C", "x")?.double == 1.2)
    }

    @Test func stepsListEveryValueInTheOrderComputed() throws {
        let worked = try solve(json: problemFile("bellman-stochastic-backup"))[0]
        #expect(worked.steps.map(\.id) == [
            "updates[0].old_q",
            "updates[0].outcomes[0].max_next", "updates[0].outcomes[0].target",
            "updates[0].outcomes[1].max_next", "updates[0].outcomes[1].target",
            "updates[0].outcomes[2].target",
            // A Bellman backup (random outcomes, α = 1) has no TD error (issue 16).
            "updates[0].td_target", "updates[0].new_q",
        ])
        #expect(worked.steps[1].substituted == "max(2, 1)")
        #expect(worked.steps[6].substituted == "y = 0.8 * 1.8 + 0.1 * 0 + 0.1 * (-1)")
        let sarsa = try solve(json: problemFile("bellman-sarsa-two-steps"))[0]
        #expect(sarsa.steps[1].id == "updates[0].next_q")
        #expect(sarsa.steps[1].label == "Q(s2, down)")
        // A leading negative needs no brackets; a negative factor does.
        #expect(sarsa.steps[2].substituted == "y = -1 + 0.9 * (-0.4)")
    }

    @Test func exampleFilesRoundTripWithDefaultsFilledIn() throws {
        for name in ["bellman-contract-example", "bellman-stackexchange-one-update", "bellman-rooms-three-updates",
                     "bellman-sarsa-two-steps", "bellman-stochastic-backup"] {
            let worked = try solve(json: problemFile(name))[0]
            #expect(worked.problem.at("alpha") != nil && worked.problem.at("rule") != nil, "\(name)")
            let again = try solve(json: JSONWriter.compact(worked.problem))[0]
            #expect(again.answers == worked.answers, "\(name)")
            #expect(again.problem == worked.problem, "\(name)")
        }
    }

    @Test func finalTableKeepsTheUsersOrder() throws {
        let worked = try solve(json: """
            {"topic": "bellman", "gamma": 1, "q": {"z": {"r": 0, "l": 0}, "a": {"r": 1, "l": 2}},
             "updates": [{"state": "z", "action": "l", "reward": 1, "next_state": "a"}]}
            """)[0]
        guard case .object(let states) = worked.answers.at("q")?.kind,
            case .object(let actions) = worked.answers.at("q", "z")?.kind
        else { Issue.record("q is not an object of objects"); return }
        #expect(states.map(\.key) == ["z", "a"])
        #expect(actions.map(\.key) == ["r", "l"])
        // γ = 1: y = 1 + 1·max(1, 2) = 3.
        #expect(worked.answers.at("q", "z", "l")?.double == 3)
    }
}

/// The text of `problems/<name>.json`, found from this source file's place.
private func problemFile(_ name: String, filePath: String = #filePath) throws -> String {
    var url = URL(fileURLWithPath: filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }  // Tests/ReviewKitTests/X.swift → package root
    return try String(contentsOf: url.appendingPathComponent("problems/\(name).json"), encoding: .utf8)
}
