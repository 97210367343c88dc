/// Reads the parts of a `bellman` problem whose checks span several fields
/// (the keys, the README table and the encoding are `BellmanTopic.schema`).
///
/// Every name an update uses is checked against the Q table here, while the
/// field it came from is at hand: a typo in a state or action is reported at
/// its own path (`updates[1].next_state`) with a suggestion, instead of
/// surfacing later as a confusing number.
enum BellmanDecoder {
    typealias Problem = BellmanTopic.Problem
    typealias Update = BellmanTopic.Update
    typealias Outcome = BellmanTopic.Outcome

    /// How far the outcome probabilities may sum from 1 (the contract's 1e-9).
    static let probabilityTolerance = 1e-9
    /// Far beyond any table worked on paper. The sheet prints the whole table
    /// twice per update (and the trace keeps both copies), so without a bound
    /// an 8 MB file could ask for gigabytes of tables.
    static let maxEntries = 1000
    static let maxUpdates = 100

    // MARK: The Q table

    static func table(_ field: Field) throws -> QTable {
        let states = try field.anyObject()
        guard !states.keys.isEmpty else { throw field.error("must have at least one state, got an empty object") }
        var rows: [QTable.Row] = []
        for (state, rowField) in zip(states.keys, states.fields) {
            let actions = try rowField.namedNumbers()
            rows.append(QTable.Row(state: state, actions: actions.map(\.name), values: actions.map(\.value)))
        }
        let entries = rows.reduce(0) { $0 + $1.values.count }
        guard entries <= maxEntries else { throw field.error("must have at most \(maxEntries) entries in all, got \(entries)") }
        return QTable(rows: rows)
    }

    // MARK: Updates

    /// One update, its keys already checked against `BellmanTopic.updateSchema`.
    static func update(_ object: ObjectFields, q: QTable, rule: BellmanTopic.Rule) throws -> Update {
        let state = try knownState(object.required("state"), q)
        let action = try knownAction(object.required("action"), of: state, q)

        if let outcomesField = object.optional("outcomes") {
            if rule == .sarsa {
                throw outcomesField.error("rule \"sarsa\" takes no 'outcomes' (it follows the one next action taken)")
            }
            for key in ["reward", "next_state", "terminal", "next_action"] {
                if let extra = object.optional(key) {
                    throw extra.error(key == "reward" || key == "next_state"
                        ? "give either 'outcomes' or 'reward'/'next_state', not both"
                        : "'\(key)' goes on each outcome when 'outcomes' is given")
                }
            }
            let outcomes = try outcomeList(outcomesField, q: q)
            return Update(state: state, action: action, outcomes: outcomes, isStochastic: true, nextAction: nil)
        }

        let single = try outcome(object, probability: 1, q: q)
        var nextAction: String?
        if let nextActionField = object.optional("next_action") {
            if single.terminal { throw nextActionField.error("a terminal transition has no next action") }
            nextAction = try knownAction(nextActionField, of: single.nextState ?? "", q)
        } else if rule == .sarsa && !single.terminal {
            throw InputError(path: object.path,
                             message: "missing required field 'next_action' (rule \"sarsa\" needs the action taken in the next state)")
        }
        return Update(state: state, action: action, outcomes: [single], isStochastic: false, nextAction: nextAction)
    }

    private static func outcomeList(_ field: Field, q: QTable) throws -> [Outcome] {
        let outcomes = try BellmanTopic.outcomeSchema.decodeList(field, count: 1...Int.max, noun: "outcome") { object in
            try outcome(object, probability: object.required("probability").nonNegativeNumber(), q: q)
        }
        let sum = outcomes.reduce(0) { $0 + $1.probability }
        guard abs(sum - 1) <= probabilityTolerance else {
            throw field.error("probabilities must sum to 1, got \(NumberFormat.plain(sum, decimals: 12))")
        }
        return outcomes
    }

    /// `reward`, `next_state`, `terminal` of an update or of one outcome.
    private static func outcome(_ object: ObjectFields, probability: Double, q: QTable) throws -> Outcome {
        let reward = try object.required("reward").number()
        let terminal = try object.optional("terminal")?.bool() ?? false
        var nextState: String?
        if terminal {
            // A terminal state need not be in the table: nothing is read from it.
            nextState = try object.optional("next_state")?.string()
        } else {
            guard let field = object.optional("next_state") else {
                throw InputError(path: object.path,
                                 message: "missing required field 'next_state' (or \"terminal\": true if the episode ends)")
            }
            let name = try knownState(field, q)
            if let row = q.row(name), q.rows[row].actions.isEmpty {
                throw field.error("state '\(name)' has no actions, so max_a' Q(s', a') is undefined; "
                    + "add \"terminal\": true if the episode ends there")
            }
            nextState = name
        }
        return Outcome(probability: probability, reward: reward, nextState: nextState, terminal: terminal)
    }

    private static func knownState(_ field: Field, _ q: QTable) throws -> String {
        let name = try field.string()
        guard q.row(name) == nil else { return name }
        throw field.error(unknownNameMessage("state '\(name)'", name, among: q.rows.map(\.state), listing: "the Q table has"))
    }

    private static func knownAction(_ field: Field, of state: String, _ q: QTable) throws -> String {
        let name = try field.string()
        guard let row = q.row(state), !q.rows[row].actions.contains(name) else { return name }
        let actions = q.rows[row].actions
        if actions.isEmpty { throw field.error("unknown action '\(name)': state '\(state)' has no actions in the Q table") }
        throw field.error(unknownNameMessage("action '\(name)' in state '\(state)'", name, among: actions, listing: "it has"))
    }
}
