import ArgumentParser
import ReviewKit

extension OutputFormat: ExpressibleByArgument {}
extension Difficulty: ExpressibleByArgument {}

/// The options every sheet-writing command shares.
struct SheetOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "Output format: md, html, latex or json.")
    var format: OutputFormat = .md

    @Option(name: .long, help: "Language of the sheet: \(Sheet.languages.joined(separator: ", ")).")
    var lang: String = "en"

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    @Flag(name: .long, help: "HTML: fold each solution under a click, for self-testing.")
    var foldSolutions = false

    @Flag(name: .long, help: "HTML: a practice page, with answer boxes checked offline and solutions folded.")
    var practice = false

    func validate() throws {
        if practice && format != .html {
            throw ValidationError("--practice makes an HTML page; add --format html")
        }
        guard Sheet.languages.contains(lang) else {
            throw ValidationError(
                "unknown language '\(lang)'; expected one of: \(Sheet.languages.joined(separator: ", "))")
        }
    }

    func sheetOptions() -> Sheet.Options {
        var options = Sheet.Options()
        options.format = format
        options.language = lang
        options.foldSolutions = foldSolutions
        options.practice = practice
        return options
    }

    /// Writes the finished sheet: to stdout, or atomically to `--output`.
    func emit(_ text: String, inputs: [String] = []) throws {
        if let output {
            try OutputFile.write(text, to: output, inputs: inputs)
        } else {
            try StandardStreams.write(text, to: .output)
        }
    }
}
