import Foundation
import Testing
@testable import ReviewKit

/// Issue 16's teacher pages and sheet fixes: explanations once per sheet,
/// conv's "same" padding, the gcn caption, fonts, exam sheets and the
/// answer key.
@Suite struct TeacherPagesTests {
    private func sheet(_ topic: String, seed: UInt64 = 5, count: Int = 3, difficulty: Difficulty = .standard,
                       language: String, format: OutputFormat) throws -> String {
        let problems = try ProblemSolver.generate(topic: topic, count: count, seed: seed, difficulty: difficulty)
        var options = Sheet.Options()
        options.language = language
        options.format = format
        return Sheet(problems: problems, options: options).render()
    }

    private func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    /// Item 11: the paragraph that is the same for every problem is read once
    /// in a 3-problem sheet, in both languages and every format.
    @Test(arguments: [
        ("softmax", "Subtracting the same number from every logit", "每个 logit 都减去同一个数"),
        ("softmax", "is the natural logarithm", "是自然对数"),
        ("conv", "The floor", "就很关键"),
        ("backprop", "At each node the chain rule", "在每个节点上，链式法则"),
        ("gcn", "Numbers are shown to 4 significant figures", "数值显示时保留 4 位有效数字"),
        ("bellman", "moves the entry of the pair just tried", "把刚刚尝试的状态"),
        ("mlp", "multiply the activations below by the weights", "逐层用权重乘以前一层的激活值"),
        ("rnn", "vectors are columns", "向量都是列向量"),
        ("attention", "Queries, keys and vector entries are numbered", "查询、键和向量分量都从"),
    ])
    func aSharedExplanationAppearsOncePerSheet(topic: String, english: String, chinese: String) throws {
        for (language, words) in [("en", english), ("zh", chinese)] {
            for format in [OutputFormat.md, .html, .latex] {
                let text = try sheet(topic, language: language, format: format)
                #expect(count("Problem id", in: text) + count("题目编号", in: text) == 3, "\(topic) \(language)")
                #expect(count(words, in: text) == 1, "\(topic) \(language) \(format): \(count(words, in: text))")
            }
        }
    }

    /// A passage that depends on the problem is kept where its wording is new.
    @Test func onceKeepsDifferentPassagesAndFirstOfEqualOnes() {
        let a = "intro " + OnceBlock.wrap("rule A") + " end"
        let b = "more " + OnceBlock.wrap("rule A") + OnceBlock.wrap(" rule B") + " end"
        #expect(OnceBlock.keepFirst([a, b]) == ["intro rule A end", "more  rule B end"])
        #expect(OnceBlock.unwrap(b) == "more rule A rule B end")
    }

    /// Item 12: "same" padding names the total over both sides, says the size
    /// rule's P is per side, and where an odd total's extra pixel goes.
    @Test func sameSaysPIsPerSideAndHowAnOddTotalSplits() throws {
        let file = GoldenSheetTests.problems.appendingPathComponent("conv-lenet5.json").path
        var problems = try ProblemSolver.solve(files: [file])
        problems += try ProblemSolver.generate(topic: "conv", count: 6, seed: 5, difficulty: .hard)
        let same = problems.filter { JSONWriter.compact($0.problem).contains("\"same\"") }
        #expect(!same.isEmpty)
        for (language, words) in [
            ("en", ["padding on each side", "when the total is odd the extra pixel goes to the bottom (right)"]),
            ("zh", ["每一边的填充量", "总数为奇数时多出的一个像素放在下边（右边）"]),
        ] {
            var options = Sheet.Options()
            options.language = language
            let text = Sheet(problems: same, options: options).render()
            #expect(text.contains("P_{\\text{total}}"), "\(language)")
            for w in words { #expect(text.contains(w), "\(language): \(w)") }
        }
        let steps = same[0].steps.filter { $0.id.contains("padding_") }
        #expect(!steps.isEmpty && steps.allSatisfy { $0.formula.contains("total") }, "\(steps.map(\.formula))")
    }

    /// Item 13: under row normalisation an undirected edge carries a number
    /// near each end, and the caption says which is which.
    @Test func gcnCaptionMatchesTheEndLabels() throws {
        let row = try ProblemSolver.solve(files: [GoldenSheetTests.problems.appendingPathComponent("gcn-row-mean.json").path])
        let symmetric = try ProblemSolver.solve(files: [GoldenSheetTests.problems.appendingPathComponent("gcn-path-3.json").path])
        for (language, words) in [("en", "the one near node u is Â_uv"), ("zh", "靠近节点 u 的那个是 Â_uv")] {
            var options = Sheet.Options()
            options.language = language
            options.format = .html
            #expect(Sheet(problems: row, options: options).render().contains(words), "\(language)")
            #expect(!Sheet(problems: symmetric, options: options).render().contains(words), "\(language)")
        }
    }

    /// Item 9: pages name a CJK font stack and the README the Debian package.
    @Test func pagesNameACJKFontAndTheReadmeItsPackage() throws {
        let page = try sheet("softmax", count: 1, language: "zh", format: .html)
        #expect(page.contains("\"Noto Sans CJK SC\""))
        let readme = try String(contentsOf: GoldenSheetTests.problems.deletingLastPathComponent().appendingPathComponent("README.md"), encoding: .utf8)
        let html = readme.components(separatedBy: "- **HTML** pages carry").dropFirst().first ?? ""
        #expect(html.prefix(600).contains("fonts-noto-cjk"))
    }

    private func exam(language: String, points: String = "4") throws -> (Handout, [String: String]) {
        let handout = try HandoutFolder().handout("""
            {"title": "Exam", "seed": 7, "students": ["Ann", "Bo"], "lang": "\(language)",
             "formats": ["md", "html", "latex", "json"],
             "sections": [{"title": "Graphs", "topic": "gcn", "count": 1, "points": \(points)},
                          {"title": "Shapes", "topic": "conv", "count": 1},
                          {"title": "Chain rule", "topic": "backprop", "count": 2, "points": 1}]}
            """)
        return (handout, try HandoutBuilder.build(handout).byPath)
    }

    /// Exam question sheets: a name and student-number line, each problem's
    /// points, and room to work in print (HTML: CSS print rule; LaTeX: space).
    @Test(arguments: [("en", "Student number", "(4 points)", "(1 point)"), ("zh", "学号", "（4 分）", "（1 分）")])
    func examSheetsHaveANameLinePointsAndWorkingSpace(language: String, number: String, four: String, one: String) throws {
        let (handout, files) = try exam(language: language)
        let folder = handout.students[0].folder
        for ext in ["md", "html", "tex"] {
            let questions = files["\(folder)/questions.\(ext)"]!
            #expect(questions.contains(number), "\(ext)")
            #expect(questions.contains(four) && questions.contains(one), "\(ext)")
            #expect(!files["\(folder)/solutions.\(ext)"]!.contains(number), "\(ext)")
        }
        let html = files["\(folder)/questions.html"]!
        #expect(count("<div class=\"working-space\"></div>", in: html) == 4)
        #expect(html.contains(".working-space { display: none; }") && html.contains("@media print"))
        #expect(count("\\vspace{4cm", in: files["\(folder)/questions.tex"]!) == 4)
    }

    @Test func badPointsAreLocatedErrors() throws {
        let folder = try HandoutFolder()
        for (value, message) in [
            ("0", "handout.json: sections[0].points: must be an integer between 1 and 1000, got 0"),
            ("2.5", "handout.json: sections[0].points: must be an integer"),
            ("\"4\"", "handout.json: sections[0].points: must be"),
        ] {
            let error = folder.handoutError("""
                {"title": "E", "seed": 1, "students": 1,
                 "sections": [{"topic": "gcn", "points": \(value)}]}
                """)
            #expect(error?.hasPrefix(message) == true, "\(value): \(error ?? "no error")")
        }
    }

    /// The answer key: a block per student (its code in its head), final
    /// answers as math — matrices as matrices, conv shapes as H × W × C — and
    /// no table; answer-key.json keeps its shape. In print two columns.
    @Test(arguments: ["en", "zh"])
    func theAnswerKeyIsMathInABlockPerStudent(language: String) throws {
        let (handout, files) = try exam(language: language)
        let md = files["answer-key.md"]!
        #expect(!md.contains("| --- |"))
        #expect(md.contains("\\begin{bmatrix}"))
        #expect(md.contains("\\text{output} = ") && md.contains(" \\times "))
        let html = files["answer-key.html"]!
        #expect(count("<section class=\"key-student\">", in: html) == handout.students.count)
        #expect(html.contains("<mtable"))
        #expect(html.contains("<div class=\"key-body\">") && html.contains("column-count: 2"))
        let key = try JSONParser.parse(Array(files["answer-key.json"]!.utf8))
        for (index, student) in handout.students.enumerated() {
            let code = VariantCode(handoutSeed: 7, studentID: student.id).description
            #expect(md.contains("### \(student.paddedNumber) \(student.name!) · \(code)\n"))
            #expect(key.at("students", index, "code") == .string(code))
            #expect(key.at("students", index, "results", 0, "answers", "output") != nil)
        }
    }

    @Test func answerMathSetsShapesVectorsAndMatrices() {
        #expect(AnswerMath.latex([["28", "28", "6"]], isShape: true) == "28 \\times 28 \\times 6")
        #expect(AnswerMath.latex([["1", "2"]], isShape: false) == "(1, 2)")
        #expect(AnswerMath.latex([["1", "2"], ["3", "4"]], isShape: false) == "\\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}")
        #expect(AnswerMath.equation(.init(name: "s_1.a&b", value: "2")) == "\\text{s\\_1.a\\&b} = 2")
    }

    /// A concepts problem has letters, not numbers: the key must still say
    /// which option is right (it printed an empty line), and for a
    /// short-answer question which bank item's key points to grade by.
    @Test func answerKeyGivesChoiceLettersAndShortAnswerItems() throws {
        let one = try JSONParser.parse(Array(#"{"choice": "B"}"#.utf8))
        #expect(AnswerMath.items(one, topic: "concepts") == [.init(name: "choice", value: "\\text{B}")])
        let several = try JSONParser.parse(Array(#"{"choice": ["D", "B"]}"#.utf8))
        #expect(AnswerMath.items(several, topic: "concepts").map(AnswerMath.equation)
            == ["\\text{choice} = (\\text{D}, \\text{B})"])
        let short = try JSONParser.parse(Array(#"{"key_points": [{"item": "rnn_bptt", "en": ["a"], "zh": ["甲"]}]}"#.utf8))
        #expect(AnswerMath.items(short, topic: "concepts") == [.init(name: "key_points", value: "\\text{rnn\\_bptt}")])
    }
}
