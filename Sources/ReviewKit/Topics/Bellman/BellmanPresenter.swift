/// Fills the bellman templates from a solved problem: the Q table, each
/// update worked line by line (old entry, what the next state offers, TD
/// target, TD error, new entry) with the table before and after, and a
/// summary of the answers.
///
/// Every worked formula comes from the trace (`BellmanTrace`) as a tree and
/// goes to the templates as a formula marker; numbers, tables included, are
/// shown by the writers' `NumberPolicy`. Only flags and names are made here;
/// every sentence is in `templates/<lang>/bellman/*.mustache`.
struct BellmanPresenter: BookPresenter {
    typealias Solution = BellmanSolution
    let solution: Solution
    let templates: TemplateLibrary
    var book = FormulaBook()

    private var problem: BellmanTopic.Problem { solution.problem }

    mutating func contexts() -> TopicContexts {
        let solution = solutionContext()
        return TopicContexts(question: questionContext(), solution: solution, figure: transitions(), as: "figure", formulas: book.formulas)
    }

    /// The problem's transitions as a picture: states, and an arrow per
    /// outcome labelled with the update's number, action, reward and probability.
    private func transitions() -> Figure? {
        let words = FigureWords(templates: templates, topic: "bellman")
        let arrows = problem.updates.enumerated().flatMap { k, update in
            update.outcomes.map { outcome in
                BellmanTransitionsFigure.Arrow(
                    update: k + 1, action: update.action, reward: outcome.reward,
                    probability: update.isStochastic ? outcome.probability : nil, from: update.state,
                    to: outcome.nextState, terminal: outcome.terminal)
            }
        }
        var drawing = BellmanTransitionsFigure(arrows: arrows, endWord: words.word("end"))
        drawing.caption = words.caption(typed: ["stochastic": .flag(problem.hasOutcomes), "hasEnd": .flag(drawing.hasEnd)])
        return drawing.figure()
    }

    // MARK: Question

    private mutating func questionContext() -> TemplateObject {
        var context = ruleContext()
        context["table"] = .object(table(problem.q))
        context["updates"] = .objects(problem.updates.enumerated().map { index, update in
            transition(update.outcomes[0], index: nil).merging([
                "number": .text(index + 1),
                "state": .text(update.state),
                "action": .text(update.action),
                "stochastic": .flag(update.isStochastic),
                // SARSA's a′, which the decoder requires unless the step is terminal.
                "nextAction": .text(update.nextAction ?? ""),
                "outcomes": templateListData(update.outcomes.map { outcome in
                    transition(outcome, index: nil).merging(["probability": book.inline(.number(outcome.probability))])
                }),
            ])
        })
        return context
    }

    /// Where one outcome goes. `index` numbers the outcomes of a stochastic
    /// update in the solution (`r_1`, `p_1`); nil for the question and a
    /// plain update.
    private mutating func transition(_ outcome: BellmanTopic.Outcome, index: Int?) -> TemplateObject {
        [
            "reward": book.inline(.symbol("r", sub: index.map(Formula.integer)) .= .number(outcome.reward)),
            "nextState": .text(outcome.nextState ?? ""),
            "hasNextState": .flag(outcome.nextState != nil),
            "terminal": .flag(outcome.terminal),
        ]
    }

    /// What the question and the solution both need: the rule and the rates
    /// (SARSA is `^qLearning`; random outcomes without a backup are
    /// `hasOutcomes` and `^backup`).
    private mutating func ruleContext() -> TemplateObject {
        [
            "qLearning": .flag(problem.rule == .qLearning),
            "alphaLine": book.inline("alpha" .= .number(problem.alpha)),
            "gammaLine": book.inline("gamma" .= .number(problem.gamma)),
            "alphaIsOne": .flag(problem.alpha == 1),
            "single": .flag(problem.updates.count == 1),
            "hasTerminal": .flag(problem.updates.contains { $0.outcomes.contains(where: \.terminal) }),
            "hasOutcomes": .flag(problem.hasOutcomes),
            // Issue 16: random outcomes with α = 1 are the course's Q-value
            // iteration, a Bellman backup: no α, no TD error on the sheet.
            // With α < 1 the sheet keeps both, but never calls it Q-learning.
            "backup": .flag(problem.isBackup),
        ]
    }

    // MARK: Solution

    private mutating func solutionContext() -> TemplateObject {
        var context = ruleContext()
        // The answer table lists the same objects: each update's steps by id.
        context["updates"] = .objects(solution.updates.indices.map { updateContext($0) })
        context["final"] = .object(table(solution.final, marked: Set(solution.updates.map(\.cell))))
        return context
    }

    private mutating func updateContext(_ k: Int) -> TemplateObject {
        let update = solution.updates[k]
        let taken = update.update
        let p = BellmanTrace.prefix(k)
        let newValue = trace["\(p).new_q"]
        var context: TemplateObject = book.steps(trace, under: p + ".").merging([
            "number": .text(k + 1),
            "first": .flag(k == 0),
            "previous": .text(k),
            "pair": book.inline(BellmanTrace.entry(taken.state, taken.action)),
            "stochastic": .flag(taken.isStochastic),
            "before": .object(table(update.before, marked: [update.cell])),
            "after": .object(table(update.after, marked: [update.cell], was: update.old)),
            "backedUp": book.inline(.relation(.assigns, BellmanTrace.entry(taken.state, taken.action), "y") .=≈ newValue.result),
        ])
        let outcomes = update.outcomes.indices.map { outcomeContext(k, $0) }
        let target = trace["\(p).td_target"]
        if taken.isStochastic {
            context["outcomes"] = .objects(outcomes)
            // The terms multiplied out before they are added, when there is more than one.
            var line = target.formula .= target.substituted
            if update.outcomes.count > 1 { line = line .=≈ .sum(Formula.numbers(update.outcomes.map(\.weighted))) }
            context["target"] = book.inline(line .=≈ target.result)
        } else {
            context["outcome"] = .object(outcomes[0])
        }
        return context
    }

    /// Outcome j of update k: what is read from the next state and, when
    /// the outcome is random, the target it gives.
    private mutating func outcomeContext(_ k: Int, _ j: Int) -> TemplateObject {
        let update = solution.updates[k]
        let outcome = update.outcomes[j]
        let stochastic = update.update.isStochastic
        let at = BellmanTrace.outcomePrefix(k, j, stochastic: stochastic)
        var context = transition(outcome.outcome, index: stochastic ? j + 1 : nil)
        context["number"] = .text(j + 1)
        context["probability"] = book.inline(.symbol("p", sub: .integer(j + 1)) .= .number(outcome.outcome.probability))
        context["tie"] = .flag(outcome.argmax.count > 1)
        context["argmax"] = templateListData(outcome.argmax.map { ["name": .text($0), "line": book.inline("a'" .= .text($0))] })
        // Shown by Q-learning only, to say it is not used (SARSA reads its step, `next_q`).
        context["nextAction"] = update.update.nextAction.map { .text($0) }
        if stochastic { context = context.merging(book.steps(trace, under: at + ".")) }
        if let row = outcome.nextRow, problem.rule == .qLearning {
            let read = trace["\(at).\(BellmanTrace.readID(.qLearning))"]
            // The row written out by name first, so it is clear which entries are compared.
            let entries = row.actions.map { BellmanTrace.entry(row.state, $0) }
            context["read"] = book.inline(
                BellmanTrace.bestOf(row.state) .= .max(entries) .= read.substituted .=≈ read.result)
        }
        return context
    }

    // MARK: Tables

    /// A Q table as the `bellman/table` partial wants it: one column per
    /// action, `—` where a state lacks that action, marked cells highlighted
    /// (with `was → now` when the old value is given).
    private mutating func table(_ q: QTable, marked: Set<QTable.Cell> = [], was: Double? = nil) -> TemplateObject {
        let actions = q.columns
        let scale = q.rows.flatMap(\.values).map(abs).max() ?? 0
        func number(_ value: Double) -> Formula { .number(value.withoutNoise(scale: scale)) }
        var rows: [TemplateObject] = []
        for (r, row) in q.rows.enumerated() {
            let cells = actions.map { action -> TemplateObject in
                guard let c = row.actions.firstIndex(of: action) else { return ["missing": true] }
                let isMarked = marked.contains(QTable.Cell(row: r, column: c))
                let value = number(row.values[c])
                let shown = isMarked ? was.map { .relation(.tendsTo, number($0), value) } ?? value : value
                return [
                    "missing": false,
                    "marked": .flag(isMarked),
                    "highlight": .text(TableHighlight.marker),
                    "value": book.inline(shown),
                ]
            }
            rows.append(["state": .text(row.state), "cells": .objects(cells)])
        }
        return ["header": .list(actions) { ["name": .text($0)] }, "rows": .objects(rows)]
    }
}
