/// The JSON `steps` of a `bellman` solution: per update, the old entry, what
/// was read from the next state, each outcome's target (when stochastic),
/// the TD target, the TD error and the new entry. Ids follow the answers'
/// paths (`updates[0].td_target`) so a reader can match them up.
enum BellmanSteps {
    static func steps(_ solution: BellmanSolution) -> [Step] {
        var steps: [Step] = []
        let rule = solution.problem.rule
        for (k, trace) in solution.updates.enumerated() {
            let prefix = "updates[\(k)]"
            let update = trace.update
            let pair = "Q(\(update.state), \(update.action))"
            steps.append(Step(id: "\(prefix).old_q", label: pair, formula: "Q(s, a)", substituted: pair, value: .number(trace.old)))

            for (j, outcome) in trace.outcomes.enumerated() {
                let at = update.isStochastic ? "\(prefix).outcomes[\(j)]" : prefix
                if let read = futureStep(outcome, rule: rule, nextAction: update.nextAction, id: at) {
                    steps.append(read)
                }
                if update.isStochastic {
                    steps.append(Step(
                        id: "\(at).target", label: "y_\(j + 1)", formula: "y_\(j + 1) = " + targetFormula(outcome, rule),
                        substituted: "y_\(j + 1) = " + targetNumbers(outcome, gamma: solution.problem.gamma),
                        value: .number(outcome.target)))
                }
            }

            let targetFormula: String
            let targetNumbers: String
            if update.isStochastic {
                targetFormula = "y = sum_j p_j * y_j"
                targetNumbers = "y = " + trace.outcomes.map { "\(number($0.outcome.probability)) * \(number($0.target))" }
                    .joined(separator: " + ")
            } else {
                targetFormula = "y = " + self.targetFormula(trace.outcomes[0], rule)
                targetNumbers = "y = " + self.targetNumbers(trace.outcomes[0], gamma: solution.problem.gamma)
            }
            steps.append(Step(id: "\(prefix).td_target", label: "TD target y", formula: targetFormula,
                              substituted: targetNumbers, value: .number(trace.target)))
            steps.append(Step(id: "\(prefix).td_error", label: "TD error delta", formula: "delta = y - Q(s, a)",
                              substituted: "delta = \(number(trace.target)) - \(number(trace.old))", value: .number(trace.error)))
            steps.append(Step(
                id: "\(prefix).new_q", label: "new \(pair)", formula: "Q(s, a) <- Q(s, a) + alpha * delta",
                substituted: "\(pair) <- \(number(trace.old)) + \(number(solution.problem.alpha)) * \(number(trace.error))",
                value: .number(trace.new)))
        }
        return steps
    }

    /// max_a' Q(s', a') or Q(s', a'), as read from the table.
    private static func futureStep(
        _ outcome: BellmanSolution.OutcomeTrace, rule: BellmanTopic.Rule, nextAction: String?, id: String
    ) -> Step? {
        guard let row = outcome.nextRow, let future = outcome.future else { return nil }
        switch rule {
        case .qLearning:
            let values = row.values.map(number).joined(separator: ", ")
            return Step(id: "\(id).max_next", label: "max_a' Q(\(row.state), a')", formula: "max_a' Q(s', a')",
                        substituted: "max(\(values))", value: .number(future))
        case .sarsa:
            let entry = "Q(\(row.state), \(nextAction ?? ""))"
            return Step(id: "\(id).next_q", label: entry, formula: "Q(s', a')", substituted: entry, value: .number(future))
        }
    }

    private static func targetFormula(_ outcome: BellmanSolution.OutcomeTrace, _ rule: BellmanTopic.Rule) -> String {
        if outcome.outcome.terminal { return "r" }
        return rule == .qLearning ? "r + gamma * max_a' Q(s', a')" : "r + gamma * Q(s', a')"
    }

    private static func targetNumbers(_ outcome: BellmanSolution.OutcomeTrace, gamma: Double) -> String {
        guard let future = outcome.future else { return number(outcome.outcome.reward) }
        return "\(number(outcome.outcome.reward)) + \(number(gamma)) * \(number(future))"
    }

    /// Plain text, parenthesised when negative so it can stand in a formula.
    private static func number(_ value: Double) -> String {
        let text = NumberFormat.plain(value)
        return value < 0 ? "(\(text))" : text
    }
}
