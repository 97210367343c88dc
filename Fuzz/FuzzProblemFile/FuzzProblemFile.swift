import FuzzSupport
import ReviewKit

/// Fuzz target: a whole problem file, from bytes to every output format.
///
/// The bytes go through the JSON reader, the problem splitter, each topic's
/// decoder and solver, and the sheet renderers. The only acceptable
/// failure is a `ProblemFileError` (what `review` prints as a located
/// one-line error with exit status 2); anything else, a trap, a hang or a
/// sanitizer report is a bug.
func fuzzProblemFile(_ bytes: [UInt8]) {
    let problems: [WorkedProblem]
    do {
        problems = try ProblemSolver.solve(bytes: bytes, source: ProblemSource(displayName: "fuzz.json", stem: "fuzz"))
    } catch is ProblemFileError {
        return
    } catch {
        preconditionFailure("not a located problem-file error: \(error)")
    }
    for format in OutputFormat.allCases {
        var options = Sheet.Options()
        options.format = format
        _ = Sheet(problems: problems, options: options).render()
    }
}

@main enum Main {
    static func main() { FuzzMain.run(fuzzProblemFile) }
}
