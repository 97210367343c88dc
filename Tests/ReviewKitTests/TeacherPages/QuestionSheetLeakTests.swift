import Foundation
import Testing
@testable import ReviewKit

/// A question sheet never gives the answer away: a problem file's title may
/// carry it ("AlexNet … (61,100,840 parameters)", "p ≈ 0.659 … loss ≈
/// 0.417"), so question sheets show only a handout section's title. Every
/// problem file in `problems/` (JSON and YAML, not handouts) is rendered as a
/// question sheet in every format and language, and none of its final
/// answers may appear in it, in any form a sheet prints numbers: integers
/// with and without thousands separators, others to 3 and 4 significant
/// figures. Values the problem itself gives (an input size that is also an
/// output size) are not answers a sheet could leak and are skipped.
@Suite struct QuestionSheetLeakTests {
    static var problemFiles: [String] {
        let folder = GoldenSheetTests.problems.path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { ($0.hasSuffix(".json") || $0.hasSuffix(".yaml")) && !$0.hasPrefix("handout-") }
            .sorted().map { folder + "/" + $0 }
    }

    /// The ways a sheet could print `value` that are long enough to mean
    /// something (3 digits or more).
    static func forms(_ value: Double) -> Set<String> {
        let magnitude = abs(value)
        guard magnitude.isFinite, magnitude > 0 else { return [] }
        var forms: Set<String> = []
        if magnitude == magnitude.rounded(), magnitude < 1e15 {
            let digits = String(Int64(magnitude))
            if digits.count >= 3 {
                forms.insert(digits)
                var grouped = ""
                for (i, c) in digits.reversed().enumerated() {
                    if i > 0 && i % 3 == 0 { grouped.append(",") }
                    grouped.append(c)
                }
                forms.insert(String(grouped.reversed()))
            }
            return forms
        }
        let exponent = Int(floor(log10(magnitude)))
        for significant in [3, 4] {
            let decimals = significant - 1 - exponent
            guard decimals >= 1, decimals <= 8 else { continue }
            var text = String(format: "%.\(decimals)f", magnitude)
            if significant == 3 || text.hasSuffix("0") {
                // Sheets drop trailing zeros; a 3-figure form keeps them only as written.
                while text.hasSuffix("0") { text.removeLast() }
                if text.hasSuffix(".") { text.removeLast() }
            }
            if text.filter(\.isNumber).drop(while: { $0 == "0" }).count >= 3 { forms.insert(text) }
        }
        return forms
    }

    /// Whether `form` occurs in `text` as a whole number (not inside a longer one).
    static func occurs(_ form: String, in text: String) -> Bool {
        var searchRange = text.startIndex..<text.endIndex
        while let found = text.range(of: form, range: searchRange) {
            let before = found.lowerBound > text.startIndex ? text[text.index(before: found.lowerBound)] : " "
            let after = found.upperBound < text.endIndex ? text[found.upperBound] : " "
            let afterNext = text.index(found.upperBound, offsetBy: 1, limitedBy: text.endIndex).flatMap {
                $0 < text.endIndex ? text[$0] : nil
            }
            let continuesNumber = after.isNumber || ((after == "." || after == ",") && (afterNext?.isNumber ?? false))
            let startsInsideNumber = before.isNumber || before == "." || before == ","
            if !continuesNumber && !startsInsideNumber { return true }
            searchRange = found.upperBound..<text.endIndex
        }
        return false
    }

    /// The numbers a problem gives, in every form: a sheet may print them.
    static func givenForms(_ problem: WorkedProblem) -> Set<String> {
        guard case .object(let members) = problem.problem.kind else { return [] }
        let inputs = JSONValue(.object(members.filter { $0.key != "title" && $0.key != "statement" }))
        return AnswerLeaves(inputs).leaves.reduce(into: Set<String>()) { $0.formUnion(forms($1.value)) }
    }

    /// The sheet without its page shell (CSS, the LaTeX preamble), whose
    /// constants (`line-height: 1.35`, `#333`) are nobody's answer.
    static func body(_ page: String, _ format: OutputFormat) -> String {
        let (open, close) = format == .html ? ("<main class=\"sheet\">", "</main>")
            : format == .latex ? ("\\begin{document}", "\\end{document}") : ("", "")
        guard !open.isEmpty, let start = page.range(of: open), let end = page.range(of: close, options: .backwards)
        else { return page }
        return String(page[start.upperBound..<end.lowerBound])
    }

    @Test func theFileListHoldsEveryProblemFile() {
        let names = Self.problemFiles.map { ($0 as NSString).lastPathComponent }
        #expect(names.contains("conv-alexnet.json"))
        #expect(names.contains("softmax-classic-2-1-0.1.json"))
        #expect(!names.contains { $0.hasPrefix("handout-") })
        #expect(names.count >= 50)
    }

    @Test(arguments: problemFiles)
    func noAnswerAppearsOnAQuestionSheet(file: String) throws {
        let problems = try ProblemSolver.solve(files: [file])
        for problem in problems {
            let given = Self.givenForms(problem)
            let answers = AnswerLeaves(problem.answers).leaves.reduce(into: Set<String>()) {
                $0.formUnion(Self.forms($1.value))
            }.subtracting(given)
            for language in ["en", "zh"] {
                for format in [OutputFormat.md, .html, .latex] {
                    var options = Sheet.Options()
                    options.format = format
                    options.language = language
                    options.includeSolutions = false
                    options.answerBoxes = true
                    let sheet = Self.body(Sheet(problems: [problem], options: options).render(), format)
                    let leaked = answers.filter { Self.occurs($0, in: sheet) }.sorted()
                    #expect(leaked.isEmpty, "\(problem.id) \(language) \(format): \(leaked) in \(leaked.map { form in sheet.components(separatedBy: form).dropFirst().first.map { String($0.prefix(40)) } ?? "" })")
                }
            }
        }
    }

    /// The check itself finds a leak: the titles that used to head these sheets.
    @Test func theCheckSeesTheOldTitles() {
        #expect(Self.forms(61_100_840).contains("61,100,840"))
        #expect(Self.occurs("61,100,840", in: "AlexNet as in torchvision (61,100,840 parameters)"))
        #expect(Self.forms(0.6590011388859679).contains("0.659"))
        #expect(Self.occurs("0.659", in: "p ≈ 0.659, 0.242"))
        #expect(!Self.occurs("0.659", in: "0.6591"))
    }

    /// In a handout the fixed section's own title reaches the solution sheet
    /// only; the question sheet and questions.json show the section's.
    @Test func aHandoutQuestionSheetShowsTheSectionTitle() throws {
        let folder = try HandoutFolder()
        let alexnet = try String(contentsOfFile: GoldenSheetTests.problems.appendingPathComponent("conv-alexnet.json").path, encoding: .utf8)
        try folder.write(alexnet, to: "alexnet.json")
        let handout = try folder.handout("""
            {"title": "Exam", "seed": 1, "students": 1, "formats": ["md", "html", "latex", "json"],
             "sections": [{"title": "A classic network", "problems": "alexnet.json"}]}
            """)
        let build = try HandoutBuilder.build(handout)
        let student = handout.students[0].folder
        for ext in ["md", "html", "tex", "json"] {
            let questions = build.byPath["\(student)/questions.\(ext)"]!
            #expect(!questions.contains("61,100,840"), "questions.\(ext)")
            #expect(questions.contains("A classic network"), "questions.\(ext)")
        }
        #expect(build.byPath["\(student)/solutions.md"]!.contains("61,100,840 parameters"))
    }
}
