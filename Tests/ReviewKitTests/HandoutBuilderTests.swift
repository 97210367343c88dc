import Foundation
import PageChecks
import Testing
@testable import ReviewKit

/// Building handouts in memory: variants, reproducibility, independence of
/// students, question sheets without solutions, the answer key.
@Suite struct HandoutBuilderTests {
    let classics = #"[{"topic": "backprop", "title": "Notes", "expression": "x*(x+y)", "values": {"x": 2, "y": 1}}]"#

    private func handout(students: String, formats: String = #"["md", "html", "latex", "json"]"#) throws -> Handout {
        let folder = try HandoutFolder()
        try folder.write(classics, to: "classics.json")
        return try folder.handout("""
            {"title": "Review", "seed": 2026, "students": \(students), "formats": \(formats),
             "sections": [
               {"title": "Warm-up", "topic": "backprop", "count": 2, "difficulty": "easy"},
               {"topic": "backprop", "count": 1, "difficulty": "hard"},
               {"title": "Classics", "problems": "classics.json"}]}
            """)
    }

    /// A problem without its id (the id holds the section seed, which always differs).
    private func content(_ problem: WorkedProblem) -> String {
        guard case .object(let members) = problem.problem.kind else { return "" }
        return JSONValue(.object(members.filter { $0.key != "id" })).jsonText()
    }

    @Test func everyStudentGetsTheirOwnVariantOfEachGeneratedSection() throws {
        let handout = try handout(students: "120", formats: #"["json"]"#)
        let build = try HandoutBuilder.build(handout)
        let manifest = try JSONParser.parse(Array(build.byPath["manifest.json"]!.utf8))
        let variants = manifest.at("students")?.arrayCount ?? 0
        #expect(variants == 120)
        var sections: [Int: Set<String>] = [:]
        for student in handout.students {
            let file = build.byPath["\(student.folder)/problems.json"]!
            let problems = try solve(json: file)
            sections[1, default: []].insert(content(problems[0]) + content(problems[1]))
            sections[2, default: []].insert(content(problems[2]))
            #expect(content(problems[3]) == content(try solve(json: classics)[0].titled("Classics")))
        }
        #expect(sections[1]?.count == 120, "two students got the same warm-up")
        #expect(sections[2]?.count == 120, "two students got the same hard problem")
    }

    @Test func rebuildingGivesIdenticalBytesWhateverTheJobs() throws {
        let handout = try handout(students: "12")
        let one = try HandoutBuilder.build(handout, jobs: 1)
        let many = try HandoutBuilder.build(handout, jobs: 8)
        let again = try HandoutBuilder.build(handout, jobs: 3)
        #expect(one.files == many.files)
        #expect(one.files == again.files)
        #expect(one.students == 12 && one.problems == 12 * 4)
    }

    @Test func addingAStudentChangesNoOneElsesFiles() throws {
        let before = try HandoutBuilder.build(try handout(students: #"["Ann", "Bo", {"id": "s3", "name": "王小明"}]"#))
        let after = try HandoutBuilder.build(
            try handout(students: #"["Ann", "Bo", {"id": "s3", "name": "王小明"}, "Dee"]"#))
        let studentFiles = before.files.filter { $0.path.contains("/") }
        #expect(studentFiles.count == 3 * 9)  // problems.json + 4 formats × 2 sheets
        let afterFiles = after.byPath
        for file in studentFiles {
            #expect(afterFiles[file.path] == file.contents, "\(file.path) changed")
        }
        #expect(afterFiles.keys.contains("004-dee/questions.html"))
    }

    @Test func aStudentsProblemsDependOnTheirIdNotTheirPlace() throws {
        let first = try HandoutBuilder.build(try handout(students: #"["Ann", "Bo"]"#, formats: #"["json"]"#))
        let swapped = try HandoutBuilder.build(try handout(students: #"["Bo", "Ann"]"#, formats: #"["json"]"#))
        #expect(first.byPath["001-ann/problems.json"] == swapped.byPath["002-ann/problems.json"])
    }

    @Test func questionSheetsHoldNoSolutions() throws {
        let build = try HandoutBuilder.build(try handout(students: "3"))
        let solutionMarks = ["Solution", "Step 1", "forward pass.", "backward pass", "| Node |", "<table", "tabular"]
        for file in build.files where file.path.hasSuffix("/questions.md") || file.path.hasSuffix("/questions.html")
            || file.path.hasSuffix("/questions.tex")
        {
            for mark in solutionMarks {
                #expect(!file.contents.contains(mark), "\(file.path) contains \(mark)")
            }
            #expect(file.contents.contains("Warm-up"))
        }
        for file in build.files where file.path.hasSuffix("/solutions.md") {
            #expect(file.contents.contains("### Solution"))
        }
        for file in build.files where file.path.hasSuffix("/questions.json") {
            let json = try JSONParser.parse(Array(file.contents.utf8))
            #expect(!file.contents.contains("\"answers\"") && !file.contents.contains("\"steps\""))
            #expect(json.at("student", "id") != nil && json.at("variant") != nil && json.at("seed")?.double == 2026)
        }
    }

    @Test func sheetsCarryNameIdSeedAndVariant() throws {
        let handout = try handout(students: #"[{"id": "s7", "name": "José Müller"}]"#)
        let build = try HandoutBuilder.build(handout)
        let variant = Variant.student(handoutSeed: 2026, studentID: "s7")
        for kind in ["questions", "solutions"] {
            let sheet = build.byPath["001-jose-muller/\(kind).md"] ?? ""
            #expect(sheet.contains("José Müller · id s7 · handout seed 2026 · variant \(variant)"), "\(kind)")
        }
    }

    @Test func sectionSeedsRegenerateASectionWithGen() throws {
        let handout = try handout(students: #"["Ann"]"#, formats: #"["json"]"#)
        let build = try HandoutBuilder.build(handout)
        let problems = try solve(json: build.byPath["001-ann/problems.json"]!)
        let variant = Variant.student(handoutSeed: 2026, studentID: "Ann")
        let seed = Variant.section(variant: variant, section: 2)
        let regenerated = try ProblemSolver.generate(topic: "backprop", count: 1, seed: seed, difficulty: .hard)
        #expect(problems[2].id == "backprop-\(seed)-1")
        #expect(content(problems[2]) == content(regenerated[0]))
    }

    @Test func answerKeyListsEveryStudentsAnswers() throws {
        let handout = try handout(students: "4")
        let build = try HandoutBuilder.build(handout)
        let key = try JSONParser.parse(Array(build.byPath["answer-key.json"]!.utf8))
        for (index, student) in handout.students.enumerated() {
            let solved = try solve(json: build.byPath["\(student.folder)/problems.json"]!)
            for (n, problem) in solved.enumerated() {
                #expect(key.at("students", index, "results", n, "answers") == problem.answers)
                #expect(key.at("students", index, "results", n, "id") == .string(problem.id))
            }
            #expect(build.byPath["answer-key.md"]!.contains("\n### \(student.paddedNumber) "), "\(student.id)")
        }
        // A block per student, the answers set as math (no table).
        let markdown = build.byPath["answer-key.md"]!
        #expect(markdown.contains("$\\text{value} = 6$; $\\text{gradient.x} = 5$; $\\text{gradient.y} = 2$"))
        let html = build.byPath["answer-key.html"]!
        #expect(html.components(separatedBy: "<section class=\"key-student\">").count - 1 == handout.students.count)
        #expect(html.contains("<math") && !html.contains("<table>"))
        #expect(build.byPath["answer-key.tex"]!.contains("\\(\\text{value} = 6\\)"))
        #expect(!build.byPath["answer-key.tex"]!.contains("\\begin{tabular}"))
    }

    @Test func shortAnswersAreOneLine() {
        let answers = JSONValue.object([
            ("value", .number(0.7310585786300049)), ("gradient", .object([("x", .number(5)), ("y", .number(-2))])),
            ("output", .array([.number(28), .number(28), .number(6)])),
        ])
        #expect(AnswerSummary.short(answers) == "value = 0.7311; gradient: x = 5, y = -2; output = [28, 28, 6]")
    }

    @Test func indexLinksEveryFile() throws {
        let build = try HandoutBuilder.build(try handout(students: #"["Ann", "Bo"]"#, formats: #"["html", "md"]"#))
        let index = build.byPath["index.html"]!
        for path in build.files.map(\.path) where path.hasSuffix(".html") || path.hasSuffix(".md") {
            guard path != "index.html" else { continue }
            #expect(index.contains("href=\"\(path)\""), "\(path)")
        }
        #expect(index.contains("href=\"001-ann/problems.json\""))
        #expect(build.files.last?.path == "manifest.json")
        // Links are all the index has: every page of the build (index, sheets,
        // answer key) references nothing outside itself.
        for file in build.files where file.path.hasSuffix(".html") {
            #expect(OfflinePage.outsideReferences(in: file.contents) == [], "\(file.path)")
        }
    }

    /// The key is written a piece at a time; the pieces must add up to the
    /// document `JSONWriter.pretty` writes whole, and every student must be
    /// in the Markdown key (written a hundred students at a time, the title once).
    @Test func aLargeClassKeyIsWrittenInPiecesThatAddUp() throws {
        let build = try HandoutBuilder.build(try handout(students: "150", formats: #"["json", "md"]"#))
        let keyText = try #require(build.byPath["answer-key.json"])
        let key = try JSONParser.parse(Array(keyText.utf8))
        #expect(JSONWriter.pretty(key) + "\n" == keyText)
        #expect(key.at("students")?.arrayCount == 150)
        let markdown = try #require(build.byPath["answer-key.md"])
        #expect(markdown.components(separatedBy: ": answer key").count - 1 == 1, "150 students: one title")
        for number in [1, 100, 101, 150] {
            #expect(markdown.contains("\n### \(String(format: "%03d", number)) "), "student \(number)")
        }
    }
}

extension JSONValue {
    var arrayCount: Int? {
        if case .array(let items) = kind { return items.count }
        return nil
    }
}
