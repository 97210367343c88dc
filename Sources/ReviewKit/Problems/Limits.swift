/// The documented limits that turn hostile or mistaken input into an error
/// instead of a hang, a crash or gigabytes of memory.
///
/// Each is far above what an exam problem needs and low enough that the
/// worst file within them still renders in seconds. Per-topic limits live
/// beside their decoders (`ConvDecoder.maxLayers`, `GCNDecoder.maxNodes`,
/// `BellmanDecoder.maxEntries`, `SoftmaxTopic.maxRows`,
/// `BackpropTopic.maxGraphNodes`); the README lists them all.
public enum Limits {
    /// `gen --count`.
    public static let maxGeneratedProblems = 1000
    /// A handout section's `points` per problem: a whole number up to this.
    public static let maxSectionPoints = 1000
    /// A problem file (standard input included) is read up to this size.
    public static let maxFileBytes = 8 << 20
    /// Problems in one file, and in one run over several files.
    public static let maxProblemsPerFile = 1000
    public static let maxProblemsPerRun = 1000
    /// Intermediate values recorded by every problem of one run together
    /// (each step, plus each number inside a step's matrix or vector). A
    /// sheet spends up to about 1 kB of HTML per value (measured: a 1000-node
    /// backprop graph, a dense 100-node gcn), so this keeps the largest sheet
    /// near 100 MB however the problems are shaped.
    /// Values recorded by one run that prints JSON answers only.
    public static let maxAnswerValues = 4_000_000
    public static let maxWorkedValues = 100_000
    /// Names and short texts: `id`, `title`, object keys (state, action and
    /// variable names) and every other string in a problem; in a handout its
    /// title, section titles and students' names and ids (lists and CSV rosters).
    public static let maxNameLength = 200
    /// Long texts, in UTF-8 bytes: a `statement` (Markdown a person wrote)
    /// and an `expression`, which may be machine-made: 1 MiB holds the
    /// 100,000-node expressions whose JSON answers the tool still gives.
    public static let maxTextBytes = 64 << 10
    public static let maxExpressionBytes = 1 << 20
    /// The fields whose strings may be long texts, and their limits.
    static let longTextFields: [String: Int] = ["statement": maxTextBytes, "expression": maxExpressionBytes]
}

extension Limits {
    /// Students on one handout: folders are numbered with three digits.
    public static let maxStudents = 999
    /// Problems in one build (students × problems each). Sheets are written
    /// as students are made; the answers of all of them are kept for the key.
    public static let maxHandoutProblems = 100_000
}
