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
    var formulas: [FormulaEmbed] = []

    /// `<topic>/question` and `<topic>/solution` filled from the contexts.
    func presentation(topic: String, templates: TemplateLibrary) -> Presentation {
        Presentation(
            question: templates.render("\(topic)/question", question),
            solution: templates.render("\(topic)/solution", solution),
            figures: figures, formulas: formulas)
    }
}

extension TopicContexts {
    /// Contexts with at most one picture, which the solution template
    /// shows as `{{{key}}}` (backprop's graph, conv's stack, …): most topics
    /// draw one figure or none.
    init(question: TemplateObject, solution: TemplateObject, figure: Figure?, as key: String, formulas: [FormulaEmbed]) {
        var solution = solution
        if figure != nil { solution[key] = .text(FigureMarker.make(0)) }
        self.init(question: question, solution: solution, figures: figure.map { [$0] } ?? [], formulas: formulas)
    }
}

/// What fills a topic's templates from a solution: made once per sheet
/// language, asked once for its contexts.
protocol TopicPresenter {
    associatedtype Solution
    init(solution: Solution, templates: TemplateLibrary)
    mutating func contexts() -> TopicContexts
}

/// A presenter that is its solution, its templates and the book its
/// formulas go into, and nothing else: declared as those three stored
/// properties (`var book = FormulaBook()`), it needs no initialiser of its
/// own, since the memberwise one with a fresh book is the presenter's.
/// Swift does not infer `Solution` from that initialiser, so the presenter
/// names it (`typealias Solution = SoftmaxTopic.Solution`).
protocol BookPresenter: TopicPresenter {
    var solution: Solution { get }
    init(solution: Solution, templates: TemplateLibrary, book: FormulaBook)
}

extension BookPresenter {
    init(solution: Solution, templates: TemplateLibrary) {
        self.init(solution: solution, templates: templates, book: FormulaBook())
    }
}

extension BookPresenter where Solution: TracedSolution {
    /// The solution's worked steps, which the contexts hand over by id (`StepForms`).
    var trace: Trace { solution.trace }
}

/// A topic whose sheet is its two templates filled from typed contexts:
/// `present` comes for free, and tests can read the contexts. A topic with
/// a `TopicPresenter` needs to write neither.
protocol TemplatedTopic: Topic {
    static func contexts(_ problem: Problem, _ solution: Solution, in context: PresentationContext) -> TopicContexts
}

/// A solution that carries its recorded trace, so `Topic.trace` needs no code.
protocol TracedSolution {
    var trace: Trace { get }
}

extension Topic where Solution: TracedSolution {
    static func trace(_ solution: Solution) -> Trace { solution.trace }
}

/// A topic's presenter, named once: `contexts` comes from it.
protocol PresentedTopic: TemplatedTopic {
    associatedtype Presenter: TopicPresenter where Presenter.Solution == Solution
}

extension PresentedTopic {
    static func contexts(_ problem: Problem, _ solution: Solution, in context: PresentationContext) -> TopicContexts {
        var presenter = Presenter(solution: solution, templates: context.templates)
        return presenter.contexts()
    }
}

extension TemplatedTopic {
    static func present(_ problem: Problem, _ solution: Solution, in context: PresentationContext) -> Presentation {
        contexts(problem, solution, in: context).presentation(topic: name, templates: context.templates)
    }
}
