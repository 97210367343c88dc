/// `concepts`: the exam's questions without numbers (compare sigmoid, tanh
/// and ReLU; why gradients vanish; what each LSTM gate does …), drawn from
/// the question bank (`ConceptBank`, `templates/shared/concepts/*.yaml`) as
/// multiple-choice or short-answer questions.
///
/// A problem names bank items by id. In the multiple-choice form each item's
/// options are shown in `order`: a permutation of 0…n where 0 is the right
/// option and 1…n are the wrong ones in bank order, so a problem file says
/// exactly which letter is right and solving it again gives the same letter.
enum ConceptsTopic: SchemaTopic, PresentedTopic {
    typealias Presenter = ConceptsPresenter

    enum Form: String, Sendable, CaseIterable {
        case choice, short
    }

    struct Problem: Sendable {
        var items: [String]
        var form: Form = .choice
        /// One permutation per item; nil until read or filled by `solve`.
        var order: [[Int]]?
    }

    /// One item as asked: the bank item and its options in sheet order.
    struct Asked: Sendable {
        var item: ConceptBank.Item
        /// Bank option indices in sheet order (0 = the right option).
        var order: [Int]
        /// The letter of the right option.
        var letter: String { ConceptsTopic.letter(order.firstIndex(of: 0)!) }
    }

    struct Solution: Sendable, TracedSolution {
        var problem: Problem
        var asked: [Asked]
        /// No numbers are worked: the trace is empty.
        var trace = Trace()
    }

    static let name = "concepts"
    static let maxItems = 20

    static func letter(_ index: Int) -> String {
        String(UnicodeScalar(UInt8(65 + index)))
    }

    // MARK: Reading and writing problems

    static let blank = Problem(items: [])

    static let schema = FieldSchema<Problem>([
        .custom(
            "items", type: "array of item ids (1 to \(maxItems))",
            doc: "the bank items asked, e.g. `[\"rnn-bptt-sum\"]` (ids in `templates/shared/concepts/`)",
            read: { field, problem in problem.items = try ConceptsDecoding.items(field) },
            write: { problem in .array(problem.items.map { .string($0) }) }),
        .choice("form", \.form, default: .choice, doc: "multiple choice, or short answer with key points"),
        .custom(
            "order", type: "array (one per item) of permutations of 0…n", default: "per item, fixed by its id",
            doc: "the options' order: 0 is the right option, 1…n the wrong ones in bank order",
            read: { field, problem in problem.order = try ConceptsDecoding.order(field, items: problem.items) },
            write: { problem in
                guard problem.form == .choice else { return .null }
                let orders = problem.order ?? problem.items.map(defaultOrder)
                return .array(orders.map { .array($0.map { .number($0) }) })
            }),
    ])

    /// The order an item's options take when a problem gives none: shuffled
    /// by the item's id, so the right option is not always A, and the same
    /// problem file always gives the same letters.
    static func defaultOrder(_ id: String) -> [Int] {
        let count = (ConceptBank.shared.item(id)?.wrong.count ?? 0) + 1
        var random = RandomSource(seed: 0, labels: ["concepts-order", id])
        return random.shuffled(Array(0..<count))
    }

    // MARK: Solving

    static func solve(_ problem: Problem) throws -> Solution {
        let bank = ConceptBank.shared
        var problem = problem
        let orders = problem.order ?? problem.items.map(defaultOrder)
        if problem.form == .choice { problem.order = orders }
        let asked = zip(problem.items, orders).map { id, order in Asked(item: bank.item(id)!, order: order) }
        return Solution(problem: problem, asked: asked)
    }

    static func answers(_ solution: Solution) -> JSONValue {
        switch solution.problem.form {
        case .choice:
            let letters = solution.asked.map { JSONValue.string($0.letter) }
            return .object([("choice", letters.count == 1 ? letters[0] : .array(letters))])
        case .short:
            return .object([("key_points", .array(solution.asked.map { asked in
                .object([
                    ("item", .string(asked.item.id)),
                    ("en", .array(asked.item.points.map { .string($0.en) })),
                    ("zh", .array(asked.item.points.map { .string($0.zh) })),
                ])
            }))])
        }
    }

    /// Every item with its options in sheet order and the reason for each,
    /// for practice pages, Moodle and grading (`ChoiceQuestion`).
    static func choiceQuestions(_ problem: Problem, _ solution: Solution, language: String) -> [ChoiceQuestion] {
        guard problem.form == .choice else { return [] }
        let many = solution.asked.count > 1
        return solution.asked.enumerated().map { k, asked in
            ChoiceQuestion(
                path: many ? "choice[\(k)]" : "choice",
                prompt: asked.item.prompt.inLanguage(language),
                options: asked.order.enumerated().map { position, index in
                    let item = asked.item
                    let text = index == 0 ? item.option : item.wrong[index - 1].text
                    let why = index == 0 ? item.why : item.wrong[index - 1].why
                    return ChoiceQuestion.Option(
                        letter: letter(position), text: text.inLanguage(language), isRight: index == 0,
                        explanation: why.inLanguage(language))
                })
        }
    }

    // MARK: Generating

    /// One item from the whole bank (what a lone draw gives); `gen` and
    /// handouts use `generate(seed:…)`, which never repeats an item on a sheet.
    static func generate(_ random: inout RandomSource, difficulty: Difficulty) -> Problem {
        ConceptsGenerator.problem(random.pick(ConceptBank.shared.items), &random, difficulty: difficulty)
    }

    static func generate(seed: UInt64, number: Int, difficulty: Difficulty, options: GenerationOptions) throws -> Problem {
        try ConceptsGenerator.generate(seed: seed, number: number, difficulty: difficulty, options: options)
    }
}

/// What the printed answer key shows (`FinalAnswers`): the right letter(s), or the bank item whose key points grade
/// a short answer.
extension ConceptsTopic {
    static let finalAnswers: FinalAnswers = ["choice", "key_points"]
}
