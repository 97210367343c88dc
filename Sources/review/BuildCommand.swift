import ArgumentParser
import Foundation
import ReviewKit

/// `review build HANDOUT [--out DIR] [--force] [--jobs N]`: reads and checks
/// the handout (a bad one fails before anything is made), writes every student's
/// files into a staging directory on every core, then installs it in one rename.
/// stdout stays empty; the progress bar and the summary go to stderr.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build per-student question sheets, solution sheets and an answer key.",
        discussion: """
            Writes, for each student, a folder NNN-name/ with questions.<ext> (no solutions), \
            solutions.<ext> and problems.json (their exact problems, for `review solve`), plus \
            answer-key.<ext>, index.html and manifest.json. The directory appears whole or not at all.
            """)

    @Argument(help: "The handout file (JSON).")
    var handout: String

    @Option(name: .long, help: "Output directory (default: out/<handout name>/).")
    var out: String?

    @Flag(name: .long, help: "Replace the output directory if it exists.")
    var force = false

    @Option(name: .long, parsing: .unconditional, help: "Students built at once (default: one per core).")
    var jobs: String?

    /// `--jobs` as a number (one per core when absent), or the error that says which are allowed.
    private func jobCount() throws -> Int {
        guard let jobs else { return ProcessInfo.processInfo.activeProcessorCount }
        return try WholeNumberOption.value(of: "--jobs", jobs, in: 1...Int.max, rule: "at least 1")
    }

    func validate() throws {
        _ = try jobCount()
    }

    func run() throws {
        let jobs = try jobCount()
        let start = Date()
        let handout = try HandoutReader.read(path: handout)
        let directory = try OutputDirectory(
            out ?? "out/\(handout.source.stem)", replace: force, inputs: handout.inputFiles)

        let bar = ProgressBar.forStandardError(sheets: handout.sheetCount)
        var progress: HandoutBuilder.Progress?
        if let bar { progress = { done, total in bar.show(done, total) } }
        let build: HandoutBuild
        do {
            build = try directory.install { staging in
                try HandoutBuilder.build(handout, jobs: jobs, progress: progress, into: staging)
            }
            bar?.finish()
        } catch {
            bar?.finish()  // the error line starts on a clean line
            throw error
        }

        let summary = HandoutSummary.line(
            handout, build, directory: directory.shownPath, seconds: Date().timeIntervalSince(start))
        // The files are installed by now; a summary that cannot be written
        // still makes the status 1, since every failed write is reported.
        try StandardStreams.write(summary + "\n", to: .error)
        if let failure = bar?.failure { throw failure }
    }
}
