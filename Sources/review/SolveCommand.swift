import ArgumentParser
import Foundation
import ReviewKit

struct SolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve",
        abstract: "Solve the problems in problem files (`-` reads standard input).")

    @Argument(help: "Problem files (JSON); `-` for standard input.")
    var files: [String]

    @OptionGroup var sheet: SheetOptions

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("no problem file given") }
    }

    func run() throws {
        let problems = try ProblemSolver.solve(files: files, forSheets: sheet.format != .json)
        let title = files.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")
        try sheet.write(problems, sheet.sheetOptions(), title: title, inputs: files)
    }
}
