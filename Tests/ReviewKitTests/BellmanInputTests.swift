import Testing
@testable import ReviewKit

/// Every way a bellman problem file can be wrong gives one located line.
@Suite struct BellmanInputTests {
    private static let table = #""q": {"s1": {"left": 0, "right": 0.5}, "s2": {"left": 1, "right": 0}}"#

    /// A problem over the two-state table with `rest` as its other fields.
    private func line(_ rest: String) -> String? {
        errorLine(json: "{\"topic\": \"bellman\", \(Self.table), \(rest)}")
    }

    private let ok = #"{"state": "s1", "action": "left", "reward": 1, "next_state": "s2"}"#

    @Test func unknownStatesAndActionsAreLocated() {
        #expect(line(#""gamma": 0.9, "updates": [{"state": "goal", "action": "left", "reward": 1, "next_state": "s2"}]"#)
            == "test.json: updates[0].state: unknown state 'goal'; the Q table has: s1, s2")
        #expect(line(#""gamma": 0.9, "updates": [{"state": "s1", "action": "rigth", "reward": 1, "next_state": "s2"}]"#)
            == "test.json: updates[0].action: unknown action 'rigth' in state 's1' (did you mean 'right'?)")
        #expect(line(#""gamma": 0.9, "updates": [{"state": "s1", "action": "up", "reward": 1, "next_state": "s2"}]"#)
            == "test.json: updates[0].action: unknown action 'up' in state 's1'; it has: left, right")
        #expect(line(#""gamma": 0.9, "updates": [\#(ok), {"state": "s1", "action": "left", "reward": 1, "next_state": "s5"}]"#)
            == "test.json: updates[1].next_state: unknown state 's5'; the Q table has: s1, s2")
        #expect(line(#""gamma": 0.9, "rule": "sarsa", "updates": [{"state": "s1", "action": "left", "reward": 1, "next_state": "s2", "next_action": "jump"}]"#)
            == "test.json: updates[0].next_action: unknown action 'jump' in state 's2'; it has: left, right")
    }

    @Test func gammaIsRequiredAndRatesAreInRange() {
        #expect(line(#""updates": [\#(ok)]"#) == "test.json: missing required field 'gamma'")
        #expect(line(#""gamma": 1.5, "updates": [\#(ok)]"#) == "test.json: gamma: must be a number in [0, 1], got 1.5")
        #expect(line(#""gamma": -0.1, "updates": [\#(ok)]"#) == "test.json: gamma: must be a number in [0, 1], got -0.1")
        #expect(line(#""gamma": 0.9, "alpha": 0, "updates": [\#(ok)]"#) == "test.json: alpha: must be a number in (0, 1], got 0")
        #expect(line(#""gamma": 0.9, "alpha": 1.2, "updates": [\#(ok)]"#) == "test.json: alpha: must be a number in (0, 1], got 1.2")
        #expect(line(#""gamma": 0, "alpha": 1, "updates": [\#(ok)]"#) == nil)
        #expect(line(#""gamma": 0.9, "rule": "sarsaa", "updates": [\#(ok)]"#)
            == #"test.json: rule: must be one of "q-learning", "sarsa", got "sarsaa" (did you mean "sarsa"?)"#)
    }

    @Test func probabilitiesMustSumToOne() {
        #expect(line(#""gamma": 0.9, "updates": [{"state": "s1", "action": "left", "outcomes": [{"probability": 0.5, "reward": 1, "next_state": "s2"}, {"probability": 0.4, "reward": 0, "next_state": "s1"}]}]"#)
            == "test.json: updates[0].outcomes: probabilities must sum to 1, got 0.9")
        #expect(line(#""gamma": 0.9, "updates": [{"state": "s1", "action": "left", "outcomes": [{"probability": -0.5, "reward": 1, "next_state": "s2"}, {"probability": 1.5, "reward": 0, "next_state": "s1"}]}]"#)
            == "test.json: updates[0].outcomes[0].probability: must be a non-negative number, got -0.5")
        // Within 1e-9 of 1 is fine (0.1 + 0.2 + 0.7 is not exactly 1 in binary);
        // 1 − 1e-8 is not.
        #expect(line(#""gamma": 0.9, "updates": [{"state": "s1", "action": "left", "outcomes": [{"probability": 0.1, "reward": 1, "next_state": "s2"}, {"probability": 0.2, "reward": 0, "next_state": "s1"}, {"probability": 0.7, "reward": 0, "terminal": true}]}]"#)
            == nil)
        #expect(line(#""gamma": 0.9, "updates": [{"state": "s1", "action": "left", "outcomes": [{"probability": 0.49999999, "reward": 1, "next_state": "s2"}, {"probability": 0.5, "reward": 0, "next_state": "s1"}]}]"#)
            == "test.json: updates[0].outcomes: probabilities must sum to 1, got 0.99999999")
        #expect(line(#""gamma": 0.9, "updates": [{"state": "s1", "action": "left", "outcomes": []}]"#)
            == "test.json: updates[0].outcomes: must list at least one outcome, got an empty array")
    }

    @Test func sarsaNeedsTheNextActionAndTakesNoOutcomes() {
        #expect(line(#""gamma": 0.9, "rule": "sarsa", "updates": [\#(ok)]"#)
            == #"test.json: updates[0]: missing required field 'next_action' (rule "sarsa" needs the action taken in the next state)"#)
        #expect(line(#""gamma": 0.9, "rule": "sarsa", "updates": [{"state": "s1", "action": "left", "outcomes": [{"probability": 1, "reward": 1, "next_state": "s2"}]}]"#)
            == #"test.json: updates[0].outcomes: rule "sarsa" takes no 'outcomes' (it follows the one next action taken)"#)
        // A terminal step has no next action, so SARSA does not ask for one.
        #expect(line(#""gamma": 0.9, "rule": "sarsa", "updates": [{"state": "s1", "action": "left", "reward": 1, "terminal": true}]"#) == nil)
        #expect(line(#""gamma": 0.9, "updates": [{"state": "s1", "action": "left", "reward": 1, "terminal": true, "next_action": "left"}]"#)
            == "test.json: updates[0].next_action: a terminal transition has no next action")
    }

    @Test func transitionsAreEitherOutcomesOrRewardAndNextState() {
        #expect(line(#""gamma": 0.9, "updates": [{"state": "s1", "action": "left", "reward": 1, "outcomes": [{"probability": 1, "reward": 1, "next_state": "s2"}]}]"#)
            == "test.json: updates[0].reward: give either 'outcomes' or 'reward'/'next_state', not both")
        #expect(line(#""gamma": 0.9, "updates": [{"state": "s1", "action": "left", "outcomes": [{"probability": 1, "reward": 1, "next_state": "s2"}], "terminal": true}]"#)
            == "test.json: updates[0].terminal: 'terminal' goes on each outcome when 'outcomes' is given")
        #expect(line(#""gamma": 0.9, "updates": [{"state": "s1", "action": "left", "reward": 1}]"#)
            == #"test.json: updates[0]: missing required field 'next_state' (or "terminal": true if the episode ends)"#)
        #expect(line(#""gamma": 0.9, "updates": [{"state": "s1", "action": "left", "next_state": "s2"}]"#)
            == "test.json: updates[0]: missing required field 'reward'")
        #expect(line(#""gamma": 0.9, "updates": [{"state": "s1", "action": "left", "reward": 1, "nextstate": "s2"}]"#)
            == "test.json: updates[0].nextstate: unknown field 'nextstate' (did you mean 'next_state'?)")
        #expect(line(#""gamma": 0.9, "updates": []"#) == "test.json: updates: must list at least one update, got an empty array")
    }

    @Test func tableShapes() {
        #expect(errorLine(json: #"{"topic": "bellman", "gamma": 0.9, "q": {}, "updates": []}"#)
            == "test.json: q: must have at least one state, got an empty object")
        #expect(errorLine(json: #"{"topic": "bellman", "gamma": 0.9, "q": {"s1": {"a": "x"}}, "updates": []}"#)
            == #"test.json: q.s1.a: must be a number, got "x""#)
        #expect(errorLine(json: #"{"topic": "bellman", "gamma": 0.9, "q": {"s1": {"a": 1}, "end": {}}, "updates": [{"state": "s1", "action": "a", "reward": 1, "next_state": "end"}]}"#)
            == #"test.json: updates[0].next_state: state 'end' has no actions, so max_a' Q(s', a') is undefined; add "terminal": true if the episode ends there"#)
        // A terminal next state need not be in the table.
        #expect(errorLine(json: #"{"topic": "bellman", "gamma": 0.9, "q": {"s1": {"a": 1}}, "updates": [{"state": "s1", "action": "a", "reward": 1, "next_state": "goal", "terminal": true}]}"#)
            == nil)
    }

    @Test func sizesAreBounded() {
        let row = "{" + (0..<40).map { "\"a\($0)\": 0" }.joined(separator: ", ") + "}"
        let q = "{" + (0..<26).map { "\"s\($0)\": \(row)" }.joined(separator: ", ") + "}"
        #expect(errorLine(json: "{\"topic\": \"bellman\", \"gamma\": 0.9, \"q\": \(q), \"updates\": []}")
            == "test.json: q: must have at most 1000 entries in all, got 1040")
        let updates = "[" + Array(repeating: ok, count: 101).joined(separator: ", ") + "]"
        #expect(line("\"gamma\": 0.9, \"updates\": \(updates)") == "test.json: updates: must list at most 100 updates, got 101")
    }

    @Test func errorsInAListNameTheProblem() {
        let good = "{\"topic\": \"bellman\", \(Self.table), \"gamma\": 0.9, \"updates\": [\(ok)]}"
        let bad = "{\"topic\": \"bellman\", \(Self.table), \"updates\": [\(ok)]}"
        #expect(errorLine(json: "{\"problems\": [\(good), \(bad)]}") == "test.json: problems[1]: missing required field 'gamma'")
    }
}
