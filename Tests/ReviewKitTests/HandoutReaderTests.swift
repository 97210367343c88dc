import Foundation
import Testing
@testable import ReviewKit

/// Reading a handout: the contract's example, defaults, paths relative to
/// the handout, and one located line for every mistake.
@Suite struct HandoutReaderTests {
    let classics = #"[{"topic": "backprop", "title": "Notes", "expression": "x*(x+y)", "values": {"x": 2, "y": 1}}]"#

    @Test func readsTheContractExample() throws {
        let folder = try HandoutFolder()
        try folder.write(classics, to: "problems/backprop-classic.json")
        let handout = try folder.handout("""
            {"title": "Deep Learning Final Review", "seed": 2026, "students": 30,
             "lang": "en", "formats": ["html", "md"],
             "sections": [
               {"title": "Backprop", "topic": "backprop", "count": 2, "difficulty": "hard"},
               {"title": "Classics", "problems": "problems/backprop-classic.json"}]}
            """)
        #expect(handout.title == "Deep Learning Final Review")
        #expect(handout.seed == 2026 && !handout.seedWasDrawn)
        #expect(handout.formats == [.html, .md])
        #expect(handout.students.count == 30)
        #expect(handout.students[6] == Student(number: 7, id: "007", name: nil))
        #expect(handout.students[6].folder == "007")
        #expect(handout.problemsPerStudent == 3)
        guard case .generated(let topic, let count, let difficulty) = handout.sections[0].content else {
            Issue.record("section 1 should be generated"); return
        }
        #expect(topic == "backprop" && count == 2 && difficulty == .hard)
        guard case .fixed(let path, let file, let problems) = handout.sections[1].content else {
            Issue.record("section 2 should be fixed"); return
        }
        #expect(path == "problems/backprop-classic.json")
        #expect(file == folder.path + "/problems/backprop-classic.json")
        #expect(problems.first?.answers.at("value")?.double == 6)
    }

    @Test func defaultsAndADrawnSeed() throws {
        let folder = try HandoutFolder()
        let handout = try folder.handout(#"{"students": 2, "sections": [{"topic": "backprop"}]}"#)
        #expect(handout.title == "handout")
        #expect(handout.seed == 99 && handout.seedWasDrawn)
        #expect(handout.language == "en")
        #expect(handout.formats == [.html])
        #expect(handout.sections[0].problemCount == 1)
        #expect(handout.sections[0].title == nil)
    }

    @Test func oneFormatMayBeAString() throws {
        let folder = try HandoutFolder()
        let handout = try folder.handout(#"{"students": 1, "formats": "latex", "sections": [{"topic": "backprop"}]}"#)
        #expect(handout.formats == [.latex])
    }

    @Test(arguments: [
        (#"{"students": 2, "sections": [{"topic": "bakprop"}]}"#,
         "handout.json: sections[0].topic: unknown topic 'bakprop' (did you mean 'backprop'?)"),
        (#"{"students": 2, "sectons": []}"#,
         "handout.json: sectons: unknown field 'sectons' (did you mean 'sections'?)"),
        (#"{"students": 2}"#, "handout.json: missing required field 'sections'"),
        (#"{"sections": [{"topic": "backprop"}]}"#, "handout.json: missing required field 'students'"),
        (#"{"students": 2, "sections": []}"#, "handout.json: sections: must hold at least one section"),
        (#"{"students": 0, "sections": [{"topic": "backprop"}]}"#,
         "handout.json: students: must be an integer between 1 and 999, got 0"),
        (#"{"students": true, "sections": [{"topic": "backprop"}]}"#,
         "handout.json: students: must be a number of students, a list of students, or the path of a CSV roster, got true"),
        (#"{"students": ["Ann", "Bo", "Ann"], "sections": [{"topic": "backprop"}]}"#,
         "handout.json: students[2]: duplicate student id 'Ann' (also at students[0])"),
        (#"{"students": [{"name": "Ann"}], "sections": [{"topic": "backprop"}]}"#,
         "handout.json: students[0]: missing required field 'id'"),
        (#"{"students": 2, "formats": ["html", "docx"], "sections": [{"topic": "backprop"}]}"#,
         #"handout.json: formats[1]: must be one of "md", "html", "latex", "json", "practice", "moodle", "qti", "pdf", got "docx""#),
        (#"{"students": 2, "formats": ["md", "md"], "sections": [{"topic": "backprop"}]}"#,
         #"handout.json: formats[1]: format "md" is listed twice"#),
        (#"{"students": 2, "formats": [], "sections": [{"topic": "backprop"}]}"#,
         "handout.json: formats: must name at least one format"),
        (#"{"students": 2, "lang": "fr", "sections": [{"topic": "backprop"}]}"#,
         #"handout.json: lang: must be one of "en", "zh", got "fr""#),
        (#"{"students": 2, "seed": -1, "sections": [{"topic": "backprop"}]}"#,
         "handout.json: seed: must be an integer between 0 and 9007199254740991, got -1"),
        (#"{"students": 2, "sections": [{"topic": "backprop", "count": 0}]}"#,
         "handout.json: sections[0].count: must be an integer between 1 and 1000, got 0"),
        (#"{"students": 2, "sections": [{"topic": "backprop", "difficulty": "medium"}]}"#,
         #"handout.json: sections[0].difficulty: must be one of "easy", "standard", "hard", got "medium""#),
        (#"{"students": 2, "sections": [{"title": "x"}]}"#,
         "handout.json: sections[0]: missing required field 'topic' or 'problems'"),
        (#"{"students": 2, "sections": [{"topic": "backprop", "problems": "a.json"}]}"#,
         "handout.json: sections[0]: a section has either 'topic' (generated problems) or 'problems' (a problem file), not both"),
        (#"{"students": 2, "sections": [{"problems": "missing.json"}]}"#,
         "handout.json: sections[0].problems: no such file: missing.json"),
        (#"{"students": "missing.csv", "sections": [{"topic": "backprop"}]}"#,
         "handout.json: students: no such file: missing.csv"),
        (#"{"students": 999, "sections": [{"topic": "backprop", "count": 1000}]}"#,
         "handout.json: the handout asks for 999000 problems in all (students × problems each); at most 100000"),
        (#"{"students": 2, "sections": [{"topic": "backprop"}],}"#, "handout.json: line 1, column 52: trailing comma"),
    ])
    func locatedErrors(json: String, expected: String) throws {
        let folder = try HandoutFolder()
        let error = folder.handoutError(json)
        #expect(error?.hasPrefix(expected) == true, "\(error ?? "no error")")
    }

    @Test func aFixedSectionTakesNoCountOrDifficulty() throws {
        let folder = try HandoutFolder()
        try folder.write(classics, to: "c.json")
        #expect(folder.handoutError(#"{"students": 2, "sections": [{"problems": "c.json", "count": 2}]}"#)
            == "handout.json: sections[0].count: only a generated section (one with 'topic') takes 'count'")
    }

    @Test func aBadProblemFileIsNamedByItsOwnPath() throws {
        let folder = try HandoutFolder()
        try folder.write(#"[{"topic": "backprop", "expression": "log(x)", "values": {"x": -1}}]"#, to: "p/bad.json")
        let error = folder.handoutError(#"{"students": 2, "sections": [{"problems": "p/bad.json"}]}"#)
        #expect(error == "p/bad.json: [0].expression: column 1: log of a non-positive value (-1)")
    }

    @Test func pathsAreRelativeToTheHandoutsFolder() {
        #expect(HandoutReader.folder(of: "problems/final.json") == "problems")
        #expect(HandoutReader.folder(of: "final.json") == "")
        #expect(HandoutReader.folder(of: "/final.json") == "/")
        #expect(HandoutReader.resolve("c.json", in: "problems") == "problems/c.json")
        #expect(HandoutReader.resolve("c.json", in: "") == "c.json")
        #expect(HandoutReader.resolve("/abs/c.json", in: "problems") == "/abs/c.json")
    }
}
