/// One kind of exam problem: how its problem files read, how it is solved,
/// generated and worked on paper. Each topic lives in its own folder under
/// `Topics/` and is listed once in `TopicRegistry`.
///
/// The solver's `Solution` is the trace: every intermediate value, in the
/// order computed, with no wording or formatting in it. `steps`, `answers`
/// and `present` only read it.
protocol Topic: Sendable {
    associatedtype Problem: Sendable
    associatedtype Solution: Sendable

    /// The `topic` value in problem files.
    static var name: String { get }
    /// Topic-specific fields a problem object may have (besides the common
    /// `topic`, `id`, `title`, `statement`).
    static var fields: [String] { get }

    /// Reads a problem; errors carry the path inside the problem object.
    static func decode(_ object: ObjectFields) throws -> Problem
    /// The problem with every default filled in, as JSON fields in a stable
    /// order. Decoding it again gives the same problem.
    static func encode(_ problem: Problem) -> [(String, JSONValue)]
    /// A random, hand-solvable problem.
    static func generate(_ random: inout RandomSource, difficulty: Difficulty) -> Problem
    /// Solves a problem; errors carry the path inside the problem object.
    static func solve(_ problem: Problem) throws -> Solution

    static func answers(_ solution: Solution) -> JSONValue
    /// Every worked step, recorded once by the solver: JSON `steps` are
    /// written from it only when JSON is asked for.
    static func trace(_ solution: Solution) -> Trace
    /// Fills the topic's `question` and `solution` templates.
    static func present(_ problem: Problem, _ solution: Solution, in context: PresentationContext) -> Presentation
    /// Why this solution is too big to work on a sheet (md, html, latex),
    /// though its answers are fine in JSON; nil when it fits.
    static func sheetLimit(_ solution: Solution) -> SolveError?
    /// What makes two problems the same exercise (default: nil, the JSON fields).
    static func repetitionKey(_ problem: Problem) -> String?
    /// The mistakes students make here and the wrong answers they give
    /// (`Practice/Slips`); none unless the topic declares them.
    static var slips: [Slip<Self>] { get }
    /// Problem `number` of a generated sheet. Most topics draw it from a
    /// source seeded by the seed, topic, difficulty and number; `concepts`
    /// overrides it to draw from one shuffle of its bank per sheet, so a
    /// sheet repeats no item.
    static func generate(seed: UInt64, number: Int, difficulty: Difficulty, options: GenerationOptions) throws -> Problem
    /// The problem's multiple-choice questions in `language` (practice
    /// pages, Moodle, grading); none unless the topic asks any (`concepts`).
    static func choiceQuestions(_ problem: Problem, _ solution: Solution, language: String) -> [ChoiceQuestion]
    /// The answers a grader marks, which the printed answer key shows
    /// (`FinalAnswers`); every answer unless the topic declares them.
    static var finalAnswers: FinalAnswers { get }
}

extension Topic {
    static func sheetLimit(_ solution: Solution) -> SolveError? { nil }

    /// What makes two problems the same exercise, for keeping repeats off a
    /// sheet (`ProblemSolver.generate(avoiding:)`); nil means the problem's JSON
    /// fields, so only identical problems repeat. Backprop compares the
    /// expression's structure whatever its values: x·(x + y) at other
    /// numbers is still the course notes' x·(x + y).
    static func repetitionKey(_ problem: Problem) -> String? { nil }

    static func generate(seed: UInt64, number: Int, difficulty: Difficulty, options: GenerationOptions) throws -> Problem {
        var random = RandomSource(seed: seed, labels: [name, difficulty.rawValue, String(number)])
        return generate(&random, difficulty: difficulty)
    }

    static func choiceQuestions(_ problem: Problem, _ solution: Solution, language: String) -> [ChoiceQuestion] { [] }

    static var finalAnswers: FinalAnswers { .all }
}

/// What `gen` and handouts may ask of a generator besides the difficulty.
/// Only `concepts` reads them: `subject` filters its bank (`--subject rnn`)
/// and `exclude` leaves out items a student was already asked.
public struct GenerationOptions: Sendable, Equatable {
    public var subject: String?
    public var exclude: Set<String>

    public init(subject: String? = nil, exclude: Set<String> = []) {
        self.subject = subject
        self.exclude = exclude
    }
}

/// A topic whose fields are declared once, as a `FieldSchema`: its allowed
/// keys, decoding and encoding (and the README's field table) come from it.
protocol SchemaTopic: Topic {
    static var schema: FieldSchema<Problem> { get }
    /// Where decoding starts: every default in place, required fields empty.
    static var blank: Problem { get }
}

extension SchemaTopic {
    static var fields: [String] { schema.names }

    static func decode(_ object: ObjectFields) throws -> Problem {
        try schema.decode(object, into: blank)
    }

    /// `FieldSchema.encode` leaves out an optional field with nothing in it
    /// (gcn's `bias`, backprop's `wrt`).
    static func encode(_ problem: Problem) -> [(String, JSONValue)] {
        schema.encode(problem)
    }
}

/// A topic's generator of hand-solvable problems (`<Name>Generator`).
protocol ProblemGenerator {
    associatedtype Problem
    static func generate(_ random: inout RandomSource, difficulty: Difficulty) -> Problem
}

/// A topic that names its generator (`typealias Generator = GCNGenerator`)
/// instead of writing the same three-line `generate` that forwards to it.
protocol GeneratedTopic: Topic {
    associatedtype Generator: ProblemGenerator where Generator.Problem == Problem
}

extension GeneratedTopic {
    static func generate(_ random: inout RandomSource, difficulty: Difficulty) -> Problem {
        Generator.generate(&random, difficulty: difficulty)
    }
}

/// One recorded intermediate value, as `--format json` lists it.
public struct Step: Sendable, Equatable {
    public var id: String
    public var label: String
    public var formula: String
    public var substituted: String
    public var value: JSONValue
}

/// What a topic needs to word its sheet.
struct PresentationContext {
    var templates: TemplateLibrary
}

/// A problem's question and worked solution, as Markdown (with `$…$` math and
/// pipe tables) ready for `EmbedExtractor`.
struct Presentation: Sendable {
    var question: String
    var solution: String
    /// Pictures the text refers to with `FigureMarker.make(i)`.
    var figures: [Figure] = []
    /// Formulas the text refers to with `FormulaMarker.make(i)`.
    var formulas: [FormulaEmbed] = []
}

/// A problem that reads fine but cannot be solved as given (a layer whose
/// output would be empty, a log of a negative number). `path` is relative to
/// the problem object; `ProblemSolver` puts the problem's own path in front.
struct SolveError: Error, Sendable {
    var path: JSONPath
    var message: String

    init(_ path: JSONPath, _ message: String) {
        self.path = path
        self.message = message
    }

    /// At `field` of the problem, e.g. `SolveError(at: "expression", …)`.
    init(at field: String, _ message: String) {
        self.init(JSONPath.root.appending(key: field), message)
    }

    /// At item `index` of list `field`, e.g. `SolveError(at: "wrt", index: 1, …)` is at `wrt[1]`.
    init(at field: String, index: Int, _ message: String) {
        self.init(JSONPath.root.appending(key: field).appending(index: index), message)
    }
}

extension SolveError {
    /// `body`'s error, located at `field`: an expression that does not parse
    /// or evaluate ("column 3: unknown function 'sigmod'") is wrong in the
    /// field that holds it (backprop's `expression`, optimizer's `objective`).
    static func locating<T>(at field: String, _ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw SolveError(at: field, "\(error)") }
    }
}
