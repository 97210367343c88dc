import ArgumentParser
import ReviewKit

struct GenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gen",
        abstract: "Make random, hand-solvable problems of a topic, with worked solutions.")

    @Option(name: .shortAndLong, help: "The topic (see `review topics`).")
    var topic: String

    @Option(name: .shortAndLong, help: "How many problems (1–\(Limits.maxGeneratedProblems)).")
    var count: Int = 1

    @Option(name: .shortAndLong, help: "Seed for the random problems; the same seed gives the same sheet.")
    var seed: UInt64?

    @Option(name: .shortAndLong, help: "easy, standard or hard.")
    var difficulty: Difficulty = .standard

    @Flag(name: .long, help: "Print the questions only.")
    var noSolutions = false

    @OptionGroup var sheet: SheetOptions

    func validate() throws {
        guard (1...Limits.maxGeneratedProblems).contains(count) else {
            throw ValidationError("--count must be between 1 and \(Limits.maxGeneratedProblems), got \(count)")
        }
    }

    func run() throws {
        let seed = self.seed ?? UInt64.random(in: 1...999_999)
        let problems = try Workbook.generate(topic: topic, count: count, seed: seed, difficulty: difficulty)
        var options = sheet.sheetOptions()
        options.seed = seed
        options.includeSolutions = !noSolutions
        try sheet.emit(Sheet(problems: problems, options: options).render())
    }
}
