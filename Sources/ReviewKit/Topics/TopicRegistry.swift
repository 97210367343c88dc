/// Every topic `review` knows, in the order `review topics` lists them: the
/// five core topics, then the contract's networks and sequences topics.
/// Adding a topic is one line here plus its folder under `Topics/`.
public enum TopicRegistry {
    static let all: [AnyTopic] = [
        AnyTopic(BackpropTopic.self),
        AnyTopic(ConvTopic.self),
        AnyTopic(GCNTopic.self),
        AnyTopic(BellmanTopic.self),
        AnyTopic(SoftmaxTopic.self),
        AnyTopic(MLPTopic.self),
        AnyTopic(ActivationTopic.self),
        AnyTopic(LossTopic.self),
        AnyTopic(OptimizerTopic.self),
        AnyTopic(BatchNormTopic.self),
        AnyTopic(ConvolveTopic.self),
        AnyTopic(RNNTopic.self),
        AnyTopic(LSTMTopic.self),
        AnyTopic(GRUTopic.self),
        AnyTopic(AttentionTopic.self),
        AnyTopic(KMeansTopic.self),
        AnyTopic(ConceptsTopic.self),
    ]

    public static var names: [String] { all.map(\.name) }

    static func topic(named name: String) -> AnyTopic? {
        all.first { $0.name == name }
    }
}

/// A topic with its types erased, so the registry can hold them all.
struct AnyTopic: Sendable {
    let name: String
    let fields: [String]
    /// The ids of the slips the topic declares, in order.
    let slipIDs: [String]
    /// The answers the printed answer key shows.
    let finalAnswers: FinalAnswers
    private let solveObject: @Sendable (ObjectFields, ProblemHeader) throws -> WorkedProblem
    private let generateOne: @Sendable (UInt64, Int, Difficulty, GenerationOptions, String) throws -> WorkedProblem

    init<T: Topic>(_ topic: T.Type) {
        name = T.name
        fields = T.fields
        slipIDs = T.slips.map(\.id)
        finalAnswers = T.finalAnswers
        solveObject = { object, header in
            let problem = try T.decode(object)
            return try AnyTopic.work(T.self, problem, header)
        }
        generateOne = { seed, number, difficulty, options, id in
            let problem = try T.generate(seed: seed, number: number, difficulty: difficulty, options: options)
            return try AnyTopic.work(T.self, problem, ProblemHeader(id: id))
        }
    }

    func solve(_ object: ObjectFields, header: ProblemHeader) throws -> WorkedProblem {
        try solveObject(object, header)
    }

    /// Problem `number` of a sheet made from `seed`.
    func generate(seed: UInt64, number: Int, difficulty: Difficulty, options: GenerationOptions, id: String) throws
        -> WorkedProblem
    {
        try generateOne(seed, number, difficulty, options, id)
    }

    private static func work<T: Topic>(_: T.Type, _ problem: T.Problem, _ header: ProblemHeader) throws
        -> WorkedProblem
    {
        let solution = try T.solve(problem)
        let answers = T.answers(solution), trace = T.trace(solution)
        try FiniteCheck.require(answers: answers, trace: trace)
        let fields = T.encode(problem)
        return WorkedProblem(
            id: header.id, topic: T.name, title: header.title,
            problem: header.json(topic: T.name, fields: fields),
            answers: answers, trace: trace,
            statement: header.statement,
            present: { context in T.present(problem, solution, in: context) },
            sheetLimit: T.sheetLimit(solution),
            slips: { T.slipOutcomes(problem, solution) },
            choices: { language in T.choiceQuestions(problem, solution, language: language) },
            repetitionKey: { T.name + ":" + (T.repetitionKey(problem) ?? JSONWriter.compact(.object(fields))) })
    }
}

extension TopicRegistry {
    public struct Description: Sendable {
        public var name: String
        public var summary: String
        public var example: String
        /// "e.g. review gen --topic backprop", worded by `templates/<lang>/topic-example`.
        public var exampleLine: String
    }

    /// What `review topics` prints, worded by `templates/<lang>/<topic>/summary`.
    public static func descriptions(language: String) -> [Description] {
        let templates = TemplateLibrary.forLanguage(language)
        return all.map {
            let example = "review gen --topic \($0.name)"
            return Description(
                name: $0.name,
                summary: templates.render("\($0.name)/summary").trimmingWhitespace(),
                example: example,
                exampleLine: templates.render("topic-example", ["command": .text(example)]).trimmingWhitespace())
        }
    }
}
