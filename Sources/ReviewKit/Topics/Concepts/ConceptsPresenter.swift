/// Fills the concepts templates from the asked items: the prompt and, for
/// multiple choice, the options in sheet order; the solution names the
/// right option and why, why each wrong option is wrong, and the key points.
/// The bank's text goes in as plain text (escaped by the templates); every
/// other word is in `templates/<lang>/concepts/*.mustache`.
struct ConceptsPresenter: TopicPresenter {
    let solution: ConceptsTopic.Solution
    let templates: TemplateLibrary

    init(solution: ConceptsTopic.Solution, templates: TemplateLibrary) {
        self.solution = solution
        self.templates = templates
    }

    private var language: String { templates.language }
    private var isChoice: Bool { solution.problem.form == .choice }

    mutating func contexts() -> TopicContexts {
        TopicContexts(question: context(solution: false), solution: context(solution: true))
    }

    private func context(solution withSolution: Bool) -> TemplateObject {
        [
            "choice": .flag(isChoice),
            "short": .flag(!isChoice),
            "many": .flag(solution.asked.count > 1),
            "items": .objects(solution.asked.enumerated().map { item($0.offset, $0.element, withSolution) }),
        ]
    }

    private func item(_ k: Int, _ asked: ConceptsTopic.Asked, _ withSolution: Bool) -> TemplateObject {
        let item = asked.item
        func text(_ t: ConceptBank.Text) -> TemplateData { .text(t.inLanguage(language)) }
        var context: TemplateObject = [
            "number": .text(k + 1),
            "id": .text(item.id),
            "prompt": text(item.prompt),
            "subjectTitle": .text(ConceptBank.shared.subject(item.subject)?.title.inLanguage(language) ?? item.subject),
        ]
        let options: [TemplateObject] = asked.order.enumerated().map { position, index in
            let isRight = index == 0
            return [
                "letter": .text(ConceptsTopic.letter(position)),
                "text": text(isRight ? item.option : item.wrong[index - 1].text),
                "why": text(isRight ? item.why : item.wrong[index - 1].why),
                "right": .flag(isRight),
            ]
        }
        context["options"] = .objects(options)
        guard withSolution else { return context }
        context["rightLetter"] = .text(asked.letter)
        context["option"] = text(item.option)
        context["answer"] = text(item.answer)
        context["why"] = text(item.why)
        context["wrong"] = .objects(options.filter { if case .flag(true)? = $0["right"] { false } else { true } })
        context["points"] = .objects(item.points.map { ["text": text($0)] })
        context["source"] = .text(item.source)
        context["reference"] = text(item.reference)
        if let correction = item.correction { context["correction"] = text(correction) }
        return context
    }
}
