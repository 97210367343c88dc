import ArgumentParser
import ReviewKit

extension Difficulty: ExpressibleByArgument {}
extension OutputFormat: ExpressibleByArgument {}  // `review key --format`

/// What `--format` takes: a sheet format (`OutputFormat`), an export to
/// a learning-management system, which is no sheet and has a writer of its
/// own (`MoodleXML`, `QTIPackage`), or the LaTeX sheet compiled to PDF
/// (`LaTeXToPDF`), so the sheet formats' switches stay as they are.
enum SheetFormat: String, CaseIterable, ExpressibleByArgument {
    case md, html, latex, json, moodle, qti, pdf

    /// The sheet format, or nil for an LMS export.
    var sheet: OutputFormat? { self == .pdf ? .latex : OutputFormat(rawValue: rawValue) }

    /// A zip or a PDF: never written to a terminal or a pipe by accident.
    var isBinary: Bool { self == .qti || self == .pdf }
}

/// The options every sheet-writing command shares.
struct SheetOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "Output format: md, html, latex, json, moodle (Moodle XML, Cloze questions), qti (a QTI 1.2 zip for Canvas; needs -o) or pdf (the LaTeX sheet through xelatex/pdflatex; needs -o).")
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
        if format.isBinary && output == nil {
            throw ValidationError(
                "--format \(format.rawValue) writes a binary file (\(format == .qti ? "a zip" : "a PDF")); "
                    + "name it with -o FILE.\(format == .qti ? "zip" : "pdf")")
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

    /// Makes the chosen format and writes it: text to stdout or `--output`,
    /// a zip or PDF (made in memory, or in a private folder) atomically to
    /// `--output`.
    func write(_ problems: [WorkedProblem], _ options: Sheet.Options, title: String, inputs: [String] = []) throws {
        switch format {
        case .qti:
            let bytes = try QTIPackage.document(
                problems, language: options.language, title: title, solutions: options.includeSolutions)
            try OutputFile.write(bytes: bytes, to: output ?? "", inputs: inputs)
        case .pdf:
            let latex = Sheet(problems: problems, options: options).render()
            let bytes = try LaTeXToPDF.compile(latex, language: options.language)
            try OutputFile.write(bytes: bytes, to: output ?? "", inputs: inputs)
        default:
            try emit(render(problems, options), inputs: inputs)
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
