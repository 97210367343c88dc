/// How `review diagnose` words its findings: as text in the chosen
/// language (`templates/<lang>/diagnose.mustache`, each slip's line from
/// `<topic>/slip-<id>.mustache`), or as JSON.
public enum DiagnosisReport {
    public static func text(_ results: [ProblemDiagnosis], language: String) -> String {
        let templates = TemplateLibrary.forLanguage(language)
        let problems: [TemplateData] = results.map { result in
            let steps = Dictionary(result.problem.steps.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            let answers: [TemplateData] = result.verdicts.map { verdict in
                var answer: TemplateObject = [
                    "path": .text(verdict.path), "given": .text(verdict.typed),
                    "expected": .text(NumberFormat.plain(verdict.expected)), "right": .flag(verdict.isRight),
                ]
                if let slip = verdict.slip {
                    answer["slip"] = [
                        "id": .text(slip),
                        "explanation": .text(explanation(verdict, topic: result.topic, templates)),
                    ]
                }
                if let id = verdict.step, let step = steps[id] {
                    answer["step"] = ["id": .text(id), "formula": .text(step.formula)]
                }
                return .object(answer)
            }
            return ["id": .text(result.id), "topic": .text(result.topic), "answers": .list(answers)]
        }
        let right = results.reduce(0) { $0 + $1.verdicts.filter(\.isRight).count }
        let total = results.reduce(0) { $0 + $1.verdicts.count }
        let report = templates.render("diagnose", [
            "problems": .list(problems), "right": .text(right), "total": .text(total),
        ] as TemplateObject)
        return String(report.drop { $0 == "\n" })
    }

    /// `{"results": [{"id", "answers": [{"path", "given", "expected",
    /// "verdict", "slip", "step", "explanation"}]}]}`.
    public static func json(_ results: [ProblemDiagnosis], language: String) -> String {
        let templates = TemplateLibrary.forLanguage(language)
        let value = JSONValue.object([
            ("results", .array(results.map { result in
                .object([
                    ("id", .string(result.id)),
                    ("topic", .string(result.topic)),
                    ("answers", .array(result.verdicts.map { verdict in
                        .object([
                            ("path", .string(verdict.path)),
                            ("given", .number(verdict.given)),
                            ("expected", .number(verdict.expected)),
                            ("verdict", .string(verdict.isRight ? "right" : "wrong")),
                            ("slip", verdict.slip.map { .string($0) } ?? .null),
                            ("step", verdict.step.map { .string($0) } ?? .null),
                            ("explanation", verdict.slip == nil
                                ? .null : .string(explanation(verdict, topic: result.topic, templates))),
                        ])
                    })),
                ])
            })),
        ])
        return JSONWriter.pretty(value) + "\n"
    }

    /// The slip's one line, e.g. "you forgot the bias: each of the 6
    /// filters has one, …".
    static func explanation(_ verdict: AnswerVerdict, topic: String, _ templates: TemplateLibrary) -> String {
        guard let slip = verdict.slip else { return "" }
        return templates.render("\(topic)/slip-\(slip)", verdict.slipContext).trimmingWhitespace()
    }
}
