/// A mistake students really make in one topic, and the wrong answers it
/// produces on a given problem: mistake diagnosis names the slip when a
/// student's number equals the slip's and not the right one.
///
/// The ids are the contract's ("Slips of the core topics" in
/// problem-format.md, and each topic's section of the topic specs). The
/// wording is in `templates/<lang>/<topic>/slip-<id>.mustache`, filled from
/// `Effect.context`.
struct Slip<T: Topic>: Sendable {
    /// What the slip does to one problem.
    struct Effect: Sendable {
        /// The whole `answers` object a student making this slip writes.
        var answers: JSONValue
        /// Other answers the same slip can give (which of two paths a
        /// student kept): a number matching any of them counts.
        var alternatives: [JSONValue] = []
        /// The id of the worked step (in the trace) where the slip happens.
        var step: String
        /// A closer step for particular answer paths (`gradient.y` →
        /// `df/dy`); `step` for the rest.
        var stepOfPath: [String: String] = [:]
        /// Values the explanation names ("each of the 6 filters").
        var context: TemplateObject = [:]
    }

    var id: String
    /// The slip's effect, or nil where it does not apply to this problem
    /// (a temperature slip when T = 1).
    var effect: @Sendable (T.Problem, T.Solution) -> Effect?
}

/// One slip's effect on one problem, with the topic erased.
struct SlipOutcome: Sendable {
    var id: String
    var topic: String
    /// The slip's answers, then its alternatives.
    var answers: [AnswerLeaves]
    var step: String
    var stepOfPath: [String: String]
    var context: TemplateObject

    func step(for path: String) -> String { stepOfPath[path] ?? step }
}

extension Topic {
    /// No slips are declared unless the topic lists them.
    static var slips: [Slip<Self>] { [] }

    /// Every slip that applies to this problem, in declared order.
    static func slipOutcomes(_ problem: Problem, _ solution: Solution) -> [SlipOutcome] {
        slips.compactMap { slip in
            slip.effect(problem, solution).map {
                SlipOutcome(id: slip.id, topic: name, answers: ([$0.answers] + $0.alternatives).map(AnswerLeaves.init),
                            step: $0.step, stepOfPath: $0.stepOfPath, context: $0.context)
            }
        }
    }
}

extension JSONValue {
    /// This value with the number at `path` (keys and indices) changed by
    /// `change`; unchanged where the path leads nowhere. For slips, which
    /// alter a few numbers of a right answer.
    func updating(_ path: [JSONPath.Component], _ change: (Double) -> Double) -> JSONValue {
        guard let head = path.first else {
            if case .number(let x, _) = kind { return .number(change(x)) }
            return self
        }
        let rest = Array(path.dropFirst())
        switch (kind, head) {
        case (.array(var items), .index(let i)) where items.indices.contains(i):
            items[i] = items[i].updating(rest, change)
            return JSONValue(.array(items))
        case (.object(var members), .key(let key)):
            guard let i = members.firstIndex(where: { $0.key == key }) else { return self }
            members[i].value = members[i].value.updating(rest, change)
            return JSONValue(.object(members))
        default:
            return self
        }
    }

    /// Every number in this value changed by `change` (a whole vector or
    /// matrix negated, scaled).
    func mappingNumbers(_ change: (Double) -> Double) -> JSONValue {
        switch kind {
        case .number(let x, _): return .number(change(x))
        case .array(let items): return JSONValue(.array(items.map { $0.mappingNumbers(change) }))
        case .object(let members):
            return JSONValue(.object(members.map { Member(key: $0.key, value: $0.value.mappingNumbers(change), line: 0, column: 0) }))
        case .null, .bool, .string: return self
        }
    }

    /// The member `key` of an object, if it is one and has it.
    func member(_ key: String) -> JSONValue? {
        guard case .object(let members) = kind else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// The member `key` of an object changed by `change`.
    func updatingMember(_ key: String, _ change: (JSONValue) -> JSONValue) -> JSONValue {
        guard case .object(var members) = kind, let i = members.firstIndex(where: { $0.key == key }) else { return self }
        members[i].value = change(members[i].value)
        return JSONValue(.object(members))
    }
}

extension Topic {
    /// A slip known by the answers it gives (the first, then alternatives),
    /// nil where they equal the right ones. Every answer it changes points
    /// at the step `stepOf` names for its path, or else at the recorded step
    /// whose id is that path or the nearest part of it; the slip as a whole
    /// at `step`, or else at the first changed answer's step.
    static func answerSlip(
        _ id: String, step: (@Sendable (Problem) -> String)? = nil,
        stepOf: @escaping @Sendable (Problem, String) -> String?,
        context: @escaping @Sendable (Problem) -> TemplateObject = { _ in [:] },
        _ wrong: @escaping @Sendable (Problem, Solution) -> [JSONValue]?
    ) -> Slip<Self> {
        Slip(id: id) { problem, solution in
            guard let all = wrong(problem, solution), let first = all.first else { return nil }
            let right = AnswerLeaves(answers(solution))
            func changed(_ answers: JSONValue) -> [String] {
                AnswerLeaves(answers).leaves.filter { leaf in
                    right.value(at: leaf.path).map { abs($0 - leaf.value) > 1e-9 * max(1, abs($0)) } ?? false
                }.map(\.path)
            }
            let firstChanged = changed(first)
            guard !firstChanged.isEmpty else { return nil }
            var stepOfPath: [String: String] = [:]
            for path in all.flatMap(changed) where stepOfPath[path] == nil {
                stepOfPath[path] = stepOf(problem, path) ?? recordedStep(at: path, in: trace(solution))
            }
            let main = step?(problem) ?? stepOfPath[firstChanged[0]] ?? trace(solution).steps.last?.id ?? ""
            return Slip.Effect(
                answers: first, alternatives: Array(all.dropFirst()), step: main, stepOfPath: stepOfPath,
                context: context(problem))
        }
    }

    /// `answerSlip` for a slip with one wrong answer and steps found in the
    /// trace by path (a topic's own slipped solver, `<Topic>.Slip`).
    static func slip(_ id: String, _ wrong: @escaping @Sendable (Problem) -> JSONValue?) -> Slip<Self> {
        answerSlip(id, stepOf: { _, _ in nil }) { problem, _ in wrong(problem).map { [$0] } }
    }

    /// `grad_W[0][1]` → a step `grad_W[0][1]`, else `grad_W[0]`, else `grad_W`.
    private static func recordedStep(at path: String, in trace: Trace) -> String? {
        let ids = Set(trace.steps.map(\.id))
        var path = path
        while !ids.contains(path) {
            guard let cut = path.lastIndex(where: { $0 == "[" || $0 == "." }) else { return nil }
            path = String(path[..<cut])
        }
        return path
    }
}
