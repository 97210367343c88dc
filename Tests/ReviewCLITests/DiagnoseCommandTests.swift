import Foundation
import Testing

/// `review diagnose` end to end: the contract's exit statuses (0 all right,
/// 3 some wrong, 2 bad input), the slip named in both languages, and JSON.
@Suite struct DiagnoseCommandTests {
    let conv = "problems/conv-notes-32x32.json"

    /// The issue's example: 450 for 456 is the forgotten bias of 6 filters.
    @Test func aForgottenBiasIsNamed() throws {
        let run = try ReviewProcess.run(["diagnose", conv, "--answer", "total_params=450"])
        #expect(run.status == 3)
        #expect(run.stdout.contains("you forgot the bias: each of the 6 filters has one"))
        #expect(run.stdout.contains("bias-forgotten"))
        #expect(run.stdout.contains("456"))
        #expect(run.stderr.isEmpty)
        let zh = try ReviewProcess.run(["diagnose", conv, "--answer", "total_params=450", "--lang", "zh"])
        #expect(zh.status == 3)
        #expect(zh.stdout.contains("忘了偏置：6 个卷积核每个都有一个偏置"))
    }

    @Test func rightAnswersExitZero() throws {
        let run = try ReviewProcess.run([
            "diagnose", conv, "--answer", "total_params=456", "--answer", "output=[28, 28, 6]",
        ])
        #expect(run.status == 0)
        #expect(run.stdout.contains("4 of 4 right"))
    }

    @Test func jsonHasTheContractShape() throws {
        let run = try ReviewProcess.run([
            "diagnose", "problems/backprop-notes-x-times-x-plus-y.json", "--format", "json",
            "--answer", "gradient.x=3", "--answer", "gradient.y=2",
        ])
        #expect(run.status == 3)
        let json = try run.json()
        let result = try #require((json["results"] as? [[String: Any]])?.first)
        #expect(result["id"] as? String == "backprop-notes-x-times-x-plus-y-0")
        let answers = try #require(result["answers"] as? [[String: Any]])
        #expect(answers.count == 2)
        #expect(answers[0]["path"] as? String == "gradient.x")
        #expect(answers[0]["given"] as? Double == 3)
        #expect(answers[0]["expected"] as? Double == 5)
        #expect(answers[0]["verdict"] as? String == "wrong")
        #expect(answers[0]["slip"] as? String == "one-path-only")
        #expect(answers[0]["step"] as? String == "df/dx")
        #expect(answers[1]["verdict"] as? String == "right")
        #expect(answers[1]["slip"] is NSNull)
        #expect(answers[1]["step"] is NSNull)
    }

    @Test(arguments: [
        (["--answer", "gradient.z=1"], "no answer 'gradient.z'"),
        (["--answer", "gradient.x=five"], "'five' is not a number"),
        (["--answer", "gradient.x"], "write PATH=VALUE"),
        ([String](), "no answers given"),
    ])
    func badAnswersAreOneLineAndStatusTwo(_ arguments: [String], _ message: String) throws {
        let run = try ReviewProcess.run(["diagnose", "problems/backprop-notes-x-times-x-plus-y.json"] + arguments)
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix("review: error: "))
        #expect(run.stderr.contains(message))
        #expect(run.stderr.filter { $0 == "\n" }.count == 1)
    }

    @Test func anAnswersFileNamesItselfInItsErrors() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("diagnose-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = folder.appendingPathComponent("good.json"), bad = folder.appendingPathComponent("bad.json")
        try #"{"value": 6, "gradient": {"x": 5, "y": 2}}"#.write(to: good, atomically: true, encoding: .utf8)
        try #"{"value": 6, "gradient": {"x": true}}"#.write(to: bad, atomically: true, encoding: .utf8)
        let notes = "problems/backprop-notes-x-times-x-plus-y.json"
        let right = try ReviewProcess.run(["diagnose", notes, "--answers", good.path])
        #expect(right.status == 0)
        #expect(right.stdout.contains("3 of 3 right"))
        let wrong = try ReviewProcess.run(["diagnose", notes, "--answers", bad.path])
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("bad.json"))
        #expect(wrong.stderr.contains("gradient.x"))
    }
}
