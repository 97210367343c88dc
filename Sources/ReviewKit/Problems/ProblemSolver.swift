/// The front door of the library: problems in, worked problems out.
public enum ProblemSolver {
    /// Reads and solves every problem in the given files (`-` is stdin).
    /// Nothing is returned unless every problem of every file is fine: the
    /// first bad one throws a `ProblemFileError` naming file and path.
    /// `forSheets` is false when only JSON answers are wanted, which allows
    /// problems too big to be worked on a sheet.
    public static func solve(files: [String], forSheets: Bool = true) throws -> [WorkedProblem] {
        var budget = WorkBudget(forSheets: forSheets)
        var worked: [WorkedProblem] = []
        for path in files {
            for raw in try ProblemFileReader.read(path: path) {
                try budget.admit(raw)
                let problem = try solve(raw)
                try budget.charge(problem, raw)
                worked.append(problem)
            }
        }
        return worked
    }

    /// Solves the problems in bytes already read, as if they came from
    /// `source`: the same checks and errors as `solve(files:)`.
    public static func solve(bytes: [UInt8], source: ProblemSource, forSheets: Bool = true) throws -> [WorkedProblem] {
        var budget = WorkBudget(forSheets: forSheets)
        return try ProblemFileReader.read(bytes: bytes, source: source).map { raw in
            try budget.admit(raw)
            let problem = try solve(raw)
            try budget.charge(problem, raw)
            return problem
        }
    }

    /// Solves one problem object read from a file.
    static func solve(_ raw: RawProblem) throws -> WorkedProblem {
        do {
            try TextLimits.check(raw.field)
            let object = try raw.field.anyObject()
            let topicField = try object.required("topic")
            let name = try topicField.string()
            guard let topic = TopicRegistry.topic(named: name) else {
                throw InputError(path: topicField.path, message: unknownTopicMessage(name))
            }
            let fields = try raw.field.object(allowedKeys: ProblemHeader.fields + topic.fields)
            let header = ProblemHeader(
                id: try fields.optional("id")?.string() ?? "\(raw.source.stem)-\(raw.index)",
                title: try fields.optional("title")?.string(),
                statement: try fields.optional("statement")?.string())
            do {
                return try topic.solve(fields, header: header)
            } catch let error as SolveError {
                throw InputError(path: JSONPath(raw.field.path.components + error.path.components), message: error.message)
            }
        } catch let error as InputError {
            throw raw.fileError(error)
        }
    }

    /// Makes `count` problems of one topic. Problem `i` depends only on the
    /// seed, the topic, the difficulty, `i`, the problems before it and
    /// `avoiding`: a problem that repeats one of those (the same
    /// `repetitionKey`, e.g. the same backprop expression) is drawn again,
    /// so a sheet never asks the same exercise twice (issue 16). Only when
    /// `redraws` draws in a row all repeat, as a topic with few distinct
    /// problems and a large count may, is the last one kept.
    /// `options` are the `concepts` topic's (`--subject`); another topic
    /// given a subject is a usage error.
    public static func generate(
        topic name: String, count: Int, seed: UInt64, difficulty: Difficulty, options: GenerationOptions = .init(),
        avoiding: Set<String> = []
    ) throws -> [WorkedProblem] {
        guard let topic = TopicRegistry.topic(named: name) else {
            throw UsageError(message: unknownTopicMessage(name))
        }
        if options.subject != nil, name != ConceptsTopic.name {
            throw UsageError(message: "--subject applies only to --topic \(ConceptsTopic.name), not to '\(name)'")
        }
        var seen = avoiding
        return try (1...max(count, 1)).map { number in
            let id = "\(name)-\(seed)-\(number)"
            var problem = try topic.generate(seed: seed, number: number, difficulty: difficulty, options: options, id: id)
            var draw = 1
            while seen.contains(problem.repetitionKey()), draw < redraws {
                problem = try topic.generate(
                    seed: redrawSeed(seed, number, draw), number: number, difficulty: difficulty, options: options, id: id)
                draw += 1
            }
            seen.insert(problem.repetitionKey())
            return problem
        }
    }

    /// Draws tried before a repeat is accepted.
    static let redraws = 40

    /// The seed of draw `draw` of problem `number`: derived from the
    /// sheet's seed, so a redrawn sheet is as reproducible as any other.
    static func redrawSeed(_ seed: UInt64, _ number: Int, _ draw: Int) -> UInt64 {
        var random = RandomSource(seed: seed, labels: ["redraw", String(number), String(draw)])
        return UInt64(random.int(in: 1...9_999_999_999))
    }

    static func unknownTopicMessage(_ name: String) -> String {
        unknownNameMessage("topic '\(name)'", name, among: TopicRegistry.names, listing: "expected one of")
    }
}

/// A mistake in how the tool was called (exit status 2).
public struct UsageError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
    public init(message: String) { self.message = message }
}
