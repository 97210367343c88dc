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
    private var hasOutcomes: Bool { problem.updates.contains(where: \.isStochastic) }
    private var isBackup: Bool { problem.isBackup }

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
        drawing.caption = words.caption(typed: ["stochastic": .flag(hasOutcomes), "hasEnd": .flag(drawing.hasEnd)])
        return drawing.figure()
    }

    // MARK: Question

    private mutating func questionContext() -> TemplateObject {
        var context = ruleContext()
        context["table"] = .object(table(problem.q))
        context["updates"] = .objects(problem.updates.enumerated().map { index, update in
            var item = transition(update.outcomes[0], index: nil)
            item["number"] = .text(index + 1)
            item["state"] = .text(update.state)
            item["action"] = .text(update.action)
            item["stochastic"] = .flag(update.isStochastic)
            item["nextAction"] = .text(update.nextAction ?? "")
            item["hasNextAction"] = .flag(update.nextAction != nil && problem.rule == .sarsa)
            item["outcomes"] = templateListData(update.outcomes.map { outcome in
                var entry = transition(outcome, index: nil)
                entry["probability"] = book.inline(.number(outcome.probability))
                return entry
            })
            return item
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

    /// What the question and the solution both need: the rule and the rates.
    private mutating func ruleContext() -> TemplateObject {
        [
            "qLearning": .flag(problem.rule == .qLearning),
            "sarsa": .flag(problem.rule == .sarsa),
            "alphaLine": book.inline("alpha" .= .number(problem.alpha)),
            "gammaLine": book.inline("gamma" .= .number(problem.gamma)),
            "alphaIsOne": .flag(problem.alpha == 1),
            "single": .flag(problem.updates.count == 1),
            "hasTerminal": .flag(problem.updates.contains { $0.outcomes.contains(where: \.terminal) }),
            "hasOutcomes": .flag(problem.updates.contains(where: \.isStochastic)),
            // Issue 16: random outcomes with α = 1 are the course's Q-value
            // iteration, a Bellman backup: no α, no TD error on the sheet.
            // With α < 1 the sheet keeps both, but never calls it Q-learning.
            "backup": .flag(isBackup),
            "expectedUpdate": .flag(hasOutcomes && !isBackup),
            "plain": .flag(!hasOutcomes),
        ]
    }

    // MARK: Solution

    private mutating func solutionContext() -> TemplateObject {
        var context = ruleContext()
        // The answer table lists the same objects: each update's steps by id.
        context["updates"] = .objects(solution.updates.indices.map { updateContext($0) })
        let changed = Set(solution.updates.map { Cell(row: $0.row, column: $0.column) })
        context["final"] = .object(table(solution.final, marked: changed))
        return context
    }

    private mutating func updateContext(_ k: Int) -> TemplateObject {
        let update = solution.updates[k]
        let taken = update.update
        let p = BellmanTrace.prefix(k)
        let cell = Cell(row: update.row, column: update.column)
        let newValue = trace["\(p).new_q"]
        var context: TemplateObject = book.steps(trace, under: p + ".").merging([
            "number": .text(k + 1),
            "first": .flag(k == 0),
            "previous": .text(k),
            "pair": book.inline(BellmanTrace.entry(taken.state, taken.action)),
            "stochastic": .flag(taken.isStochastic),
            "before": .object(table(update.before, marked: [cell])),
            "after": .object(table(update.after, marked: [cell], was: update.old)),
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
        let nextAction = update.update.nextAction
        var context = transition(outcome.outcome, index: stochastic ? j + 1 : nil)
        context["number"] = .text(j + 1)
        context["probability"] = book.inline(.symbol("p", sub: .integer(j + 1)) .= .number(outcome.outcome.probability))
        context["tie"] = .flag(outcome.argmax.count > 1)
        context["argmax"] = templateListData(outcome.argmax.map { ["name": .text($0), "line": book.inline("a'" .= .text($0))] })
        context["ignoredNextAction"] = .text(problem.rule == .qLearning ? (nextAction ?? "") : "")
        context["hasIgnoredNextAction"] = .flag(problem.rule == .qLearning && nextAction != nil)
        if stochastic { context = context.merging(book.steps(trace, under: at + ".")) }
        if let row = outcome.nextRow {
            let read = trace["\(at).\(BellmanTrace.readID(problem.rule))"]
            switch problem.rule {
            case .qLearning:
                // The row written out by name first, so it is clear which entries are compared.
                let entries = row.actions.map { BellmanTrace.entry(row.state, $0) }
                context["read"] = book.inline(
                    BellmanTrace.bestOf(row.state) .= .max(entries) .= read.substituted .=≈ read.result)
            case .sarsa:
                context["read"] = book.inline(read.line(from: read.formula))
            }
        }
        return context
    }

    // MARK: Tables

    private struct Cell: Hashable {
        var row: Int
        var column: Int
    }

    /// A Q table as the `bellman/table` partial wants it: one column per
    /// action, `—` where a state lacks that action, marked cells highlighted
    /// (with `was → now` when the old value is given).
    private mutating func table(_ q: QTable, marked: Set<Cell> = [], was: Double? = nil) -> TemplateObject {
        let actions = columns(q)
        let scale = q.rows.flatMap(\.values).map(abs).max() ?? 0
        var rows: [TemplateObject] = []
        for (r, row) in q.rows.enumerated() {
            var cells: [TemplateObject] = []
            for action in actions {
                guard let c = row.actions.firstIndex(of: action) else {
                    cells.append(["missing": true, "marked": false, "value": ""])
                    continue
                }
                let isMarked = marked.contains(Cell(row: r, column: c))
                let value = Formula.number(BellmanTrace.withoutNoise(row.values[c], scale: scale))
                let shown = isMarked
                    ? was.map { .relation(.tendsTo, .number(BellmanTrace.withoutNoise($0, scale: scale)), value) } ?? value
                    : value
                cells.append([
                    "missing": false,
                    "marked": .flag(isMarked),
                    "highlight": .text(isMarked ? TableHighlight.marker : ""),
                    "value": book.inline(shown),
                ])
            }
            rows.append(["state": .text(row.state), "cells": .objects(cells)])
        }
        return ["header": .list(actions) { ["name": .text($0)] }, "rows": .objects(rows)]
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
}
