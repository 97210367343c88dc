/// A sheet: worked problems put on one page in one format.
public struct Sheet: Sendable {
    public var problems: [WorkedProblem]
    public var options: Options

    public struct Options: Sendable {
        public var format: OutputFormat = .md
        public var language: String = "en"
        /// False for question sheets: statements only.
        public var includeSolutions = true
        /// HTML only: each solution folded under a click, for self-testing.
        public var foldSolutions = false
        /// Printed on the sheet so it can be made again (`gen`, `build`).
        public var seed: UInt64?
        public var title: String?
        /// Extra lines under the title (a student's name, id, variant).
        public var subtitle: String?
        /// HTML only: answer boxes under each question, checked offline by
        /// the page's script; solutions folded.
        public var practice = false
        /// A printed question sheet (`review build`): under each question a
        /// blank box per final answer to write in (HTML and LaTeX; Markdown
        /// sheets stay as they are).
        public var answerBoxes = false
        /// A handout student's variant code (`VariantCode`): printed in bold
        /// under the title, and at the top of every page in LaTeX.
        public var code: String?

        public init() {}
    }

    public init(problems: [WorkedProblem], options: Options) {
        self.problems = problems
        self.options = options
    }

    /// The whole sheet as text in `options.format`.
    public func render() -> String {
        render(formats: [options.format])[0]
    }

    /// The sheet in several formats, laid out once: the wording, the
    /// Markdown and its embeds are the same for every format, only the last
    /// step (cmark and the embed writers) differs. `presentations`, when
    /// given, are the problems' wording already worked out (see
    /// `presentations(language:)`), so a build's question and solution
    /// sheets share it.
    func render(formats: [OutputFormat], presentations: [Presentation]? = nil) -> [String] {
        let templates = TemplateLibrary.forLanguage(options.language)
        var layout: (document: EmbedDocument, title: String)?
        return formats.map { format in
            if format == .json { return AnswerDocument(problems: problems, seed: options.seed).json() }
            if layout == nil {
                let (text, figures, sections, formulas) = markdown(templates, presentations: presentations)
                layout = (
                    EmbedExtractor.extract(text, figures: figures, sections: sections, formulas: formulas),
                    pageTitle(templates)
                )
            }
            let body = DocumentRenderer(format: format, templates: templates).render(layout!.document)
            return PageShell(format: format, templates: templates, practice: options.practice && format == .html)
                .wrap(body, title: layout!.title)
        }
    }

    /// Every problem's question and solution wording, worked out once.
    func presentations() -> [Presentation] {
        let context = PresentationContext(templates: TemplateLibrary.forLanguage(options.language))
        return problems.map { $0.present(context) }
    }

    /// The sheet as Markdown with `$…$` math, pipe tables, figure and
    /// section markers, before embeds are taken out; and the figures,
    /// sections and formulas the markers number.
    func markdown(_ templates: TemplateLibrary, presentations: [Presentation]? = nil)
        -> (String, [Figure], [Section], [FormulaEmbed])
    {
        let context = PresentationContext(templates: templates)
        var figures: [Figure] = []
        var formulas: [FormulaEmbed] = []
        var sections: [Section] = []
        /// A marker for `section`: a wrapper on HTML sheets, nothing in the
        /// other formats (their embed writers write it as nothing).
        func marker(_ section: Section) -> String {
            sections.append(section)
            return SectionMarker.make(sections.count - 1)
        }
        let summary = templates.render("fold-summary").trimmingWhitespace()
        let worded = presentations ?? problems.map { $0.present(context) }
        // Each problem numbers its figures and formulas from 0; the sheet numbers them all.
        var questions: [String] = [], solutions: [String] = []
        for presentation in worded {
            let offset = figures.count, formulaOffset = formulas.count
            figures += presentation.figures
            formulas += presentation.formulas
            let renumber = { (text: String) in
                FormulaMarker.replace(in: FigureMarker.replace(in: text) { FigureMarker.make($0 + offset) }) {
                    FormulaMarker.make($0 + formulaOffset)
                }
            }
            questions.append(renumber(OnceBlock.unwrap(presentation.question)))
            solutions.append(renumber(presentation.solution))
        }
        // A passage the same for every problem of a topic is read once per sheet (`OnceBlock`);
        // passages compare by their formulas, not by the formulas' numbers.
        let allFormulas = formulas
        solutions = OnceBlock.keepFirst(solutions) { passage in
            FormulaMarker.replace(in: passage) { allFormulas.indices.contains($0) ? "\(allFormulas[$0])" : "" }
        }
        let entries: [TemplateObject] = problems.enumerated().map { index, problem in
            var entry: TemplateObject = [
                "number": .text(index + 1),
                "id": .text(problem.id),
                "topic": .text(problem.topic),
                "question": .text(problem.statement.map(EmbedToken.strip) ?? questions[index]),
            ]
            // A problem without a title says so: Mustache would otherwise find the sheet's title
            // one level up and print it as the problem's ("Problem 1: Final review").
            // A question sheet never shows a problem file's own title: it may carry the answer
            // ("p ≈ 0.659 … loss ≈ 0.417"); a handout section's title is safe.
            let title = options.includeSolutions ? problem.title : problem.sectionTitle
            entry["title"] = title.map { .text($0) } ?? .flag(false)
            if let points = problem.points {
                entry["points"] = .text(templates.render("points", ["n": .text(points), "plural": .flag(points != 1)])
                    .trimmingWhitespace())
            }
            entry["open"] = .text(marker(.problemStart))
            if options.practice {
                entry["practice"] = .text(marker(.practice(PracticeForm(problem, number: index + 1, templates: templates))))
            }
            if options.answerBoxes && !options.practice {
                let lead = templates.render("answer-boxes-lead").trimmingWhitespace()
                entry["boxes"] = .text(marker(.answerBoxes(AnswerBoxes(problem, number: index + 1, lead: lead))))
            }
            if options.includeSolutions {
                entry["solution"] = .text(solutions[index])
                if options.foldSolutions || options.practice {
                    entry["foldOpen"] = .text(marker(.foldStart(summary: summary)))
                    entry["foldClose"] = .text(marker(.foldEnd))
                }
            }
            entry["close"] = .text(marker(.problemEnd))
            return entry
        }
        var sheet: TemplateObject = [
            "problems": .objects(entries),
            "generator": .text(ReviewVersion.generator),
            "count": .text(problems.count),
            "plural": .flag(problems.count != 1),
        ]
        if let seed = options.seed { sheet["seed"] = .text(String(seed)) }
        if let title = options.title { sheet["title"] = .text(title) }
        if let subtitle = options.subtitle { sheet["subtitle"] = .text(subtitle) }
        if options.answerBoxes && !options.practice {
            // A printed exam: the student writes their name and number.
            sheet["nameLine"] = .text(templates.render("name-line").trimmingWhitespace())
        }
        if let code = options.code {
            let line = templates.render("variant-code", ["code": .text(code)]).trimmingWhitespace()
            sheet["code"] = .text(line)
            sheet["codeHead"] = .text(marker(.runningHead(line)))
        }
        if let topic = singleTopic { sheet["topic"] = .text(templates.topicTitle(topic)) }
        return (templates.render("sheet", sheet), figures, sections, formulas)
    }

    private var singleTopic: String? {
        let topics = Set(problems.map(\.topic))
        return topics.count == 1 ? topics.first : nil
    }

    private func pageTitle(_ templates: TemplateLibrary) -> String {
        if let title = options.title { return title }
        var context: TemplateObject = ["count": .text(problems.count), "plural": .flag(problems.count != 1)]
        if let topic = singleTopic { context["topic"] = .text(templates.topicTitle(topic)) }
        return templates.render("page-title", context).trimmingWhitespace()
    }
}

extension Sheet {
    /// Every language with a folder of templates.
    public static var languages: [String] { TemplateLibrary.languages }
}
