import Foundation
import Testing
@testable import ReviewKit

/// Paper exams from `review build`: the variant code on every sheet, in the
/// manifest, the index and the answer key; blank answer boxes on printed
/// question sheets; and `review key`'s lookup, which must give a student's
/// rows of the build's answer key from the code alone.
@Suite struct PaperExamTests {
    private func handout(students: String = #"["Ann", {"id": "s2", "name": "王小明"}, "Cy", "Dee"]"#,
                         formats: String = #"["md", "html", "latex", "json"]"#) throws -> Handout {
        try HandoutFolder().handout("""
            {"title": "Midterm", "seed": 2026, "students": \(students), "formats": \(formats),
             "sections": [
               {"title": "Backprop", "topic": "backprop", "count": 1, "difficulty": "easy"},
               {"topic": "gcn", "count": 1},
               {"topic": "conv", "count": 1},
               {"topic": "softmax", "count": 1}]}
            """)
    }

    private func code(_ id: String) -> String { VariantCode(handoutSeed: 2026, studentID: id).description }

    /// Every number of a JSON value with its path (`gradient.x`, `output[1][0]`).
    private func numbers(_ value: JSONValue?) -> [String: Double] {
        guard let value else { return [:] }
        return Dictionary(uniqueKeysWithValues: AnswerLeaves(value).leaves.map { ($0.path, $0.value) })
    }

    @Test func theCodeIsOnTheSheetsTheManifestTheIndexAndTheKey() throws {
        let handout = try handout()
        let build = try HandoutBuilder.build(handout)
        let manifest = try JSONParser.parse(Array(build.byPath["manifest.json"]!.utf8))
        let key = try JSONParser.parse(Array(build.byPath["answer-key.json"]!.utf8))
        for (index, student) in handout.students.enumerated() {
            let code = code(student.id)
            #expect(manifest.at("students", index, "code") == .string(code))
            #expect(key.at("students", index, "code") == .string(code))
            #expect(build.byPath["index.html"]!.contains("<td>\(code)</td>"), "\(code)")
            #expect(build.byPath["answer-key.md"]!.contains(" · \(code)\n"), "\(code)")
            for kind in ["questions", "solutions"] {
                for ext in ["md", "html", "tex"] {
                    #expect(build.byPath["\(student.folder)/\(kind).\(ext)"]!.contains("Variant code \(code)"), "\(kind).\(ext)")
                }
            }
            // On paper every page names its sheet: LaTeX's running head.
            #expect(build.byPath["\(student.folder)/questions.tex"]!.contains("\\markright{Variant code \(code)}"))
            let questions = try JSONParser.parse(Array(build.byPath["\(student.folder)/questions.json"]!.utf8))
            #expect(questions.at("code") == .string(code))
        }
    }

    /// One blank box per final answer, under each problem, on the printed
    /// question sheets (HTML and LaTeX) — none on solution sheets or in Markdown.
    @Test func questionSheetsHaveABlankBoxPerFinalAnswer() throws {
        let handout = try handout()
        let build = try HandoutBuilder.build(handout)
        for student in handout.students {
            let problems = try solve(json: build.byPath["\(student.folder)/problems.json"]!)
            let leaves = problems.map { AnswerLeaves($0.answers).leaves.count }
            let html = build.byPath["\(student.folder)/questions.html"]!
            #expect(html.components(separatedBy: "class=\"answer-boxes\"").count - 1 == problems.count)
            #expect(html.components(separatedBy: "<span class=\"box\"").count - 1 == leaves.reduce(0, +))
            for (n, problem) in problems.enumerated() {
                let boxes = html.components(separatedBy: "id=\"answers-\(n + 1)\"")[1].components(separatedBy: "</div>\n</div>")[0]
                for leaf in AnswerLeaves(problem.answers).leaves {
                    #expect(boxes.contains("title=\"\(TextEscaping.html(leaf.path))\""), "\(leaf.path)")
                }
            }
            let tex = build.byPath["\(student.folder)/questions.tex"]!
            #expect(tex.components(separatedBy: "\\fbox{").count - 1 == leaves.reduce(0, +))
            #expect(tex.contains("\\textbf{Your answers:}"))
            for kind in ["solutions.html", "solutions.tex", "questions.md"] {
                let sheet = build.byPath["\(student.folder)/\(kind)"]!
                #expect(!sheet.contains("class=\"answer-boxes\"") && !sheet.contains("\\fbox{"), "\(kind)")
            }
        }
    }

    @Test func chineseSheetsWordTheCodeAndTheBoxesInChinese() throws {
        let folder = try HandoutFolder()
        let handout = try folder.handout("""
            {"title": "期中", "seed": 2026, "lang": "zh", "students": ["Ann"], "formats": ["html", "latex"],
             "sections": [{"topic": "softmax", "count": 1}]}
            """)
        let build = try HandoutBuilder.build(handout)
        let code = code("Ann")
        #expect(build.byPath["001-ann/questions.html"]!.contains("变体码 \(code)"))
        #expect(build.byPath["001-ann/questions.html"]!.contains("你的答案："))
        #expect(build.byPath["001-ann/questions.tex"]!.contains("\\markright{变体码 \(code)}"))
    }

    /// `review key` on codes gives those students' results of the build's
    /// answer key: the same problems and, number by number, the same answers.
    @Test func theKeyOfACodeIsThatStudentsKeyFromTheBuild() throws {
        let handout = try handout(formats: #"["json", "md"]"#)
        let build = try HandoutBuilder.build(handout)
        let key = try JSONParser.parse(Array(build.byPath["answer-key.json"]!.utf8))
        // Typed as a grader might: lower case, no hyphen; and out of roster order.
        let codes = [code("Dee").lowercased().replacingOccurrences(of: "-", with: ""), code("s2")]
        var text = ""
        try AnswerKeyLookup.write(handout, codes: codes, format: .json) { text += $0 }
        let looked = try JSONParser.parse(Array(text.utf8))
        #expect(looked.at("students")?.arrayCount == 2)
        for (n, roster) in [(0, 3), (1, 1)] {
            #expect(looked.at("students", n, "id") == key.at("students", roster, "id"))
            #expect(looked.at("students", n, "code") == key.at("students", roster, "code"))
            #expect(looked.at("students", n, "variant") == key.at("students", roster, "variant"))
            for problem in 0..<4 {
                let mine = looked.at("students", n, "results", problem)
                let built = key.at("students", roster, "results", problem)
                #expect(mine?.at("id") == built?.at("id"))
                let a = numbers(mine?.at("answers")), b = numbers(built?.at("answers"))
                #expect(!a.isEmpty && a.keys.sorted() == b.keys.sorted())
                for (path, value) in a {
                    #expect(abs(value - b[path]!) <= 1e-12 * max(1, abs(value)), "\(path)")
                }
            }
        }
        // Markdown (the default): the student's rows of the build's key.
        var markdown = ""
        try AnswerKeyLookup.write(handout, codes: [code("Cy")], format: .md) { markdown += $0 }
        let buildRows = build.byPath["answer-key.md"]!.components(separatedBy: "\n### ").filter { $0.hasPrefix("003 ") }
        #expect(buildRows.count == 1 && markdown.contains(buildRows[0].trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    /// Seed 2716 gives students 264 and 447 of a 999-student roster the
    /// same code, 6MZ4-1JN8 (found by a search in C, confirmed by
    /// `scripts/variant-code.py 2716 264 447`): a seed the file gives is
    /// refused, a drawn one is drawn again, so a code always names one student.
    @Test func aSeedThatWouldGiveTwoStudentsOneCodeIsRefusedOrRedrawn() throws {
        let folder = try HandoutFolder()
        let sections = #""sections": [{"topic": "softmax"}]"#
        #expect(folder.handoutError(#"{"seed": 2716, "students": 999, \#(sections)}"#)
            == "handout.json: seed: students '264' and '447' would share the variant code 6MZ4-1JN8; choose another seed")
        let file = try folder.write(#"{"students": 999, \#(sections)}"#, to: "drawn.json")
        var draws: [UInt64] = [2716, 2717]
        let handout = try HandoutReader.read(path: file, drawSeed: { draws.removeFirst() })
        #expect(handout.seed == 2717 && handout.seedWasDrawn)
        #expect(VariantCode.sharedMessage(handout.students.map(\.id), seed: 2717) == nil)
    }

    @Test func aBadCodeIsOneLineNamingIt() throws {
        let handout = try handout()
        let good = code("Ann")
        var typo = Array(good)
        typo[2] = typo[2] == "A" ? "B" : "A"
        let cases: [(String, String)] = [
            (String(typo), "code '\(String(typo))': wrong check character: a character was mistyped or two were swapped"),
            ("0000-0000", "code '0000-0000': no student of handout.json (seed 2026) has this code; was the sheet built from another handout or seed?"),
            ("AB-CD", "code 'AB-CD': not a variant code (a code has 8 characters, this one 4; a code looks like 7KQ2-M9X7)"),
        ]
        for (typed, line) in cases {
            var printed = ""
            let error = #expect(throws: UsageError.self) {
                try AnswerKeyLookup.write(handout, codes: [good, typed], format: .md) { printed += $0 }
            }
            #expect(error?.message.replacingOccurrences(of: HandoutFolderPath.prefix(of: handout), with: "") == line)
            #expect(printed.isEmpty, "nothing is printed before every code is checked")
        }
        // The example in the messages is itself a valid code.
        #expect((try? VariantCode.read("7KQ2-M9X7").get()) != nil)
    }
}

/// The folder part of a test handout's path, to strip from messages.
enum HandoutFolderPath {
    static func prefix(of handout: Handout) -> String {
        HandoutReader.folder(of: handout.source.displayName) + "/"
    }
}
