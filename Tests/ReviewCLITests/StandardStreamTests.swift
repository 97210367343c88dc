import Foundation
import Testing

/// Closed, full and broken standard streams, for every command: never a
/// crash (a signal, or a status of 128 or more), always the contract's
/// status, and one `review: error:` line wherever stderr can take it.
@Suite struct StandardStreamTests {
    static let root = ReviewProcess.packageRoot.path

    /// Every command run so that it prints on stdout.
    static let printing: [String: [String]] = [
        "topics": ["topics"],
        "gen": ["gen", "--topic", "conv", "--seed", "1", "--count", "20"],
        "solve": ["solve", root + "/problems/conv-vgg16.json"],
        "--help": ["--help"],
        "--version": ["--version"],
    ]

    /// Every command run so that it fails on bad input (exit status 2).
    static let failing: [String: [String]] = [
        "topics": ["topics", "--lang", "xx"],
        "gen": ["gen", "--topic", "nope"],
        "solve": ["solve", root + "/no-such-problem.json"],
        "build": ["build", root + "/no-such-handout.json"],
        "no command": ["--no-such-option"],
    ]

    static let errorLine = "review: error: standard output: cannot write"

    // MARK: stdout

    @Test(arguments: printing.keys.sorted())
    func closedStandardOutputIsOneErrorLine(command: String) throws {
        let run = try ReviewProcess.spawn(Self.printing[command] ?? [], stdout: .closed, stderr: .captured)
        #expect(run.signal == nil && run.exitStatus == 1, "\(run)")
        #expect(run.stderr == "\(Self.errorLine) (Bad file descriptor)\n")
    }

    @Test(arguments: printing.keys.sorted())
    func fullStandardOutputIsOneErrorLine(command: String) throws {
        let run = try ReviewProcess.spawn(Self.printing[command] ?? [], stdout: .full, stderr: .captured)
        #expect(run.signal == nil && run.exitStatus == 1, "\(run)")
        #expect(run.stderr == "\(Self.errorLine) (No space left on device)\n")
    }

    /// The reader quit: status 1 and no message, whatever SIGPIPE was.
    @Test(arguments: printing.keys.sorted(), [BrokenPipeSignal.default, .ignored])
    func brokenPipeOnStandardOutputExitsQuietly(command: String, sigpipe: BrokenPipeSignal) throws {
        let run = try ReviewProcess.spawn(
            Self.printing[command] ?? [], stdout: .brokenPipe, stderr: .captured, sigpipe: sigpipe)
        #expect(run.signal == nil && run.exitStatus == 1, "\(run)")
        #expect(run.stderr == "")
    }

    // MARK: stderr

    /// The error line cannot be written; the status still says what went wrong.
    @Test(arguments: failing.keys.sorted(), [ChildStream.closed, .full, .brokenPipe])
    func badInputWithStandardErrorGoneExitsTwo(command: String, stderr: ChildStream) throws {
        for sigpipe in [BrokenPipeSignal.default, .ignored] {
            let run = try ReviewProcess.spawn(Self.failing[command] ?? [], stdout: .captured, stderr: stderr, sigpipe: sigpipe)
            #expect(run.signal == nil && run.exitStatus == 2, "\(sigpipe): \(run)")
            #expect(run.stdout == "")
        }
    }

    /// Nothing goes to stderr, so nothing fails.
    @Test(arguments: printing.keys.sorted())
    func closedStandardErrorDoesNotStopOutput(command: String) throws {
        let run = try ReviewProcess.spawn(Self.printing[command] ?? [], stdout: .captured, stderr: .closed)
        #expect(run.signal == nil && run.exitStatus == 0, "\(run)")
        #expect(!run.stdout.isEmpty)
    }

    /// Both streams gone at once: still no crash.
    @Test(arguments: printing.keys.sorted())
    func bothStreamsClosed(command: String) throws {
        let run = try ReviewProcess.spawn(Self.printing[command] ?? [], stdout: .closed, stderr: .closed)
        #expect(run.signal == nil && run.exitStatus == 1, "\(run)")
    }

    // MARK: build

    /// A small handout: 2 students, 2 sections, Markdown only.
    private func smallHandout() throws -> (handout: URL, out: URL) {
        let scratch = try ReviewProcess.temporaryDirectory()
        let handout = scratch.appendingPathComponent("small.json")
        try Data("""
            {"title": "Small", "seed": 7, "students": 2, "formats": ["md"],
             "sections": [{"topic": "conv", "count": 1}, {"topic": "softmax", "count": 1}]}
            """.utf8).write(to: handout)
        return (handout, scratch.appendingPathComponent("out"))
    }

    /// The files are installed before the summary fails; the failed write
    /// still makes the status 1.
    @Test(arguments: [ChildStream.closed, .full, .brokenPipe])
    func buildWithStandardErrorGoneInstallsAndExitsOne(stderr: ChildStream) throws {
        for sigpipe in [BrokenPipeSignal.default, .ignored] {
            let (handout, out) = try smallHandout()
            let run = try ReviewProcess.spawn(
                ["build", handout.path, "--out", out.path], stdout: .captured, stderr: stderr, sigpipe: sigpipe)
            #expect(run.signal == nil && run.exitStatus == 1, "\(sigpipe): \(run)")
            #expect(run.stdout == "")
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("manifest.json").path))
        }
    }

    /// build writes nothing on stdout, so a closed, full or broken stdout is no failure.
    @Test(arguments: [ChildStream.closed, .full, .brokenPipe])
    func buildIgnoresStandardOutput(stdout: ChildStream) throws {
        let (handout, out) = try smallHandout()
        let run = try ReviewProcess.spawn(["build", handout.path, "--out", out.path], stdout: stdout, stderr: .captured)
        #expect(run.signal == nil && run.exitStatus == 0, "\(run)")
        #expect(run.stderr.hasPrefix("built 2 students, 4 problems, "), "\(run.stderr)")
    }
}
