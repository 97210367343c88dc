import ArgumentParser
import ReviewKit

struct GenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gen",
        abstract: "Make random, hand-solvable problems of a topic, with worked solutions.")

    @Option(name: .shortAndLong, help: "The topic (see `review topics`).")
    var topic: String

    @Option(name: .shortAndLong, parsing: .unconditional, help: "How many problems (1–\(Limits.maxGeneratedProblems)).")
    var count: String = "1"

    @Option(
        name: .shortAndLong, parsing: .unconditional,
        help: "Seed for the random problems (0–\(largestSeed)); the same seed gives the same sheet.")
    var seed: String?

    /// The seed is printed in JSON, where a number is exact only up to 2^53
    /// (a larger one came back as 1.8446744073709552e+19 and could not make
    /// the sheet again); a handout's seed has the same limit.
    static let largestSeed: UInt64 = (1 << 53) - 1

    @Option(name: .shortAndLong, help: "easy, standard or hard.")
    var difficulty: Difficulty = .standard

    @Option(name: .long, help: "concepts only: draw items of one subject (e.g. rnn; see the README's list).")
    var subject: String?

    @Flag(name: .long, help: "Print the questions only.")
    var noSolutions = false

    @OptionGroup var sheet: SheetOptions

    /// `--count` as a number, or the error that says which are allowed.
    private func problemCount() throws -> Int {
        try WholeNumberOption.value(
            of: "--count", count, in: 1...Limits.maxGeneratedProblems,
            rule: "between 1 and \(Limits.maxGeneratedProblems)")
    }

    /// `--seed` as a number (nil when absent), or the error that says which are allowed.
    private func chosenSeed() throws -> UInt64? {
        try seed.map {
            try WholeNumberOption.value(
                of: "--seed", $0, in: 0...Self.largestSeed, rule: "a whole number from 0 to \(Self.largestSeed)")
        }
    }

    func validate() throws {
        _ = try problemCount()
        _ = try chosenSeed()
    }

    func run() throws {
        let count = try problemCount()
        let seed = try chosenSeed() ?? UInt64.random(in: 1...999_999)
        let problems = try ProblemSolver.generate(
            topic: topic, count: count, seed: seed, difficulty: difficulty, options: GenerationOptions(subject: subject))
        var options = sheet.sheetOptions()
        options.seed = seed
        options.includeSolutions = !noSolutions
        try sheet.write(problems, options, title: "\(topic) · seed \(seed)")
    }
}
