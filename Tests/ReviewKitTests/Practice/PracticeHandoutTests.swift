import Testing
@testable import ReviewKit

/// `"practice"` in a handout's formats: a practice page per student, linked
/// from the index and listed in the manifest.
@Suite struct PracticeHandoutTests {
    let json = #"{"title": "Drill", "seed": 4, "students": 2, "formats": ["md", "practice"], "lang": "zh", "sections": [{"topic": "softmax", "count": 2, "difficulty": "easy"}]}"#

    @Test func eachStudentGetsAPracticePage() throws {
        let folder = try HandoutFolder()
        let handout = try folder.handout(json)
        #expect(handout.practice)
        #expect(handout.formats == [.md])
        let files = try HandoutBuilder.build(handout).byPath
        for student in ["1", "2"] {
            let page = try #require(files.first { $0.key.hasSuffix("\(student)/practice.html") }?.value)
            #expect(page.components(separatedBy: "<form class=\"practice\"").count - 1 == 2)
            #expect(page.contains("检查"))  // the Check button, in the handout's language
        }
        let index = try #require(files["index.html"])
        #expect(index.contains("/practice.html"))
        #expect(try #require(files["manifest.json"]).contains("\"practice\""))
    }

    @Test func practiceAloneAlsoMakesHTMLSheetsAndTwiceIsAnError() throws {
        let folder = try HandoutFolder()
        let alone = try folder.handout(json.replacingOccurrences(of: #"["md", "practice"]"#, with: #"["practice"]"#))
        #expect(alone.formats == [.html])
        let twice = folder.handoutError(json.replacingOccurrences(of: #"["md", "practice"]"#, with: #"["practice", "practice"]"#))
        #expect(twice == #"handout.json: formats[1]: format "practice" is listed twice"#)
    }
}
