/// `review quiz`: one problem in the terminal. Asks for each final answer,
/// checks it as `review diagnose` does (tolerance from the typed digits,
/// slips named), then shows the worked steps. Reading and writing are the
/// caller's (the command reads lines; tests feed them).
public struct Quiz: Sendable {
    public let problem: WorkedProblem
    let templates: TemplateLibrary
    /// Colour only on a terminal.
    let colour: Bool

    public init(problem: WorkedProblem, language: String, colour: Bool) {
        self.problem = problem
        self.templates = TemplateLibrary.forLanguage(language)
        self.colour = colour
    }

    /// Every answer asked for, in the order of `answers`.
    public var paths: [String] {
        AnswerLeaves(problem.answers).paths + problem.choices(templates.language).map(\.path)
    }

    /// The question as Markdown (math as `$…$`, readable in a terminal).
    public func question() -> String {
        var options = Sheet.Options()
        options.language = templates.language
        options.includeSolutions = false
        return Sheet(problems: [problem], options: options).render()
    }

    /// The prompt for one answer: `gradient.x = ? `.
    public func prompt(_ path: String) -> String {
        "\(path) = ? "
    }

    /// The verdict on one typed answer, as one or two lines; nil when the
    /// text is not a number (ask again).
    public func check(_ path: String, typed: String) -> (text: String, isRight: Bool)? {
        if let choice = problem.choice(at: path, language: templates.language) {
            // A multiple-choice answer (`concepts`): its letter, and the reason for the option picked.
            guard let option = choice.option(typed) else { return nil }
            let words = PracticeWords(templates: templates)
            if option.isRight { return (paint("✓ " + words["right"] + " — " + option.explanation, green: true), true) }
            return (paint("✗ " + words["wrong"] + " — " + option.explanation, green: false), false)
        }
        guard StudentNumber(typed) != nil,
              let result = try? Diagnosis.diagnose(problem, [GivenAnswer(path: path, typed: typed)], source: "quiz"),
              let verdict = result.verdicts.first
        else { return nil }
        let words = PracticeWords(templates: templates)
        if verdict.isRight { return (paint("✓ " + words["right"], green: true), true) }
        var line = "✗ " + words["wrong"]
        if let slip = verdict.slip {
            line += " — " + words["slip"] + " " + DiagnosisReport.explanation(verdict, topic: problem.topic, templates)
                + " (\(slip))"
            if let step = verdict.step { line += "\n  " + words["reread"] + " " + step }
        }
        return (paint(line, green: false), false)
    }

    /// What a line that is not a number gets.
    public var notANumber: String { PracticeWords(templates: templates)["notNumber"] }

    /// The score and the worked steps: each formula in symbols, then with
    /// the numbers and its value.
    public func summary(right: Int) -> String {
        let words = PracticeWords(templates: templates)
        var text = words["score"].replacingOccurrences(of: "{right}", with: String(right))
            .replacingOccurrences(of: "{total}", with: String(paths.count)) + "\n\n" + words["steps"] + "\n"
        for step in problem.steps {
            text += "  \(step.formula)\n"
            let value: String
            if case .number(let x, _) = step.value.kind { value = NumberFormat.plain(x) } else {
                value = JSONWriter.compact(step.value).replacingOccurrences(of: ",", with: ", ")
            }
            let worked = step.substituted == step.formula ? "" : step.substituted + " = "
            text += "      \(worked)\(value)\n"
        }
        return text
    }

    private func paint(_ text: String, green: Bool) -> String {
        colour ? (green ? "\u{1B}[32m" : "\u{1B}[31m") + text + "\u{1B}[0m" : text
    }
}
