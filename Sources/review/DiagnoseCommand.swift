import ArgumentParser
import ReviewKit

/// `review diagnose`: checks a student's answers and names the slip behind
/// a wrong one. Exit 0 when every answer is right, 3 when some are wrong,
/// 2 on bad input.
struct DiagnoseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diagnose",
        abstract: "Check answers to a problem and name the mistake behind a wrong one.",
        discussion: """
            Example: review diagnose problems/conv-notes-32x32.json --answer total_params=450
            PATH is as in the JSON answers: gradient.x, layers[0].params, output[1][0]. \
            Exit status: 0 all right, 3 some wrong, 2 bad input.
            """)

    enum ReportFormat: String, ExpressibleByArgument {
        case text, json
    }

    @Argument(help: "The problem file (JSON); `-` for standard input.")
    var file: String

    @Option(name: .long, help: "An answer, PATH=VALUE (repeatable); VALUE may be a JSON list for a vector.")
    var answer: [String] = []

    @Option(name: .long, help: "A JSON file of answers, shaped like `answers` (or like `--format json` output).")
    var answers: String?

    @Option(name: .long, help: "Which problem of the file the --answer values are for.")
    var id: String?

    @Option(name: .shortAndLong, help: "text or json.")
    var format: ReportFormat = .text

    @Option(name: .long, help: "Language of the report: \(Sheet.languages.joined(separator: ", ")).")
    var lang: String = "en"

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    func validate() throws {
        guard Sheet.languages.contains(lang) else {
            throw ValidationError(
                "unknown language '\(lang)'; expected one of: \(Sheet.languages.joined(separator: ", "))")
        }
    }

    func run() throws {
        let given = try answer.flatMap(GivenAnswer.parse)
        let results = try DiagnosisRun.run(file: file, answers: given, answerFile: answers, id: id)
        let report = format == .json
            ? DiagnosisReport.json(results, language: lang) : DiagnosisReport.text(results, language: lang)
        if let output {
            try OutputFile.write(report, to: output, inputs: [file] + (answers.map { [$0] } ?? []))
        } else {
            try StandardStreams.write(report, to: .output)
        }
        if !results.allSatisfy(\.allRight) { throw SomeAnswersWrong() }
    }
}

/// Not an error: the report is written, and the exit status (3) tells a
/// script that some answers were wrong.
struct SomeAnswersWrong: Error {}
