import ArgumentParser
import ReviewKit

/// `review key HANDOUT CODE…`: students' answer keys found by the variant
/// codes on their sheets, derived again from the handout file (nothing is
/// written). A bad code is one error line and exit 2.
struct KeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key",
        abstract: "Print the answer keys of the students whose sheets carry these variant codes.",
        discussion: """
            Reads the handout as `review build` does and prints the codes' students' rows of the \
            answer key (Markdown by default). Codes are read in any case, with or without the hyphen; \
            a mistyped character or two swapped ones are caught by the check character.
            """)

    @Argument(help: "The handout file the sheets were built from.")
    var handout: String

    @Argument(help: "Variant codes as printed on the sheets, e.g. 7KQ2-M9X7.")
    var codes: [String] = []

    @Option(name: .shortAndLong, help: "Output format: md, html, latex or json.")
    var format: OutputFormat = .md

    @Option(
        name: .long, parsing: .unconditional,
        help: "The seed printed on the sheets, for a handout file that gives none.")
    var seed: String?

    private func chosenSeed() throws -> UInt64? {
        try seed.map {
            try WholeNumberOption.value(
                of: "--seed", $0, in: 0...GenCommand.largestSeed, rule: "a whole number from 0 to \(GenCommand.largestSeed)")
        }
    }

    func validate() throws {
        _ = try chosenSeed()
        guard !codes.isEmpty else { throw ValidationError("give at least one variant code, e.g. review key \(handout) 7KQ2-M9X7") }
    }

    func run() throws {
        let seed = try chosenSeed()
        let handout = try HandoutReader.read(path: self.handout, drawSeed: { seed ?? 0 })
        if handout.seedWasDrawn && seed == nil {
            throw UsageError(
                message: "\(handout.source.displayName): gives no seed, so its codes cannot be found again; "
                    + "pass the seed printed on the sheets with --seed")
        }
        if !handout.seedWasDrawn && seed != nil {
            throw UsageError(
                message: "\(handout.source.displayName): gives its own seed (\(handout.seed)); --seed is only for a handout without one")
        }
        var text = ""
        try AnswerKeyLookup.write(handout, codes: codes, format: format) { text += $0 }
        try StandardStreams.write(text, to: .output)
    }
}
