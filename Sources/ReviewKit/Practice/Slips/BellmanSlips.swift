/// The contract's bellman slips: γ forgotten, α ignored, the current
/// state's row read for the next state's, and SARSA done as Q-learning.
extension BellmanTopic {
    static var slips: [Slip<Self>] {
        [
            Slip(id: "gamma-forgotten") { problem, _ in
                guard problem.gamma != 1 else { return nil }
                return resolved(problem, step: "td_target") { $0.gamma = 1 }
            },
            Slip(id: "alpha-ignored") { problem, _ in
                guard problem.alpha < 1 else { return nil }
                return resolved(problem, step: "new_q") { $0.alpha = 1 }
            },
            Slip(id: "next-state-row-missed") { problem, _ in
                guard problem.rule == .qLearning else { return nil }
                return resolved(problem, step: "td_target") { wrong in
                    for u in wrong.updates.indices {
                        for o in wrong.updates[u].outcomes.indices where !wrong.updates[u].outcomes[o].terminal {
                            wrong.updates[u].outcomes[o].nextState = wrong.updates[u].state
                        }
                    }
                }
            },
            Slip(id: "sarsa-as-q-learning") { problem, _ in
                guard problem.rule == .sarsa else { return nil }
                return resolved(problem, step: "td_target") { $0.rule = .qLearning }
            },
        ]
    }

    /// The slip's answers: the problem changed by `change` and solved again,
    /// so a slip in the first update carries into the later ones as it
    /// would on paper. Points at the first update's `step`.
    private static func resolved(_ problem: Problem, step: String, _ change: (inout Problem) -> Void) -> Slip<Self>.Effect? {
        var wrong = problem
        change(&wrong)
        guard let solution = try? solve(wrong) else { return nil }
        return Slip.Effect(answers: answers(solution), step: "updates[0].\(step)",
                           context: ["gamma": .text(NumberFormat.plain(problem.gamma)), "alpha": .text(NumberFormat.plain(problem.alpha))])
    }
}
