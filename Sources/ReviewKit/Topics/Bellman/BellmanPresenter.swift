/// Fills the bellman templates from a solved problem: the Q table, each
/// update worked line by line (old entry, what the next state offers, TD
/// target, TD error, new entry) with the table before and after, and a
/// summary of the answers. Only reads the solution; every sentence is in the
/// templates, this file hands over names and LaTeX.
struct BellmanPresenter {
    let solution: BellmanSolution
    let templates: TemplateLibrary

    private var problem: BellmanTopic.Problem { solution.problem }

    func presentation() -> Presentation {
        Presentation(
            question: templates.render("bellman/question", questionContext()),
            solution: templates.render("bellman/solution", solutionContext()))
    }

    // MARK: Question

    private func questionContext() -> [String: Any] {
        var context = ruleContext()
        context["table"] = table(problem.q)
        context["updates"] = problem.updates.enumerated().map { index, update in
            var item = transition(update.outcomes[0])
            item["number"] = index + 1
            item["state"] = update.state
            item["action"] = update.action
            item["stochastic"] = update.isStochastic
            item["nextAction"] = update.nextAction ?? ""
            item["hasNextAction"] = update.nextAction != nil && problem.rule == .sarsa
            item["outcomes"] = templateList(update.outcomes.map { outcome in
                var entry = transition(outcome)
                entry["probability"] = NumberFormat.latex(outcome.probability)
                return entry
            })
            return item
        }
        return context
    }

    private func transition(_ outcome: BellmanTopic.Outcome) -> [String: Any] {
        [
            "reward": NumberFormat.latex(outcome.reward),
            "nextState": outcome.nextState ?? "",
            "hasNextState": outcome.nextState != nil,
            "terminal": outcome.terminal,
        ]
    }

    /// What the question and the solution both need: the rule and the rates.
    private func ruleContext() -> [String: Any] {
        [
            "qLearning": problem.rule == .qLearning,
            "sarsa": problem.rule == .sarsa,
            "alpha": NumberFormat.latex(problem.alpha),
            "gamma": NumberFormat.latex(problem.gamma),
            "alphaIsOne": problem.alpha == 1,
            "single": problem.updates.count == 1,
            "hasTerminal": problem.updates.contains { $0.outcomes.contains(where: \.terminal) },
            "hasOutcomes": problem.updates.contains(where: \.isStochastic),
        ]
    }

    // MARK: Solution

    private func solutionContext() -> [String: Any] {
        var context = ruleContext()
        context["updates"] = solution.updates.enumerated().map { index, trace in updateContext(index, trace) }
        context["summary"] = solution.updates.enumerated().map { index, trace in
            [
                "number": index + 1,
                "pair": pair(trace.update.state, trace.update.action),
                "old": NumberFormat.latex(trace.old),
                "target": NumberFormat.latex(trace.target),
                "error": NumberFormat.latex(trace.error),
                "new": NumberFormat.latex(trace.new),
            ] as [String: Any]
        }
        let changed = Set(solution.updates.map { Cell(row: $0.row, column: $0.column) })
        context["final"] = table(solution.final, marked: changed)
        return context
    }

    private func updateContext(_ index: Int, _ trace: BellmanSolution.UpdateTrace) -> [String: Any] {
        let update = trace.update
        let entry = pair(update.state, update.action)
        let cell = Cell(row: trace.row, column: trace.column)
        var context: [String: Any] = [
            "number": index + 1,
            "first": index == 0,
            "previous": index,
            "pair": entry,
            "stochastic": update.isStochastic,
            "old": "\(entry) = \(NumberFormat.latex(trace.old))",
            "before": table(trace.before, marked: [cell]),
            "after": table(trace.after, marked: [cell], was: trace.old),
            "error": "\\delta = y - \(entry) = \(NumberFormat.latex(trace.target)) - \(NumberFormat.operand(trace.old))"
                + " \(result(trace.error))",
            "new": "\(entry) \\leftarrow \(entry) + \\alpha\\,\\delta = \(NumberFormat.latex(trace.old))"
                + " + \(NumberFormat.operand(problem.alpha)) \\cdot \(NumberFormat.operand(trace.error))"
                + " \(result(trace.new))",
        ]
        let outcomes = trace.outcomes.enumerated().map { j, outcome in
            outcomeContext(outcome, index: update.isStochastic ? j + 1 : nil, nextAction: update.nextAction)
        }
        if update.isStochastic {
            context["outcomes"] = outcomes
            let terms = trace.outcomes.map {
                "\(NumberFormat.operand($0.outcome.probability)) \\cdot \(NumberFormat.operand($0.target))"
            }
            var line = "y = \\sum_j p_j\\, y_j = " + terms.joined(separator: " + ")
            if trace.outcomes.count > 1 { line += " = " + signedSum(trace.outcomes.map(\.weighted)) }
            context["target"] = line + " \(result(trace.target))"
        } else {
            context["outcome"] = outcomes[0]
            context["target"] = targetLine(trace.outcomes[0], symbol: "y", rewardSymbol: "r", nextSymbol: "s'")
        }
        return context
    }

    /// One outcome: what is read from the next state and the target it
    /// gives. `index` numbers the outcomes of a stochastic update (y_1, y_2 …).
    private func outcomeContext(_ trace: BellmanSolution.OutcomeTrace, index: Int?, nextAction: String?) -> [String: Any] {
        let outcome = trace.outcome
        let sub = index.map { "_{\($0)}" } ?? ""
        var context: [String: Any] = [
            "number": index ?? 1,
            "probability": "p\(sub) = \(NumberFormat.latex(outcome.probability))",
            "reward": "r\(sub) = \(NumberFormat.latex(outcome.reward))",
            "nextState": outcome.nextState ?? "",
            "hasNextState": outcome.nextState != nil,
            "terminal": outcome.terminal,
            "target": targetLine(trace, symbol: "y\(sub)", rewardSymbol: "r\(sub)", nextSymbol: "s'\(sub)"),
            "tie": trace.argmax.count > 1,
            "argmax": templateList(trace.argmax.map { ["name": $0, "latex": "a' = \(MathNotation.text($0))"] }),
            "ignoredNextAction": problem.rule == .qLearning ? (nextAction ?? "") : "",
            "hasIgnoredNextAction": problem.rule == .qLearning && nextAction != nil,
        ]
        if let row = trace.nextRow, let future = trace.future {
            let state = MathNotation.text(row.state)
            switch problem.rule {
            case .qLearning:
                let names = row.actions.map { pair(row.state, $0) }.joined(separator: ", ")
                let values = row.values.map { NumberFormat.latex($0) }.joined(separator: ", ")
                context["read"] = "\\max_{a'} Q(\(state), a') = \\max\\{\(names)\\} = \\max\\{\(values)\\} \(result(future))"
            case .sarsa:
                context["read"] = "Q(s', a') = \(pair(row.state, nextAction ?? "")) \(result(future))"
            }
        }
        return context
    }

    /// `y = r + γ max_a' Q(s', a') = 1 + 0.9 · 1 = 1.9`, or `y = r = 1` when
    /// terminal.
    private func targetLine(_ trace: BellmanSolution.OutcomeTrace, symbol: String, rewardSymbol: String, nextSymbol: String) -> String {
        let reward = trace.outcome.reward
        guard let future = trace.future else {
            return "\(symbol) = \(rewardSymbol) = \(NumberFormat.latex(reward))"
        }
        let read = problem.rule == .qLearning ? "\\max_{a'} Q(\(nextSymbol), a')" : "Q(\(nextSymbol), a')"
        return "\(symbol) = \(rewardSymbol) + \\gamma \(read) = \(NumberFormat.latex(reward))"
            + " + \(NumberFormat.operand(problem.gamma)) \\cdot \(NumberFormat.operand(future)) \(result(trace.target))"
    }

    // MARK: Tables

    private struct Cell: Hashable {
        var row: Int
        var column: Int
    }

    /// A Q table as the `bellman/table` partial wants it: one column per
    /// action, `—` where a state lacks that action, marked cells in bold and
    /// highlighted (with `was → now` when the old value is given).
    private func table(_ q: QTable, marked: Set<Cell> = [], was: Double? = nil) -> [String: Any] {
        let actions = columns(q)
        return [
            "header": actions.map { ["name": $0] },
            "rows": q.rows.enumerated().map { r, row in
                [
                    "state": row.state,
                    "cells": actions.map { action -> [String: Any] in
                        guard let c = row.actions.firstIndex(of: action) else {
                            return ["missing": true, "marked": false, "value": "", "changed": false, "was": ""]
                        }
                        let isMarked = marked.contains(Cell(row: r, column: c))
                        return [
                            "missing": false,
                            "marked": isMarked,
                            "highlight": isMarked ? TableHighlight.marker : "",
                            "value": NumberFormat.latex(row.values[c]),
                            "changed": isMarked && was != nil,
                            "was": was.map { NumberFormat.latex($0) } ?? "",
                        ]
                    },
                ] as [String: Any]
            },
        ]
    }

    /// The actions in the user's order. When states have different actions
    /// that order is only "first seen", which scrambles numbered actions
    /// (the rooms example's 4, 3, 5, 1, 2, 0); those are sorted as numbers.
    private func columns(_ q: QTable) -> [String] {
        let actions = q.allActions
        let ragged = Set(q.rows.map(\.actions)).count > 1
        guard ragged, actions.allSatisfy({ Int($0) != nil }) else { return actions }
        return actions.sorted { Int($0)! < Int($1)! }
    }

    // MARK: Numbers

    /// `1.44 + 0 - 0.1`: terms joined with their own signs.
    private func signedSum(_ values: [Double]) -> String {
        var text = ""
        for (i, value) in values.enumerated() {
            if i == 0 { text = NumberFormat.latex(value); continue }
            text += value < 0 ? " - \(NumberFormat.latex(-value))" : " + \(NumberFormat.latex(value))"
        }
        return text
    }

    private func pair(_ state: String, _ action: String) -> String {
        "Q(\(MathNotation.text(state)), \(MathNotation.text(action)))"
    }

    /// `= 1.45` or `\approx 0.3333`. A value that prints as a short decimal
    /// up to floating-point noise (0.1 · 1.45 = 0.14500000000000002) is that
    /// decimal, so it gets `=`, not `≈`.
    private func result(_ value: Double) -> String {
        let printed = NumberFormat.latex(value)
        if let shown = Double(NumberFormat.plain(value)), abs(shown - value) <= 1e-12 * max(1, abs(value)) {
            return "= \(printed)"
        }
        return NumberFormat.result(value)
    }
}
