import Foundation
import Testing

/// `--count`, `--seed` and `--jobs`: a value out of range, negative ones
/// included, is one line that says which values are allowed (exit status 2).
@Suite struct WholeNumberOptionTests {
    static let countRule = "--count must be between 1 and 1000"
    static let seedRule = "--seed must be a whole number from 0 to 9007199254740991"

    static let cases: [([String], String)] = [
        (["gen", "--topic", "conv", "--count", "-1"], "\(countRule), got -1"),
        (["gen", "--topic", "conv", "--count=-1"], "\(countRule), got -1"),
        (["gen", "--topic", "conv", "-c", "-1"], "\(countRule), got -1"),
        (["gen", "--topic", "conv", "--count", "0"], "\(countRule), got 0"),
        (["gen", "--topic", "conv", "--count", "99999999999999999999"], "\(countRule), got 99999999999999999999"),
        (["gen", "--topic", "conv", "--count", "two"], "\(countRule), got two"),
        (["gen", "--topic", "conv", "--seed", "-1"], "\(seedRule), got -1"),
        (["gen", "--topic", "conv", "--seed=-1"], "\(seedRule), got -1"),
        (["gen", "--topic", "conv", "--seed", "9007199254740992"], "\(seedRule), got 9007199254740992"),
        (["gen", "--topic", "conv", "--seed", "18446744073709551616"], "\(seedRule), got 18446744073709551616"),
        (["gen", "--topic", "conv", "--seed", "1.5"], "\(seedRule), got 1.5"),
        (["build", "problems/handout-final-review.json", "--jobs", "-5"], "--jobs must be at least 1, got -5"),
        (["build", "problems/handout-final-review.json", "--jobs=-5"], "--jobs must be at least 1, got -5"),
        (["build", "problems/handout-final-review.json", "--jobs", "0"], "--jobs must be at least 1, got 0"),
    ]

    @Test(arguments: cases)
    func outOfRangeSaysWhatIsAllowed(arguments: [String], message: String) throws {
        let run = try ReviewProcess.run(arguments)
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr == "review: error: \(message)\n")
    }

    /// Both ends of the range, and the JSON gives the seed back exactly.
    @Test func theWholeRangeOfSeedsIsAccepted() throws {
        for seed in ["0", "9007199254740991"] {
            let run = try ReviewProcess.run(["gen", "--topic", "softmax", "--seed", seed, "--format", "json"])
            #expect(run.status == 0, "\(run.stderr)")
            #expect((try run.json()["seed"] as? NSNumber)?.stringValue == seed)
        }
    }

    /// The summary line says "1 student, 1 problem".
    @Test func buildSummaryIsSingularForOne() throws {
        let scratch = try ReviewProcess.temporaryDirectory()
        let handout = scratch.appendingPathComponent("one.json")
        try Data(#"{"seed": 3, "students": 1, "formats": "md", "sections": [{"topic": "conv"}]}"#.utf8).write(to: handout)
        let run = try ReviewProcess.run(["build", handout.path, "--out", scratch.appendingPathComponent("out").path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.hasPrefix("built 1 student, 1 problem, "), "\(run.stderr)")
    }
}
