import Foundation
import Testing

/// A FIFO, device or socket given as an input is refused before it is
/// opened for reading: it could block the open or the read forever, or never
/// end. Each run has a timeout, so a regression fails instead of hanging.
@Suite struct SpecialFileTests {
    /// Runs `review` in `directory`; the expected line is the whole stderr,
    /// stdout is empty, and no file appears.
    private func expectRefused(_ arguments: [String], in directory: URL, file: String) throws {
        let before = try Set(FileManager.default.contentsOfDirectory(atPath: directory.path))
        let started = Date()
        let run = try ReviewProcess.run(arguments, in: directory, timeout: 10)
        #expect(!run.timedOut, "review \(arguments) hung and was killed after 10 s")
        #expect(Date().timeIntervalSince(started) < 5, "review \(arguments) took too long")
        #expect(run.status == 2, "\(arguments)")
        #expect(run.stderr == "review: error: \(file): not a regular file\n", "\(arguments)")
        #expect(run.stdout.isEmpty, "\(arguments)")
        let after = try Set(FileManager.default.contentsOfDirectory(atPath: directory.path))
        #expect(after == before, "\(arguments) wrote \(after.subtracting(before))")
    }

    /// A fresh directory holding a FIFO called `name`.
    private func directoryWithFIFO(_ name: String) throws -> URL {
        let directory = try ReviewProcess.temporaryDirectory()
        let made = mkfifo(directory.appendingPathComponent(name).path, 0o644)
        #expect(made == 0, "mkfifo failed")
        return directory
    }

    @Test func fifoAsProblemFile() throws {
        let directory = try directoryWithFIFO("p.json")
        defer { try? FileManager.default.removeItem(at: directory) }
        try expectRefused(["solve", "p.json", "--output", "out.md"], in: directory, file: "p.json")
        try expectRefused(["solve", "p.json", "--format", "json"], in: directory, file: "p.json")
    }

    @Test func symbolicLinkToAFIFOIsRefusedAndToAFileIsRead() throws {
        let directory = try directoryWithFIFO("p.json")
        defer { try? FileManager.default.removeItem(at: directory) }
        let manager = FileManager.default
        try manager.createSymbolicLink(atPath: directory.appendingPathComponent("link.json").path, withDestinationPath: "p.json")
        try expectRefused(["solve", "link.json"], in: directory, file: "link.json")

        try #"{"topic": "backprop", "expression": "x*y", "values": {"x": 2, "y": 3}}"#
            .write(to: directory.appendingPathComponent("real.json"), atomically: true, encoding: .utf8)
        try manager.createSymbolicLink(atPath: directory.appendingPathComponent("good.json").path, withDestinationPath: "real.json")
        let run = try ReviewProcess.run(["solve", "good.json", "--format", "json"], in: directory, timeout: 10)
        #expect(run.status == 0 && run.stderr.isEmpty, "\(run.stderr)")
    }

    @Test(arguments: ["/dev/null", "/dev/zero"])
    func deviceAsProblemFile(device: String) throws {
        let directory = try ReviewProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try expectRefused(["solve", device, "--output", "out.md"], in: directory, file: device)
    }

    @Test func fifoAsHandout() throws {
        let directory = try directoryWithFIFO("handout.json")
        defer { try? FileManager.default.removeItem(at: directory) }
        try expectRefused(["build", "handout.json", "--out", "out"], in: directory, file: "handout.json")
    }

    @Test func fifoAsRosterOfAHandout() throws {
        let directory = try directoryWithFIFO("roster.csv")
        defer { try? FileManager.default.removeItem(at: directory) }
        try #"{"title": "T", "seed": 1, "students": "roster.csv", "sections": [{"topic": "conv"}]}"#
            .write(to: directory.appendingPathComponent("handout.json"), atomically: true, encoding: .utf8)
        try expectRefused(["build", "handout.json", "--out", "out"], in: directory, file: "roster.csv")
    }

    @Test func fifoAsProblemFileOfAHandoutSection() throws {
        let directory = try directoryWithFIFO("classics.json")
        defer { try? FileManager.default.removeItem(at: directory) }
        try #"{"title": "T", "seed": 1, "students": 2, "sections": [{"title": "C", "problems": "classics.json"}]}"#
            .write(to: directory.appendingPathComponent("handout.json"), atomically: true, encoding: .utf8)
        try expectRefused(["build", "handout.json", "--out", "out"], in: directory, file: "classics.json")
    }
}
