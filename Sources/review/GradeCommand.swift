import ArgumentParser
import ReviewKit

/// `review grade BUILD_DIR ANSWERS.csv`: a class's answers graded against
/// a build with the practice tolerance and slip diagnosis.
struct GradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade",
        abstract: "Grade a class's answers (CSV: student,problem,answer,value) against a build.")

    @Argument(help: "The folder `review build` wrote.")
    var build: String

    @Argument(help: "The answers, CSV with the header student,problem,answer,value.")
    var answers: String

    @Option(name: .long, help: "Output directory (default: BUILD_DIR-grades).")
    var out: String?

    @Flag(name: .long, help: "Replace the output directory if it holds an earlier grading.")
    var force = false

    func run() throws {
        let trimmed = build.hasSuffix("/") && build.count > 1 ? String(build.dropLast()) : build
        let grades = try ClassGrades.grade(build: trimmed, answers: answers)
        let directory = try OutputDirectory(
            out ?? trimmed + "-grades", replace: force, inputs: [answers, trimmed + "/manifest.json"])
        try directory.install { staging in try staging.write(grades.files()) }
        try StandardStreams.write(grades.summary(directory: directory.shownPath) + "\n", to: .error)
    }
}
