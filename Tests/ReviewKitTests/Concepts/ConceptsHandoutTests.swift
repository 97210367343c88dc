import Foundation
import Testing
@testable import ReviewKit

/// Handouts mixing `concepts` with computation: subjects, and no student
/// gets the same bank item twice.
@Suite struct ConceptsHandoutTests {
    @Test func noStudentGetsAnItemTwiceAcrossSections() throws {
        let folder = try HandoutFolder()
        try folder.write(#"{"topic": "concepts", "items": ["rnn-recurrence"]}"#, to: "fixed.json")
        // A fixed section after the generated ones is left out too.
        try folder.write(#"{"topic": "concepts", "items": ["gates-gru-gates", "cnn-pooling-purpose"]}"#, to: "later.json")
        let handout = try folder.handout("""
            {"title": "Mixed", "seed": 7, "students": 25, "formats": ["json", "html", "md"],
             "sections": [
               {"problems": "fixed.json"},
               {"topic": "concepts", "subject": "rnn", "count": 2},
               {"topic": "softmax", "count": 1},
               {"topic": "concepts", "subject": "rnn", "count": 2, "difficulty": "hard"},
               {"topic": "concepts", "count": 3},
               {"problems": "later.json"}]}
            """)
        let build = try HandoutBuilder.build(handout)
        let rnn = Set(ConceptBank.shared.items(subject: "rnn").map(\.id))
        for student in handout.students {
            let problems = try solve(json: build.byPath["\(student.folder)/problems.json"]!)
            #expect(problems.count == 10)
            let asked = problems.flatMap(Handout.conceptItems)
            #expect(asked.count == 10)
            #expect(Set(asked).count == asked.count, "\(student.folder) got an item twice: \(asked)")
            // Five rnn items: the fixed one and the four drawn are all of them.
            #expect(Set(asked.prefix(5)) == rnn)
            #expect(problems[3].topic == "softmax")
        }
        #expect(build.byPath["answer-key.html"] != nil)
    }

    @Test func aSubjectOnlyGoesWithAConceptsSection() throws {
        let folder = try HandoutFolder()
        #expect(folder.handoutError("""
            {"title": "T", "seed": 1, "students": 1, "sections": [{"topic": "softmax", "subject": "rnn"}]}
            """) == "handout.json: sections[0].subject: only a 'concepts' section takes 'subject'")
        #expect(folder.handoutError("""
            {"title": "T", "seed": 1, "students": 1, "sections": [{"topic": "concepts", "subject": "gate"}]}
            """) == "handout.json: sections[0].subject: unknown subject 'gate' (did you mean 'gates'?)")
    }

    @Test func theMoodleExportAsksTheSameItemsAsTheSheets() throws {
        let folder = try HandoutFolder()
        let handout = try folder.handout("""
            {"title": "M", "seed": 3, "students": 4, "formats": ["json", "moodle"],
             "sections": [{"title": "Gates", "topic": "concepts", "subject": "gates", "count": 3}, {"topic": "concepts", "subject": "gates", "count": 3}]}
            """)
        let build = try HandoutBuilder.build(handout)
        let xml = try #require(build.byPath[MoodleClassExport.path])
        for student in handout.students {
            let problems = try solve(json: build.byPath["\(student.folder)/problems.json"]!)
            #expect(Set(problems.flatMap(Handout.conceptItems)).count == 6)
            for problem in problems {
                let choice = try #require(problem.choice(at: "choice", language: "en"))
                // The student's own question (named by its problem id) asks the same item.
                let question = try #require(xml.components(separatedBy: "<question ").first { $0.contains(" · \(problem.id)</text>") })
                #expect(question.hasPrefix(#"type="multichoice">"#))
                #expect(question.contains(MoodleXML.cdata("<p>" + TextEscaping.html(choice.prompt) + "</p>")))
            }
        }
    }
}
