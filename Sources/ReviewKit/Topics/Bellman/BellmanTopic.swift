/// `bellman`: Q-learning and SARSA updates on a small Q table, and the
/// Bellman backup over stochastic outcomes — the course notes'
/// Q_{i+1}(s,a) = E[r + γ max_a' Q_i(s',a') | s,a].
enum BellmanTopic: Topic {
    enum Rule: String, Sendable, CaseIterable {
        case qLearning = "q-learning"
        case sarsa
    }

    /// One way a transition can end. A plain update is a single outcome with
    /// probability 1, so the solver has one code path for both.
    struct Outcome: Sendable, Equatable {
        var probability: Double
        var reward: Double
        /// May be absent (or name a state outside the table) when terminal:
        /// the episode ends there and nothing is read from it.
        var nextState: String?
        var terminal: Bool
    }

    struct Update: Sendable, Equatable {
        var state: String
        var action: String
        var outcomes: [Outcome]
        /// Whether the file gave `outcomes` (the expectation is shown) rather
        /// than `reward`/`next_state`.
        var isStochastic: Bool
        /// The action taken in the next state: SARSA's a'. Q-learning keeps it
        /// only to point out that it is not used.
        var nextAction: String?
    }

    struct Problem: Sendable {
        var q: QTable
        var updates: [Update]
        var alpha: Double
        var gamma: Double
        var rule: Rule
    }

    typealias Solution = BellmanSolution

    static let name = "bellman"
    static let fields = ["q", "updates", "alpha", "gamma", "rule"]

    static func decode(_ object: ObjectFields) throws -> Problem {
        try BellmanDecoder.decode(object)
    }

    static func encode(_ problem: Problem) -> [(String, JSONValue)] {
        BellmanDecoder.encode(problem)
    }

    static func solve(_ problem: Problem) throws -> Solution {
        var solution = try BellmanSolver.solve(problem)
        solution.trace = BellmanTrace.record(solution)
        return solution
    }

    static func answers(_ solution: Solution) -> JSONValue {
        .object([
            ("updates", .array(solution.updates.map { update in
                .object([
                    ("old_q", .number(update.old)),
                    ("td_target", .number(update.target)),
                    ("td_error", .number(update.error)),
                    ("new_q", .number(update.new)),
                ])
            })),
            ("q", solution.final.json),
        ])
    }

    static func steps(_ solution: Solution) -> [Step] {
        solution.trace.jsonSteps()
    }

    static func generate(_ random: inout RandomSource, difficulty: Difficulty) -> Problem {
        BellmanGenerator.generate(&random, difficulty: difficulty)
    }

    static func present(_ problem: Problem, _ solution: Solution, in context: PresentationContext) -> Presentation {
        var presenter = BellmanPresenter(solution: solution, templates: context.templates)
        return presenter.presentation()
    }
}

/// A Q table in the user's order: states as rows, each with its own actions
/// (usually the same for every state, but a state may have fewer — or none,
/// for a state that only ends episodes).
struct QTable: Sendable, Equatable {
    struct Row: Sendable, Equatable {
        var state: String
        var actions: [String]
        var values: [Double]
    }

    var rows: [Row]

    func row(_ state: String) -> Int? {
        rows.firstIndex { $0.state == state }
    }

    func cell(_ state: String, _ action: String) -> (row: Int, column: Int)? {
        guard let r = row(state), let c = rows[r].actions.firstIndex(of: action) else { return nil }
        return (r, c)
    }

    /// Every action of any state, in order of first appearance: the columns
    /// of the printed table.
    var allActions: [String] {
        var seen: [String] = []
        for row in rows {
            for action in row.actions where !seen.contains(action) { seen.append(action) }
        }
        return seen
    }

    var json: JSONValue {
        .object(rows.map { row in
            (row.state, JSONValue.object(zip(row.actions, row.values).map { ($0, JSONValue.number($1)) }))
        })
    }
}
