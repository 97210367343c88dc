import Foundation
import Testing

/// `review build` end to end: the example handout, reproducibility, the
/// all-or-nothing output directory, and the answer key against `review solve`.
@Suite struct BuildCommandTests {
    let example = "problems/handout-final-review.json"

    /// Every file under `root`, relative path → bytes.
    private func tree(_ root: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
            files[String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))] = try Data(contentsOf: url)
        }
        return files
    }

    @Test func buildsTheExampleHandout() throws {
        let scratch = try ReviewProcess.temporaryDirectory()
        let out = scratch.appendingPathComponent("final")
        let run = try ReviewProcess.run(["build", example, "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.isEmpty, "stdout stays clean")
        #expect(run.stderr.hasPrefix("built 30 students, 270 problems, "), "\(run.stderr)")
        #expect(run.stderr.hasSuffix("\n") && run.stderr.split(separator: "\n").count == 1)
        let files = try tree(out)
        for top in ["index.html", "answer-key.html", "answer-key.md", "answer-key.json", "manifest.json"] {
            #expect(files[top] != nil, "\(top)")
        }
        for number in ["001", "015", "030"] {
            for name in ["questions.html", "solutions.html", "questions.md", "solutions.md", "questions.json",
                         "solutions.json", "problems.json"] {
                #expect(files["\(number)/\(name)"] != nil, "\(number)/\(name)")
            }
        }
        #expect(files.count == 30 * 7 + 5)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["final"])
    }

    @Test func rebuildingIsByteIdentical() throws {
        let scratch = try ReviewProcess.temporaryDirectory()
        let first = scratch.appendingPathComponent("a"), second = scratch.appendingPathComponent("b")
        #expect(try ReviewProcess.run(["build", example, "--out", first.path]).status == 0)
        #expect(try ReviewProcess.run(["build", example, "--out", second.path, "--jobs", "1"]).status == 0)
        let a = try tree(first), b = try tree(second)
        #expect(a.count == b.count)
        #expect(a == b)
    }

    @Test func answerKeyMatchesSolvingEachStudentsProblems() throws {
        let out = try ReviewProcess.temporaryDirectory().appendingPathComponent("final")
        #expect(try ReviewProcess.run(["build", example, "--out", out.path]).status == 0)
        let keyData = try Data(contentsOf: out.appendingPathComponent("answer-key.json"))
        let key = try JSONSerialization.jsonObject(with: keyData) as? [String: Any]
        let students = key?["students"] as? [[String: Any]] ?? []
        #expect(students.count == 30)
        for student in students {
            let folder = try #require(student["folder"] as? String)
            let problems = out.appendingPathComponent(folder).appendingPathComponent("problems.json")
            let solved = try ReviewProcess.run(["solve", problems.path, "--format", "json"])
            #expect(solved.status == 0)
            let results = try solved.json()["results"] as? [[String: Any]] ?? []
            let keyed = student["results"] as? [[String: Any]] ?? []
            #expect(results.count == keyed.count && results.count == 9)  // 7 generated + 2 fixed per student
            for (got, expected) in zip(results, keyed) {
                #expect(got["id"] as? String == expected["id"] as? String)
                #expect(NSDictionary(dictionary: got["answers"] as? [String: Any] ?? [:])
                    == NSDictionary(dictionary: expected["answers"] as? [String: Any] ?? [:]))
            }
            // The JSON solution sheet is exactly what `review solve` prints.
            let sheet = try Data(contentsOf: out.appendingPathComponent(folder).appendingPathComponent("solutions.json"))
            #expect(sheet == solved.stdoutData, "\(folder)")
        }
    }

    @Test func anExistingDirectoryIsLeftAloneUnlessForced() throws {
        let scratch = try ReviewProcess.temporaryDirectory()
        let out = scratch.appendingPathComponent("final")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("keep me".utf8).write(to: out.appendingPathComponent("notes.txt"))

        let refused = try ReviewProcess.run(["build", example, "--out", out.path])
        #expect(refused.status == 2)
        #expect(refused.stderr == "review: error: --out \(out.path): already exists (use --force to replace it)\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["notes.txt"])

        // A folder holding the teacher's own file is not replaced, even with --force.
        let forced = try ReviewProcess.run(["build", example, "--out", out.path, "--force"])
        #expect(forced.status == 2)
        #expect(forced.stderr.contains("it holds 'notes.txt', which no earlier build wrote"), "\(forced.stderr)")
        #expect(try tree(out) == ["notes.txt": Data("keep me".utf8)])

        // An earlier build is replaced with --force.
        try FileManager.default.removeItem(at: out.appendingPathComponent("notes.txt"))
        #expect(try ReviewProcess.run(["build", example, "--out", out.path, "--force"]).status == 0)
        let rebuilt = try ReviewProcess.run(["build", example, "--out", out.path, "--force"])
        #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
        #expect(try tree(out)["index.html"] != nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["final"])
    }

    @Test func aFailingSectionLeavesNoOutputDirectory() throws {
        let scratch = try ReviewProcess.temporaryDirectory()
        try Data(#"[{"topic": "backprop", "expression": "sqrt(x)", "values": {"x": -4}}]"#.utf8)
            .write(to: scratch.appendingPathComponent("bad.json"))
        try Data(#"{"students": 5, "sections": [{"topic": "backprop"}, {"problems": "bad.json"}]}"#.utf8)
            .write(to: scratch.appendingPathComponent("handout.json"))
        let run = try ReviewProcess.run(["build", "handout.json"], in: scratch)
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("review: error: bad.json: [0].expression: "), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).sorted() == ["bad.json", "handout.json"])
    }

    @Test func aBadHandoutIsALocatedError() throws {
        let scratch = try ReviewProcess.temporaryDirectory()
        try Data(#"{"students": 5, "sections": [{"topic": "softmx"}]}"#.utf8)
            .write(to: scratch.appendingPathComponent("h.json"))
        let run = try ReviewProcess.run(["build", "h.json"], in: scratch)
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("review: error: h.json: sections[0].topic: unknown topic 'softmx'"), "\(run.stderr)")
        let missing = try ReviewProcess.run(["build", "nope.json"], in: scratch)
        #expect(missing.status == 2)
        #expect(missing.stderr == "review: error: nope.json: no such file\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["h.json"])
    }

    @Test func defaultOutputIsOutSlashTheHandoutsName() throws {
        let scratch = try ReviewProcess.temporaryDirectory()
        try Data(#"{"seed": 1, "students": ["Ann"], "formats": ["md"], "sections": [{"topic": "backprop"}]}"#.utf8)
            .write(to: scratch.appendingPathComponent("quiz.json"))
        let run = try ReviewProcess.run(["build", "quiz.json"], in: scratch)
        #expect(run.status == 0, "\(run.stderr)")
        let files = try tree(scratch.appendingPathComponent("out/quiz"))
        #expect(Set(files.keys) == [
            "001-ann/questions.md", "001-ann/solutions.md", "001-ann/problems.json", "answer-key.md", "index.html",
            "manifest.json",
        ])
    }

    @Test func aDrawnSeedIsReportedSoTheBuildCanBeRepeated() throws {
        let scratch = try ReviewProcess.temporaryDirectory()
        try Data(#"{"students": 2, "formats": ["md"], "sections": [{"topic": "backprop"}]}"#.utf8)
            .write(to: scratch.appendingPathComponent("quiz.json"))
        let run = try ReviewProcess.run(["build", "quiz.json", "--out", "o"], in: scratch)
        #expect(run.status == 0)
        #expect(run.stderr.contains("was drawn: add \"seed\": "), "\(run.stderr)")
    }

    @Test func unicodeRosterEndToEnd() throws {
        let out = try ReviewProcess.temporaryDirectory().appendingPathComponent("take-home")
        let run = try ReviewProcess.run(["build", "problems/handout-roster-example.json", "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        let files = try tree(out)
        let folders = Set(files.keys.compactMap { $0.split(separator: "/").count == 2 ? String($0.split(separator: "/")[0]) : nil })
        #expect(folders == [
            "001-alice-martin", "002-jose-muller-ostergaard", "003-2024003", "004-nguyen-thi-anh",
            "005-soren-kierkegaard", "006-2024006", "007-zoe-o-brien", "008-2024008",
        ])
        let sheet = String(decoding: files["003-2024003/questions.html"] ?? Data(), as: UTF8.self)
        #expect(sheet.contains("王小明 · id 2024003 · handout seed 7 · variant "))
        let index = String(decoding: files["index.html"] ?? Data(), as: UTF8.self)
        #expect(index.contains("Nguyễn, Thị Ánh (2024004)"))
        #expect(index.contains("김민준 (2024006)"))
    }
}
