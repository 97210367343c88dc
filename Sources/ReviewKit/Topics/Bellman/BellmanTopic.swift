/// `bellman`: Q-learning and SARSA updates on a small Q table, and the
/// Bellman backup over stochastic outcomes — the course notes'
/// Q_{i+1}(s,a) = E[r + γ max_a' Q_i(s',a') | s,a].
enum BellmanTopic: SchemaTopic, PresentedTopic, GeneratedTopic {
    typealias Presenter = BellmanPresenter
    typealias Generator = BellmanGenerator

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

    // MARK: Reading and writing problems

    static let blank = Problem(q: QTable(rows: []), updates: [], alpha: 1, gamma: 0, rule: .qLearning)

    static let schema = FieldSchema<Problem>([
        .custom(
            "q", type: "object: state → {action: number}", doc: "the Q table; a state may have fewer actions, or none",
            read: { field, problem in problem.q = try BellmanDecoder.table(field) },
            write: { problem in problem.q.json }),
        updatesField,
        .number("alpha", \.alpha, in: 0...1, excludingLowerBound: true, default: 1, doc: "the learning rate α"),
        .number("gamma", \.gamma, in: 0...1, doc: "the discount γ"),
        .choice(
            "rule", \.rule, default: .qLearning, doc: "`q-learning`: target r + γ max Q(s′, ·); `sarsa`: r + γ Q(s′, a′)"),
    ])

    /// Declared apart so `decode` can read it last: each update is checked
    /// against the table and the rule, which the file (and `encode`) puts after them.
    private static let updatesField = FieldSchema<Problem>.Spec.objectList(
        "updates", \.updates, of: updateSchema, count: 1...BellmanDecoder.maxUpdates, noun: "update",
        type: "list of updates (table below)", doc: "applied in order, each to the table the last one left",
        element: { object, problem in try BellmanDecoder.update(object, q: problem.q, rule: problem.rule) })

    static func decode(_ object: ObjectFields) throws -> Problem {
        let everythingElse = FieldSchema(schema.specs.filter { $0.name != updatesField.name })
        return try FieldSchema([updatesField]).decode(object, into: everythingElse.decode(object, into: blank))
    }

    /// An update's own keys. Which of them may appear together (either
    /// `outcomes` or `reward`/`next_state`) is checked by
    /// `BellmanDecoder.update`, which sees them all at once.
    static let updateSchema = FieldSchema<Update>([
        .readWithSiblings("state", type: "state of `q`", doc: "s", write: { .string($0.state) }),
        .readWithSiblings("action", type: "action of that state", doc: "a", write: { .string($0.action) }),
        .readWithSiblings(
            "reward", type: "number", doc: "r (unless `outcomes` is given)",
            write: { single($0).map { .number($0.reward) } ?? .null }),
        .readWithSiblings(
            "next_state", type: "state", doc: "s′ (unless `outcomes` is given; may be omitted when terminal)",
            write: { single($0)?.nextState.map(JSONValue.string) ?? .null }),
        .readWithSiblings(
            "next_action", type: "action of `next_state`", default: "—",
            doc: "a′: required by `sarsa` unless terminal; shown but unused by `q-learning`",
            write: { $0.nextAction.map(JSONValue.string) ?? .null }),
        .readWithSiblings(
            "terminal", type: "boolean", default: "false", doc: "the episode ends: the target is just r",
            write: { single($0).map { .bool($0.terminal) } ?? .null }),
        .readWithSiblings(
            "outcomes", type: "list of outcomes (table below)", default: "—",
            doc: "instead of `reward`/`next_state`: the Bellman backup over them (not with `sarsa`)",
            write: { $0.isStochastic ? .array($0.outcomes.map { outcomeSchema.encodedObject($0) }) : .null }),
    ])

    /// The one outcome of an update given as `reward`/`next_state`.
    private static func single(_ update: Update) -> Outcome? {
        update.isStochastic ? nil : update.outcomes[0]
    }

    /// One outcome of a stochastic update, read by `BellmanDecoder.outcome`.
    static let outcomeSchema = FieldSchema<Outcome>([
        .readWithSiblings(
            "probability", type: "number ≥ 0", doc: "the outcomes' probabilities sum to 1",
            write: { .number($0.probability) }),
        .readWithSiblings("reward", type: "number", doc: "r", write: { .number($0.reward) }),
        .readWithSiblings(
            "next_state", type: "state", doc: "s′ (may be omitted when terminal)",
            write: { $0.nextState.map(JSONValue.string) ?? .null }),
        .readWithSiblings(
            "terminal", type: "boolean", default: "false", doc: "the episode ends here", write: { .bool($0.terminal) }),
    ])

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

    /// Where an entry sits: its state's row and its place among that
    /// state's actions.
    struct Cell: Sendable, Hashable {
        var row: Int
        var column: Int
    }

    var rows: [Row]

    func row(_ state: String) -> Int? {
        rows.firstIndex { $0.state == state }
    }

    func cell(_ state: String, _ action: String) -> Cell? {
        guard let r = row(state), let c = rows[r].actions.firstIndex(of: action) else { return nil }
        return Cell(row: r, column: c)
    }

    /// The columns of the printed table: every action of any state, in the
    /// user's order. When states have different actions that order is only
    /// "first seen", which scrambles numbered actions (the rooms example's
    /// 4, 3, 5, 1, 2, 0); those are sorted as numbers.
    var columns: [String] {
        var seen: [String] = []
        for row in rows {
            for action in row.actions where !seen.contains(action) { seen.append(action) }
        }
        let ragged = Set(rows.map(\.actions)).count > 1
        guard ragged, seen.allSatisfy({ Int($0) != nil }) else { return seen }
        return seen.sorted { Int($0)! < Int($1)! }
    }

    var json: JSONValue {
        .object(rows.map { ($0.state, .namedNumbers(zip($0.actions, $0.values))) })
    }
}

/// What the printed answer key shows (`FinalAnswers`): each update's new Q(s, a); targets and TD errors are
/// working.
extension BellmanTopic {
    static let finalAnswers: FinalAnswers = ["updates[].new_q"]
}

extension BellmanTopic.Problem {
    /// Random outcomes learnt with α = 1 by Q-learning: the course's Q-value
    /// iteration, Q_{i+1}(s,a) = E[r + γ max Q_i(s′,a′)], a Bellman backup.
    var isBackup: Bool { hasOutcomes && alpha == 1 && rule == .qLearning }

    /// Whether some update gives random `outcomes` (the sheet shows an expectation).
    var hasOutcomes: Bool { updates.contains(where: \.isStochastic) }
}
