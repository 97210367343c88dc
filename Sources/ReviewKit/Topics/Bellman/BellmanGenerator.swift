/// Makes exam-like Q-update problems that a student can solve by hand.
///
/// Tables of 2–4 states and 2–3 actions with one-decimal entries, rewards
/// that are small integers or one-decimal numbers, and the rates exams use
/// (γ ∈ {0.9, 0.8, 0.5}, α ∈ {1, 0.5, 0.2, 0.1}). Updates follow one
/// trajectory (each starts where the last one arrived; under SARSA with the
/// action it announced), so later updates read what earlier ones wrote.
/// Difficulty adds updates, SARSA, terminal steps and random outcomes.
///
/// A candidate is kept only when every number on the sheet is a short
/// decimal (at most three places) and, for a sequence, some update reads an
/// entry an earlier one changed — the point of asking for a sequence.
enum BellmanGenerator: ProblemGenerator {
    typealias Problem = BellmanTopic.Problem

    static func generate(_ random: inout RandomSource, difficulty: Difficulty) -> Problem {
        if let problem = random.firstAccepted(tries: 500, { candidate(&$0, difficulty: difficulty) }, where: isHandSolvable) {
            return problem
        }
        // Unreachable in practice; the contract's own example is always fine.
        let q = QTable(rows: [
            .init(state: "s1", actions: ["left", "right"], values: [0, 0.5]),
            .init(state: "s2", actions: ["left", "right"], values: [1, 0]),
        ])
        let update = BellmanTopic.Update(
            state: "s1", action: "right",
            outcomes: [.init(probability: 1, reward: 1, nextState: "s2", terminal: false)],
            isStochastic: false, nextAction: nil)
        return Problem(q: q, updates: [update], alpha: 0.5, gamma: 0.9, rule: .qLearning)
    }

    private static let namings: [(states: [String], actions: [String], terminal: String)] = [
        (["s1", "s2", "s3", "s4"], ["left", "right", "stay"], "goal"),
        (["A", "B", "C", "D"], ["a1", "a2", "a3"], "T"),
        (["s0", "s1", "s2", "s3"], ["up", "down", "wait"], "exit"),
    ]

    private static let splits: [[Double]] = [[0.8, 0.2], [0.7, 0.3], [0.5, 0.5], [0.9, 0.1], [0.6, 0.4]]
    private static let threeWaySplits: [[Double]] = [[0.6, 0.3, 0.1], [0.5, 0.3, 0.2], [0.7, 0.2, 0.1]]

    private static func candidate(_ random: inout RandomSource, difficulty: Difficulty) -> Problem {
        let naming = random.pick(namings)
        let stateCount: Int, actionCount: Int, updateCount: Int
        let alpha: Double, rule: BellmanTopic.Rule, stochasticChance: Double, terminalChance: Double
        switch difficulty {
        case .easy:
            (stateCount, actionCount, updateCount) = (2, 2, 1)
            alpha = random.pick([1, 0.5])
            (rule, stochasticChance, terminalChance) = (.qLearning, 0, 0.15)
        case .standard:
            (stateCount, actionCount, updateCount) = (random.int(in: 2...3), random.int(in: 2...3), random.int(in: 1...2))
            alpha = random.pick([1, 0.5, 0.5, 0.1, 0.2])
            rule = random.chance(0.3) ? .sarsa : .qLearning
            (stochasticChance, terminalChance) = (0.2, 0.15)
        case .hard:
            (stateCount, actionCount, updateCount) = (random.int(in: 3...4), random.int(in: 2...3), random.int(in: 2...3))
            alpha = random.pick([0.5, 0.5, 0.1, 0.2])
            rule = random.chance(0.35) ? .sarsa : .qLearning
            (stochasticChance, terminalChance) = (0.5, 0.2)
        }
        let states = Array(naming.states.prefix(stateCount))
        let actions = Array(naming.actions.prefix(actionCount))
        let low = difficulty == .hard ? -1 : 0
        let q = QTable(rows: states.map { state in
            .init(state: state, actions: actions, values: actions.map { _ in random.tenths(in: low...2) })
        })

        var updates: [BellmanTopic.Update] = []
        var state = random.pick(states)
        var action = random.pick(actions)
        for index in 0..<updateCount {
            // The last step of a sequence may end the episode; earlier ones
            // must not, or the trajectory could not go on.
            let mayEnd = index == updateCount - 1 && random.chance(terminalChance)
            if rule == .qLearning, random.chance(stochasticChance) {
                let split = difficulty == .hard && random.chance(0.4) ? random.pick(threeWaySplits) : random.pick(splits)
                var outcomes = split.map { p in
                    BellmanTopic.Outcome(probability: p, reward: reward(&random), nextState: random.pick(states), terminal: false)
                }
                if mayEnd || random.chance(0.3) {
                    outcomes[outcomes.count - 1] = .init(
                        probability: split[split.count - 1], reward: reward(&random), nextState: naming.terminal, terminal: true)
                }
                updates.append(.init(state: state, action: action, outcomes: outcomes, isStochastic: true, nextAction: nil))
                state = outcomes[0].nextState!
                action = random.pick(actions)
                continue
            }
            let next = random.pick(states)
            let nextAction = random.pick(actions)
            let outcome = BellmanTopic.Outcome(
                probability: 1, reward: reward(&random), nextState: mayEnd ? naming.terminal : next, terminal: mayEnd)
            updates.append(.init(
                state: state, action: action, outcomes: [outcome], isStochastic: false,
                nextAction: rule == .sarsa && !outcome.terminal ? nextAction : nil))
            state = next
            action = rule == .sarsa ? nextAction : random.pick(actions)
        }
        return Problem(q: q, updates: updates, alpha: alpha, gamma: random.pick([0.9, 0.9, 0.8, 0.5]), rule: rule)
    }

    private static func reward(_ random: inout RandomSource) -> Double {
        random.chance(0.7) ? Double(random.pick([-1, 0, 1, 1, 2])) : random.tenths(in: -1...2)
    }

    // MARK: Acceptance

    private static func isHandSolvable(_ problem: Problem) -> Bool {
        guard let solution = try? BellmanTopic.solve(problem) else { return false }
        var numbers: [Double] = []
        for update in solution.updates {
            numbers += [update.old, update.target, update.error, update.new]
            for outcome in update.outcomes {
                numbers += [outcome.target, outcome.weighted, outcome.discounted ?? 0]
            }
        }
        guard numbers.allSatisfy({ abs($0) <= 20 && isShortDecimal($0) }) else { return false }
        return solution.updates.count == 1 || readsEarlierResult(solution)
    }

    /// At most three decimal places, allowing for floating-point noise.
    private static func isShortDecimal(_ value: Double) -> Bool {
        abs(value * 1000 - (value * 1000).rounded()) < 1e-6
    }

    /// Whether some update reads an entry that an earlier update changed:
    /// its own old value or the row of a next state it looks at.
    private static func readsEarlierResult(_ solution: BellmanSolution) -> Bool {
        let q = solution.problem.q
        var changed: Set<QTable.Cell> = []
        for update in solution.updates {
            if changed.contains(update.cell) { return true }
            for outcome in update.outcomes where !outcome.outcome.terminal {
                guard let next = outcome.outcome.nextState, let row = q.row(next) else { continue }
                // Q-learning reads the whole row (for the max), SARSA one entry.
                if let action = update.update.nextAction, solution.problem.rule == .sarsa {
                    if let cell = q.cell(next, action), changed.contains(cell) { return true }
                } else if changed.contains(where: { $0.row == row }) {
                    return true
                }
            }
            changed.insert(update.cell)
        }
        return false
    }
}
