/// Records a solved bellman problem as worked steps, each once, in the
/// order a student computes them: per update the old entry, what is read
/// from each next state (max_a' Q(s', a'), or SARSA's Q(s', a')), each
/// outcome's target when the outcome is random, the TD target, the TD error
/// and the new entry.
///
/// JSON `steps` and every worked formula on the sheet are written from this
/// trace. Ids follow the answers' paths (`updates[0].td_target`) so a reader
/// can match them up. A value that is only binary noise is 0 here
/// (`Double.withoutNoise`): the answers keep the solver's doubles; steps and
/// sheets show this.
enum BellmanTrace {
    static func record(_ solution: BellmanSolution) -> Trace {
        var trace = Trace()
        for (k, update) in solution.updates.enumerated() {
            record(update, number: k, solution.problem, into: &trace)
        }
        return trace
    }

    /// `updates[k]`, the id prefix of update k's steps.
    static func prefix(_ k: Int) -> String { "updates[\(k)]" }

    /// Where outcome j's steps sit: under `updates[k].outcomes[j]` when the
    /// update has random outcomes, under `updates[k]` itself otherwise.
    static func outcomePrefix(_ k: Int, _ j: Int, stochastic: Bool) -> String {
        stochastic ? "\(prefix(k)).outcomes[\(j)]" : prefix(k)
    }

    /// The id of what an outcome reads from its next state.
    static func readID(_ rule: BellmanTopic.Rule) -> String { rule == .qLearning ? "max_next" : "next_q" }

    /// `Q(s1, right)`: an entry of the table by its state and action names.
    static func entry(_ state: String, _ action: String) -> Formula { .call("Q", .text(state), .text(action)) }

    /// `max_a' Q(s2, a')`: what Q-learning reads from a row.
    static func bestOf(_ state: String) -> Formula { .max(over: "a'", .call("Q", .text(state), "a'")) }

    /// `r_j + γ max_a' Q(s'_j, a')`, or `r_j` alone when the outcome ends the
    /// episode; `j` is nil for the single outcome of a plain update.
    static func targetRule(_ rule: BellmanTopic.Rule, terminal: Bool, j: Int?) -> Formula {
        func indexed(_ name: String) -> Formula { .symbol(name, sub: j.map(Formula.integer)) }
        if terminal { return indexed("r") }
        let next: Formula = .call("Q", indexed("s'"), "a'")
        return indexed("r") + .juxtapose("gamma", rule == .qLearning ? .max(over: "a'", next) : next)
    }

    private static func record(
        _ update: BellmanSolution.UpdateTrace, number k: Int, _ problem: BellmanTopic.Problem, into trace: inout Trace
    ) {
        let p = prefix(k)
        let taken = update.update
        let stochastic = taken.isStochastic
        let current = entry(taken.state, taken.action)
        let q: Formula = .call("Q", "s", "a")
        trace.record("\(p).old_q", label: current.plainLabel, q, name: nil, current, .scalar(update.old))

        for (j, outcome) in update.outcomes.enumerated() {
            let at = outcomePrefix(k, j, stochastic: stochastic)
            if let row = outcome.nextRow, let future = outcome.future {
                switch problem.rule {
                case .qLearning:
                    trace.record(
                        "\(at).\(readID(.qLearning))", label: bestOf(row.state).plainLabel, .max(over: "a'", .call("Q", "s'", "a'")),
                        name: nil, .max(Formula.numbers(row.values)), .scalar(future))
                case .sarsa:
                    let next = entry(row.state, taken.nextAction ?? "")
                    trace.record("\(at).\(readID(.sarsa))", label: next.plainLabel, .call("Q", "s'", "a'"), name: nil, next, .scalar(future))
                }
            }
            guard stochastic else { continue }
            let y: Formula = .symbol("y", sub: .integer(j + 1))
            trace.record(
                "\(at).target", label: y.plainLabel, y .= targetRule(problem.rule, terminal: outcome.outcome.terminal, j: j + 1), name: y,
                targetNumbers(outcome, gamma: problem.gamma), .scalar(outcome.target.withoutNoise(scale: scale(outcome))))
        }

        let target: Formula
        let targetNumbers: Formula
        let targetScale: Double
        if stochastic {
            let j: Formula = "j"
            target = "y" .= .sum(over: j, .juxtapose(.symbol("p", sub: j), .symbol("y", sub: j)))
            targetNumbers = .sum(update.outcomes.map { .number($0.outcome.probability) * .number($0.target) })
            targetScale = update.outcomes.map { abs($0.weighted) }.max() ?? 0
        } else {
            target = "y" .= targetRule(problem.rule, terminal: update.outcomes[0].outcome.terminal, j: nil)
            targetNumbers = self.targetNumbers(update.outcomes[0], gamma: problem.gamma)
            targetScale = scale(update.outcomes[0])
        }
        // Q-value iteration (random outcomes, α = 1, Q-learning) replaces the
        // entry by its backup: no learning rate and no TD error (issue 16),
        // the same as the sheet says; the answers keep `td_error` (contract).
        let backup = problem.isBackup
        trace.record(
            "\(p).td_target", label: backup ? "Bellman backup y" : "TD target y", target, name: "y", targetNumbers,
            .scalar(update.target.withoutNoise(scale: targetScale)))
        let newValue = update.new.withoutNoise(scale: max(abs(update.old), abs(problem.alpha * update.error)))
        if backup {
            trace.record(
                "\(p).new_q", label: "new " + current.plainLabel, .relation(.assigns, q, "y"), name: nil,
                .number(update.target), .scalar(newValue))
            return
        }
        trace.record(
            "\(p).td_error", label: "TD error delta", "delta" .= "y" - q, name: "delta", .number(update.target) - .number(update.old),
            .scalar(update.error.withoutNoise(scale: max(abs(update.target), abs(update.old)))))
        trace.record(
            "\(p).new_q", label: "new " + current.plainLabel, .relation(.assigns, q, q + .juxtapose("alpha", "delta")), name: nil,
            .number(update.old) + .number(problem.alpha) * .number(update.error), .scalar(newValue))
    }

    /// The size of what an outcome's target adds up: r and γ · future.
    private static func scale(_ outcome: BellmanSolution.OutcomeTrace) -> Double {
        max(abs(outcome.outcome.reward), abs(outcome.discounted ?? 0))
    }

    /// `r + γ · future` with the numbers in, or `r` when terminal.
    private static func targetNumbers(_ outcome: BellmanSolution.OutcomeTrace, gamma: Double) -> Formula {
        let reward = Formula.number(outcome.outcome.reward)
        guard let future = outcome.future else { return reward }
        return reward + .number(gamma) * .number(future)
    }
}
