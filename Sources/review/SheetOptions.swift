import ArgumentParser
import ReviewKit

extension Difficulty: ExpressibleByArgument {}
extension OutputFormat: ExpressibleByArgument {}  // `review key --format`

/// What `--format` takes: a sheet format (`OutputFormat`), or an export to
/// a learning-management system, which is no sheet and has a writer of its
/// own (`MoodleXML`), so the sheet formats' switches stay as they are.
enum SheetFormat: String, CaseIterable, ExpressibleByArgument {
    case md, html, latex, json, moodle

    /// The sheet format, or nil for an LMS export.
    var sheet: OutputFormat? { OutputFormat(rawValue: rawValue) }
}

/// The options every sheet-writing command shares.
struct SheetOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "Output format: md, html, latex, json, or moodle (Moodle XML, Cloze questions).")
    var format: SheetFormat = .md

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
        options.format = format.sheet ?? .html
        options.language = lang
        options.foldSolutions = foldSolutions
        options.practice = practice
        return options
    }

    /// The problems as the chosen format: a sheet, or an LMS export.
    func render(_ problems: [WorkedProblem], _ options: Sheet.Options) -> String {
        switch format {
        case .moodle: MoodleXML.document(problems, language: options.language, solutions: options.includeSolutions)
        default: Sheet(problems: problems, options: options).render()
        }
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
