/// What a topic's presenter makes: the typed contexts of its `question` and
/// `solution` templates, with the figures and formulas their markers number.
/// One generic presenter (`presentation`) fills the templates from them, so
/// a topic's own code only says what goes into each context.
struct TopicContexts {
    var question: TemplateObject
    var solution: TemplateObject
    /// Pictures the contexts refer to with `FigureMarker.make(i)`.
    var figures: [Figure] = []
    /// Formulas the contexts refer to with `FormulaMarker.make(i)`.
    var formulas: [FormulaIsland] = []

    /// `<topic>/question` and `<topic>/solution` filled from the contexts.
    func presentation(topic: String, templates: TemplateLibrary) -> Presentation {
        Presentation(
            question: templates.render("\(topic)/question", question),
            solution: templates.render("\(topic)/solution", solution),
            figures: figures, formulas: formulas)
    }
}

/// A topic whose sheet is its two templates filled from typed contexts:
/// `present` comes for free, and tests can read the contexts.
protocol TemplatedTopic: Topic {
    static func contexts(_ problem: Problem, _ solution: Solution, in context: PresentationContext) -> TopicContexts
}

extension TemplatedTopic {
    static func present(_ problem: Problem, _ solution: Solution, in context: PresentationContext) -> Presentation {
        contexts(problem, solution, in: context).presentation(topic: name, templates: context.templates)
    }
}
