/// Applies the updates of a `bellman` problem in order, recording every
/// number a student writes down: the old entry, what is read from the next
/// state (the row of Q(s', ·) and its maximum, or SARSA's Q(s', a')), each
/// outcome's target, the expectation, the TD error and the new entry — and
/// the table before and after.
///
/// Pure numbers, no wording: `BellmanTrace` records the worked steps from
/// this, and `BellmanPresenter` reads both.
enum BellmanSolver {
    static func solve(_ problem: BellmanTopic.Problem) throws -> BellmanSolution {
        var table = problem.q
        var updates: [BellmanSolution.UpdateTrace] = []
        for (index, update) in problem.updates.enumerated() {
            let path = JSONPath.root.appending(key: "updates").appending(index: index)
            guard let cell = table.cell(update.state, update.action) else {
                throw SolveError(path, "unknown state-action pair ('\(update.state)', '\(update.action)')")
            }
            let before = table
            let old = table.rows[cell.row].values[cell.column]
            let outcomes = try update.outcomes.map { outcome in
                try read(outcome, nextAction: update.nextAction, from: table, problem: problem, path: path)
            }
            // A single transition's target is its own; only `outcomes` are
            // weighted (so a plain update does not carry a spurious 1 · y).
            let target = update.isStochastic
                ? outcomes.reduce(0) { $0 + $1.weighted } : outcomes[0].target
            let error = target - old
            // α = 1 is the plain backup Q ← y; writing y itself keeps
            // old + (y − old) from picking up rounding noise.
            let new = problem.alpha == 1 ? target : old + problem.alpha * error
            for (value, step) in [(target, "the TD target y"), (error, "the TD error y − Q(s, a)"), (new, "the new Q(s, a)")]
            where !value.isFinite {
                throw SolveError(path, "\(step) overflows: the rewards or Q values are too large")
            }
            table.rows[cell.row].values[cell.column] = new
            updates.append(
                BellmanSolution.UpdateTrace(
                    update: update, cell: cell, old: old, outcomes: outcomes,
                    target: target, error: error, new: new, before: before, after: table))
        }
        return BellmanSolution(problem: problem, updates: updates, final: table)
    }

    /// What one outcome contributes: for Q-learning the row of Q(s', ·) and
    /// its maximum (ties kept, so the sheet can say the choice does not
    /// matter), for SARSA the entry Q(s', a'), for a terminal outcome nothing.
    private static func read(
        _ outcome: BellmanTopic.Outcome, nextAction: String?, from table: QTable,
        problem: BellmanTopic.Problem, path: JSONPath
    ) throws -> BellmanSolution.OutcomeTrace {
        var trace = BellmanSolution.OutcomeTrace(outcome: outcome)
        guard !outcome.terminal else { return trace }
        guard let next = outcome.nextState, let row = table.row(next), !table.rows[row].actions.isEmpty else {
            throw SolveError(path, "the next state has no actions in the Q table")
        }
        let entries = table.rows[row]
        trace.nextRow = entries
        switch problem.rule {
        case .qLearning:
            let best = entries.values.max()!
            trace.future = best
            trace.argmax = zip(entries.actions, entries.values).filter { $0.1 == best }.map(\.0)
        case .sarsa:
            guard let action = nextAction, let column = entries.actions.firstIndex(of: action) else {
                throw SolveError(path, "rule \"sarsa\" needs a next action of state '\(next)'")
            }
            trace.future = entries.values[column]
        }
        trace.discounted = problem.gamma * trace.future!
        return trace
    }
}

/// Everything the solver computed, in the order it computed it.
struct BellmanSolution: Sendable, TracedSolution {
    struct OutcomeTrace: Sendable {
        var outcome: BellmanTopic.Outcome
        /// Q(s', ·) as it was when this update read it (nil when terminal).
        var nextRow: QTable.Row?
        /// max_a' Q(s', a') for Q-learning, Q(s', a') for SARSA.
        var future: Double?
        /// The actions that reach the maximum (more than one on a tie).
        var argmax: [String] = []
        /// γ · future.
        var discounted: Double?
        /// r + γ · future, or r alone when terminal.
        var target: Double { discounted.map { outcome.reward + $0 } ?? outcome.reward }
        /// p · target (the term of the expectation).
        var weighted: Double { outcome.probability * target }
    }

    struct UpdateTrace: Sendable {
        var update: BellmanTopic.Update
        /// Where the updated entry sits in the table.
        var cell: QTable.Cell
        var old: Double
        var outcomes: [OutcomeTrace]
        var target: Double
        var error: Double
        var new: Double
        var before: QTable
        var after: QTable
    }

    var problem: BellmanTopic.Problem
    var updates: [UpdateTrace]
    var final: QTable
    /// Every worked step, recorded once by `BellmanTopic.solve` (`BellmanTrace`).
    var trace = Trace()
}
