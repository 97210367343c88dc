/// A problem with its answers, its trace and the means to word it: what every
/// output format is made from.
public struct WorkedProblem: Sendable {
    public let id: String
    public let topic: String
    public let title: String?
    /// The problem as JSON with every default filled in (`review solve` on it
    /// gives the same answers).
    public let problem: JSONValue
    public let answers: JSONValue
    /// Every intermediate value, as the solver recorded it.
    let trace: Trace
    /// The trace as JSON `steps`, written when asked for: a sheet shows the
    /// formulas itself and never needs their plain-text form.
    public var steps: [Step] { trace.jsonSteps() }
    /// The user's own question text, when the problem file gave one.
    let statement: String?
    let present: @Sendable (PresentationContext) -> Presentation
    /// Set when the problem is too big for a worked sheet (JSON is fine).
    let sheetLimit: SolveError?
    /// The wrong answers each applicable slip gives, computed only when
    /// asked for (`review diagnose`): sheets never need them.
    var slips: @Sendable () -> [SlipOutcome] = { [] }
    /// The multiple-choice questions in a language (`concepts` only),
    /// made when asked for (practice pages, Moodle, grading).
    var choices: @Sendable (String) -> [ChoiceQuestion] = { _ in [] }
    /// The handout section's title (`review build`): the only heading a
    /// question sheet gives a problem, since a problem file's own title
    /// may carry its answer ("AlexNet … (61,100,840 parameters)").
    var sectionTitle: String? = nil
    /// What the problem is worth on an exam (a handout section's `points`).
    var points: Int? = nil
    /// What makes two problems the same exercise to a student
    /// (`Topic.repetitionKey`): a sheet or a handout never holds two
    /// problems with one key. Worked out only when asked for: solving never needs it.
    var repetitionKey: @Sendable () -> String = { "" }
}

/// The fields every problem may carry, whatever its topic.
struct ProblemHeader: Sendable {
    static let fields = ["topic", "id", "title", "statement"]

    var id: String
    var title: String?
    var statement: String?

    /// `id`, `title` and `statement` first, then the topic's own fields.
    func json(topic: String, fields: [(String, JSONValue)]) -> JSONValue {
        var members: [(String, JSONValue)] = [("topic", .string(topic)), ("id", .string(id))]
        if let title { members.append(("title", .string(title))) }
        if let statement { members.append(("statement", .string(statement))) }
        return .object(members + fields)
    }
}
