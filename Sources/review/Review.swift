import ArgumentParser
import Foundation
import ReviewKit

/// `review`: worked, step-by-step solutions to deep-learning exam problems.
@main
struct Review: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Worked, step-by-step solutions to deep-learning exam problems.",
        discussion: """
            Generate practice problems with `review gen --topic backprop`, solve your own \
            with `review solve problem.json`, and build per-student handouts with \
            `review build handout.json`.
            """,
        version: ReviewVersion.number,
        subcommands: [TopicsCommand.self, GenCommand.self, SolveCommand.self, BuildCommand.self, DiagnoseCommand.self, QuizCommand.self, GradeCommand.self, KeyCommand.self]
    )

    /// Runs the command and maps every failure to the contract's exit
    /// statuses: 2 for bad usage or bad input, 1 for anything else (a failed
    /// write included), and exactly one `review: error: …` line on stderr
    /// when stderr can be written.
    static func main() {
        StandardStreams.prepare()
        let status: Int32
        do {
            var command = try parseAsRoot()
            try command.run()
            status = 0
        } catch {
            status = report(error)
        }
        Foundation.exit(status)
    }

    private static func report(_ error: Error) -> Int32 {
        switch error {
        case is SomeAnswersWrong:
            return 3
        case let error as ProblemFileError:
            return fail(error.description, status: 2)
        case let error as UsageError:
            return fail(error.message, status: 2)
        case let error as WriteError:
            return fail(error.description, status: 1)
        case let error as StandardStreamError where error.stream == .output && error.isBrokenPipe:
            return 1  // the reader quit (`review … | head -1`): quiet, as coreutils are
        case let error as StandardStreamError:
            return fail(error.description, status: 1)
        default:
            let code = exitCode(for: error)
            if code == .success {  // --help, --version
                do {
                    try StandardStreams.write(fullMessage(for: error) + "\n", to: .output)
                    return 0
                } catch {
                    return report(error)
                }
            }
            let message = self.message(for: error)
                .split(separator: "\n").first.map(String.init) ?? "\(error)"
            let isUsage = code == .validationFailure || error is ValidationError
            return fail(message.replacingOccurrences(of: "Error: ", with: ""), status: isUsage ? 2 : 1)
        }
    }

    /// Writes the error line; when stderr itself cannot be written there is
    /// nowhere left to say so, and the status alone reports the failure.
    private static func fail(_ message: String, status: Int32) -> Int32 {
        try? StandardStreams.write("review: error: \(ErrorLine.clean(message))\n", to: .error)
        return status
    }
}
