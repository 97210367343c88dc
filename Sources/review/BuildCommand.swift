import ArgumentParser
import ReviewKit

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build per-student question sheets, solution sheets and an answer key.")

    @Argument(help: "The handout file (JSON).")
    var handout: String

    @Option(name: .long, help: "Output directory (default: out/<handout name>/).")
    var out: String?

    func run() throws {
        throw UsageError(message: "review build is not available yet")
    }
}
