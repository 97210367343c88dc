/// A class graded: every answer row checked with the practice tolerance and
/// slip diagnosis, then added up per student and per problem. Numbers
/// only; `GradesCSV` and `ClassReport` write them.
public struct ClassGrades: Sendable {
    public enum Verdict: Sendable, Equatable {
        case right
        /// `slip` when the wrong number is what a known slip gives.
        case wrong(slip: String?)
        case blank
        case notANumber
    }

    struct Answer: Sendable {
        var line: Int
        var problem: Int
        var path: String
        var typed: String
        var verdict: Verdict
        var expected: Double
        var explanation: String?
        /// The right letter, when the answer is a multiple-choice one (`concepts`).
        var expectedChoice: String? = nil
    }

    struct StudentResult: Sendable {
        var id: String
        var folder: String
        var name: String?
        var answers: [Answer]
        /// Right answers per problem (index = problem − 1).
        var points: [Int]
        var total: Int { points.reduce(0, +) }
        var outOf: Int { answers.count }
    }

    struct ProblemResult: Sendable {
        var number: Int
        var topic: String
        var graded = 0
        var right = 0
        /// Slip id → how many answers it explains, in first-seen order.
        var slips: [(id: String, count: Int)] = []
    }

    var title: String
    var language: String
    var students: [StudentResult]
    var problems: [ProblemResult]

    /// Grades `answersFile` (CSV) against the build in `buildDirectory`.
    public static func grade(build buildDirectory: String, answers answersFile: String) throws -> ClassGrades {
        let build = try GradedBuild.read(buildDirectory)
        let answers = try ClassAnswers.read(path: answersFile, build: build)
        let templates = TemplateLibrary.forLanguage(build.language)
        let problemCount = build.students.map(\.problems.count).max() ?? 0
        var problems = (0..<problemCount).map { i in
            ProblemResult(number: i + 1, topic: build.students.first { $0.problems.count > i }!.problems[i].topic)
        }
        var students = build.students.map {
            StudentResult(id: $0.id, folder: $0.folder, name: $0.name, answers: [],
                          points: Array(repeating: 0, count: $0.problems.count))
        }
        for row in answers.rows {
            let problem = row.student.problems[row.problem]
            var answer: Answer
            if let choice = problem.choice(at: row.path, language: build.language) {
                answer = Self.grade(choice, row)
            } else {
            let expected = AnswerLeaves(problem.answers).value(at: row.path)!
            answer = Answer(line: row.line, problem: row.problem + 1, path: row.path, typed: row.value,
                            verdict: .blank, expected: expected)
            if !row.value.isEmpty {
                if StudentNumber(row.value) == nil {
                    answer.verdict = .notANumber
                } else {
                    let verdict = try Diagnosis.diagnose(
                        problem, [GivenAnswer(path: row.path, typed: row.value)], source: answersFile).verdicts[0]
                    answer.verdict = verdict.isRight ? .right : .wrong(slip: verdict.slip)
                    if verdict.slip != nil {
                        answer.explanation = DiagnosisReport.explanation(verdict, topic: problem.topic, templates)
                    }
                }
            }
            }
            let s = row.student.number - 1
            students[s].answers.append(answer)
            problems[row.problem].graded += 1
            if answer.verdict == .right {
                students[s].points[row.problem] += 1
                problems[row.problem].right += 1
            }
            if case .wrong(let slip?) = answer.verdict {
                if let i = problems[row.problem].slips.firstIndex(where: { $0.id == slip }) {
                    problems[row.problem].slips[i].count += 1
                } else {
                    problems[row.problem].slips.append((slip, 1))
                }
            }
        }
        return ClassGrades(title: build.title, language: build.language, students: students, problems: problems)
    }
}

extension ClassGrades {
    /// A multiple-choice answer: its letter in any case (`b`, `B.`, `Ｂ`)
    /// is right or wrong; a wrong one carries the reason that option is
    /// wrong; text naming no option reads like an unreadable number.
    static func grade(_ choice: ChoiceQuestion, _ row: ClassAnswers.Row) -> Answer {
        var answer = Answer(line: row.line, problem: row.problem + 1, path: row.path, typed: row.value,
                            verdict: .blank, expected: 0, expectedChoice: choice.right.letter)
        guard !row.value.isEmpty else { return answer }
        guard let option = choice.option(row.value) else {
            answer.verdict = .notANumber
            return answer
        }
        answer.verdict = option.isRight ? .right : .wrong(slip: nil)
        if !option.isRight { answer.explanation = option.explanation }
        return answer
    }

    /// `grades.csv`, `report.html` and a `manifest.json` listing them (so
    /// grading again with `--force` may replace the folder, as a build may).
    public func files() -> [PlannedFile] {
        let names = ["grades.csv", "report.html"]
        let manifest = JSONWriter.pretty(.object([
            ("generator", .string(ReviewVersion.generator)), ("title", .string(title)),
            ("students", .number(students.count)), ("files", .array(names.map { .string($0) })),
        ])) + "\n"
        return [
            PlannedFile(path: "grades.csv", contents: GradesCSV.write(self)),
            PlannedFile(path: "report.html", contents: ClassReport.html(self)),
            PlannedFile(path: "manifest.json", contents: manifest),
        ]
    }

    /// One line for stderr: how many students and answers, and where.
    public func summary(directory: String) -> String {
        let answers = students.reduce(0) { $0 + $1.outOf }, right = students.reduce(0) { $0 + $1.total }
        return "graded \(answers) answers of \(students.count) students (\(right) right) into \(directory)"
    }
}
