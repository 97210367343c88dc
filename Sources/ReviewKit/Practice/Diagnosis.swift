/// What `review diagnose` finds for one given answer: right within the
/// typed precision, or wrong — and when the wrong number is what a known
/// slip gives, which slip and the step to reread.
public struct AnswerVerdict: Sendable {
    public var path: String
    public var given: Double
    public var typed: String
    public var expected: Double
    public var isRight: Bool
    /// The slip's id, when the wrong answer is what it produces.
    public var slip: String?
    /// The worked step where the slip happens.
    public var step: String?
    /// Values the slip's explanation names.
    var slipContext: TemplateObject = [:]
}

/// Every verdict for one problem.
public struct ProblemDiagnosis: Sendable {
    public var id: String
    public var topic: String
    public var verdicts: [AnswerVerdict]
    /// The worked problem, for the steps the verdicts point to.
    let problem: WorkedProblem

    public var allRight: Bool { verdicts.allSatisfy(\.isRight) }
}

public enum Diagnosis {
    /// Checks `given` against the problem's answers and its slips.
    /// Throws a `UsageError` naming a path the answers do not have, or a
    /// value that is not a number, so nothing is half-reported.
    public static func diagnose(_ problem: WorkedProblem, _ given: [GivenAnswer], source: String) throws
        -> ProblemDiagnosis
    {
        let answers = AnswerLeaves(problem.answers)
        var slips: [SlipOutcome]?
        var verdicts: [AnswerVerdict] = []
        for answer in given {
            guard let expected = answers.value(at: answer.path) else {
                throw UsageError(message: "\(source): no answer '\(answer.path)' in \(problem.id); its answers are "
                    + shortList(answers.paths))
            }
            guard let number = StudentNumber(answer.typed) else {
                throw UsageError(message: "\(source): \(answer.path) = '\(answer.typed)' is not a number")
            }
            var verdict = AnswerVerdict(
                path: answer.path, given: number.value, typed: answer.typed, expected: expected,
                isRight: number.isRight(for: expected))
            if !verdict.isRight {
                if slips == nil { slips = problem.slips() }
                if let slip = slips!.first(where: { matches(number, $0, answer.path, expected) }) {
                    verdict.slip = slip.id
                    verdict.step = slip.step(for: answer.path)
                    verdict.slipContext = slip.context
                }
            }
            verdicts.append(verdict)
        }
        return ProblemDiagnosis(id: problem.id, topic: problem.topic, verdicts: verdicts, problem: problem)
    }

    /// A slip explains a wrong number when its own answer there differs
    /// from the right one and the student's number is right for it.
    private static func matches(_ number: StudentNumber, _ slip: SlipOutcome, _ path: String, _ expected: Double) -> Bool {
        slip.answers.contains { answers in
            guard let wrong = answers.value(at: path) else { return false }
            let differs = abs(wrong - expected) > 1e-9 * max(1, abs(expected))
            return differs && number.isRight(for: wrong)
        }
    }

    private static func shortList(_ paths: [String]) -> String {
        let shown = paths.prefix(8).joined(separator: ", ")
        return paths.count > 8 ? shown + ", … (\(paths.count) in all)" : shown
    }
}
