import Foundation
import Testing

/// `review key HANDOUT CODE…` end to end: the codes on a build's sheets
/// bring back those students' answers (the numbers of the build's answer
/// key), and a bad code is one line and exit 2, with nothing on stdout.
@Suite struct KeyCommandTests {
    let example = "problems/handout-final-review.json"

    private func json(_ text: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
    }

    /// Every number under `value` by its path, for comparing answers as numbers.
    private func numbers(_ value: Any, _ path: String = "", into out: inout [String: Double]) {
        if let object = value as? [String: Any] {
            for (key, inner) in object { numbers(inner, path.isEmpty ? key : "\(path).\(key)", into: &out) }
        } else if let array = value as? [Any] {
            for (i, inner) in array.enumerated() { numbers(inner, "\(path)[\(i)]", into: &out) }
        } else if let number = value as? NSNumber {  // booleans too, alike on both sides
            out[path] = number.doubleValue
        }
    }

    private func answers(_ student: [String: Any]) -> [[String: Double]] {
        (student["results"] as? [[String: Any]] ?? []).map {
            var out: [String: Double] = [:]
            numbers($0["answers"] ?? [:], into: &out)
            return out
        }
    }

    @Test func codesFromABuildBringBackThoseStudentsAnswers() throws {
        let out = try ReviewProcess.temporaryDirectory().appendingPathComponent("final")
        #expect(try ReviewProcess.run(["build", example, "--out", out.path]).status == 0)
        let manifest = try json(String(decoding: try Data(contentsOf: out.appendingPathComponent("manifest.json")), as: UTF8.self))
        let key = try json(String(decoding: try Data(contentsOf: out.appendingPathComponent("answer-key.json")), as: UTF8.self))
        let students = manifest["students"] as? [[String: Any]] ?? []
        let built = key["students"] as? [[String: Any]] ?? []
        let picked = [17, 2]
        let codes = picked.map { students[$0]["code"] as? String ?? "" }
        let run = try ReviewProcess.run(["key", example] + codes + ["--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty)
        let looked = try json(run.stdout)["students"] as? [[String: Any]] ?? []
        #expect(looked.count == 2)
        for (n, index) in picked.enumerated() where n < looked.count {
            #expect(looked[n]["id"] as? String == built[index]["id"] as? String)
            #expect(looked[n]["code"] as? String == codes[n])
            let mine = answers(looked[n]), theirs = answers(built[index])
            #expect(mine.count == 9 && mine.count == theirs.count)
            for (a, b) in zip(mine, theirs) {
                #expect(a.keys.sorted() == b.keys.sorted())
                for (path, value) in a { #expect(abs(value - (b[path] ?? .nan)) <= 1e-12 * max(1, abs(value)), "\(path)") }
            }
        }
        // Markdown by default: the student's row of the build's Markdown key.
        let markdown = try ReviewProcess.run(["key", example, codes[1]])
        #expect(markdown.status == 0)
        let keyMarkdown = String(decoding: try Data(contentsOf: out.appendingPathComponent("answer-key.md")), as: UTF8.self)
        let row = keyMarkdown.components(separatedBy: "\n### ").first { $0.hasPrefix("003 ") }
        #expect(row != nil && markdown.stdout.contains(row!.trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    @Test(arguments: [
        ("SSY2-7JV4", "review: error: code 'SSY2-7JV4': wrong check character: a character was mistyped or two were swapped\n"),
        ("SYS2-7JV3", "review: error: code 'SYS2-7JV3': wrong check character: a character was mistyped or two were swapped\n"),
        ("7KQ2-M9X7", "review: error: code '7KQ2-M9X7': no student of problems/handout-final-review.json (seed 2026) has this code; was the sheet built from another handout or seed?\n"),
        ("SSY2-7JU3", "review: error: code 'SSY2-7JU3': not a variant code ('U' is not used in codes; a code looks like 7KQ2-M9X7)\n"),
    ])
    func aBadCodeIsExitTwoWithOneLine(_ code: String, _ line: String) throws {
        // SSY2-7JV3 is student 001's code (seed 2026), as scripts/variant-code.py works it out.
        let run = try ReviewProcess.run(["key", example, "SSY2-7JV3", code])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr == line)
    }

    @Test func aHandoutWithoutASeedNeedsTheSeedFromTheSheets() throws {
        let box = try ReviewProcess.temporaryDirectory()
        let file = box.appendingPathComponent("quiz.json")
        try Data(#"{"students": ["Ann"], "sections": [{"topic": "softmax"}]}"#.utf8).write(to: file)
        let missing = try ReviewProcess.run(["key", file.path, "SSY2-7JV3"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("gives no seed") && missing.stderr.contains("--seed"))
        // Ann's code under seed 2026 (scripts/variant-code.py 2026 Ann).
        let found = try ReviewProcess.run(["key", file.path, "133H-964A", "--seed", "2026", "--format", "json"])
        #expect(found.status == 0, "\(found.stderr)")
        #expect(try json(found.stdout)["seed"] as? Int == 2026)
    }
}
