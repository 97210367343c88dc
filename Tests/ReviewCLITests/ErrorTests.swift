import Foundation
import Testing

/// Bad input and bad usage: exit status 2, exactly one located line on
/// stderr, nothing on stdout, nothing written.
@Suite struct ErrorTests {
    func expectOneLine(_ run: ReviewRun, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(run.status == 2, sourceLocation: sourceLocation)
        #expect(run.stdout.isEmpty, sourceLocation: sourceLocation)
        #expect(run.stderr == "review: error: \(expected)\n", sourceLocation: sourceLocation)
    }

    func write(_ text: String, named name: String) throws -> URL {
        let url = try ReviewProcess.temporaryDirectory().appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func missingFile() throws {
        expectOneLine(try ReviewProcess.run(["solve", "no/such.json"]), "no/such.json: no such file")
    }

    @Test func malformedJSONReportsLineAndColumn() throws {
        let file = try write("{\"topic\": \"backprop\",\n \"expression\" \"x\"}", named: "bad.json")
        let run = try ReviewProcess.run(["solve", file.path])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("review: error: \(file.path): line 2, column 15: "))
        #expect(run.stderr.filter { $0 == "\n" }.count == 1)
    }

    @Test func badExpressionNamesTheColumn() throws {
        let file = try write(#"{"topic": "backprop", "expression": "x*(x+", "values": {"x": 2}}"#, named: "p.json")
        expectOneLine(try ReviewProcess.run(["solve", file.path]), "\(file.path): expression: column 6: unexpected end of expression")
    }

    @Test func logOfZeroNamesTheNode() throws {
        let file = try write(#"{"problems": [{"topic": "backprop", "expression": "log(x)", "values": {"x": 0}}]}"#, named: "p.json")
        let run = try ReviewProcess.run(["solve", file.path])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("review: error: \(file.path): problems[0].expression: column 1: "))
    }

    @Test func unknownTopicSuggestsTheNearestOne() throws {
        expectOneLine(
            try ReviewProcess.run(["gen", "--topic", "backprob"]), "unknown topic 'backprob' (did you mean 'backprop'?)")
    }

    @Test func emptyProblemListIsAnError() throws {
        let file = try write(#"{"problems": []}"#, named: "empty.json")
        let run = try ReviewProcess.run(["solve", file.path])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("review: error: \(file.path): "))
    }

    @Test func badUsageExitsWithTwo() throws {
        let missingTopic = try ReviewProcess.run(["gen"])
        #expect(missingTopic.status == 2)
        #expect(missingTopic.stderr.hasPrefix("review: error: "))
        #expect(missingTopic.stderr.filter { $0 == "\n" }.count == 1)

        let badFormat = try ReviewProcess.run(["solve", "x.json", "--format", "pdf"])
        #expect(badFormat.status == 2)
        #expect(badFormat.stderr.filter { $0 == "\n" }.count == 1)

        let badCount = try ReviewProcess.run(["gen", "--topic", "backprop", "--count", "0"])
        #expect(badCount.status == 2)
    }

    @Test func failedSolveWritesNothing() throws {
        let directory = try ReviewProcess.temporaryDirectory()
        let good = directory.appendingPathComponent("good.json")
        try #"{"topic": "backprop", "expression": "x", "values": {"x": 1}}"#.write(to: good, atomically: true, encoding: .utf8)
        let bad = directory.appendingPathComponent("bad.json")
        try #"{"topic": "backprop", "expression": "x/0", "values": {"x": 1}}"#.write(to: bad, atomically: true, encoding: .utf8)
        let target = directory.appendingPathComponent("out.md")
        let run = try ReviewProcess.run(["solve", good.path, bad.path, "--output", target.path])
        #expect(run.status == 2)
        #expect(!FileManager.default.fileExists(atPath: target.path))
    }

    @Test func unwritableOutputExitsWithOne() throws {
        let run = try ReviewProcess.run(
            ["solve", "problems/backprop-notes-x-times-x-plus-y.json", "--output", "/no/such/dir/out.md"])
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("review: error: /no/such/dir/out.md: cannot write"))
    }
}

/// Output files are replaced whole or not at all.
@Suite struct AtomicOutputTests {
    @Test func badInputLeavesThePreviousFileIntact() throws {
        let directory = try ReviewProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try "previous sheet".write(to: directory.appendingPathComponent("out.md"), atomically: true, encoding: .utf8)
        try #"{"topic": "softmax", "logits": [1, 2], "target": 5}"#
            .write(to: directory.appendingPathComponent("p.json"), atomically: true, encoding: .utf8)
        let run = try ReviewProcess.run(["solve", "p.json", "--output", "out.md"], in: directory)
        #expect(run.status == 2)
        #expect(try String(contentsOf: directory.appendingPathComponent("out.md"), encoding: .utf8) == "previous sheet")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["out.md", "p.json"])
    }

    @Test func aDirectoryAsOutputIsAUsageErrorAndTouchesNothing() throws {
        let directory = try ReviewProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("out.md")
        try FileManager.default.createDirectory(at: target.appendingPathComponent("keep"), withIntermediateDirectories: true)
        let run = try ReviewProcess.run(
            ["solve", "problems/softmax-classic-2-1-0.1.json", "--output", target.path])
        #expect(run.status == 2)
        #expect(run.stderr == "review: error: --output \(target.path): is a directory; give a file name\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["out.md"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.path) == ["keep"])
    }

    @Test func aSuccessfulWriteReplacesTheFile() throws {
        let directory = try ReviewProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("out.json")
        try "previous".write(to: target, atomically: true, encoding: .utf8)
        let run = try ReviewProcess.run(
            ["solve", "problems/softmax-classic-2-1-0.1.json", "--format", "json", "--output", target.path])
        #expect(run.status == 0)
        #expect(run.stdout.isEmpty)
        #expect(try String(contentsOf: target, encoding: .utf8).hasPrefix("{"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["out.json"])
    }
}
