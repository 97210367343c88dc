/// The `--format json` document: `{"generator", "seed"?, "results": [...]}`,
/// each result with the problem (defaults filled in), its answers and every
/// recorded step, numbers at full double precision.
struct AnswerDocument {
    let problems: [WorkedProblem]
    let seed: UInt64?

    func value() -> JSONValue {
        var members: [(String, JSONValue)] = [("generator", .string(ReviewVersion.generator))]
        if let seed { members.append(("seed", .number(Double(seed)))) }
        members.append(("results", .array(problems.map(result))))
        return .object(members)
    }

    func json() -> String {
        JSONWriter.pretty(value()) + "\n"
    }

    private func result(_ problem: WorkedProblem) -> JSONValue {
        var members: [(String, JSONValue)] = [("id", .string(problem.id)), ("topic", .string(problem.topic))]
        if let title = problem.title { members.append(("title", .string(title))) }
        members += [
            ("problem", problem.problem),
            ("answers", problem.answers),
            ("steps", .array(problem.steps.map(step))),
        ]
        return .object(members)
    }

    private func step(_ step: Step) -> JSONValue {
        .object([
            ("id", .string(step.id)), ("label", .string(step.label)), ("formula", .string(step.formula)),
            ("substituted", .string(step.substituted)), ("value", step.value),
        ])
    }
}
