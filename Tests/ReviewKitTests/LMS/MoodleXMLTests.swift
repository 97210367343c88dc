import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import ReviewKit

/// Moodle XML read back with Foundation's XML parser (libxml2), not with our
/// writer: well-formed, one Cloze question per problem, NUMERICAL fields that
/// give back the published answers, CDATA that survives `]]>`, Chinese intact.
@Suite struct MoodleXMLTests {
    /// One `<question type="cloze">` as a reader sees it.
    struct Read {
        var name: String
        var text: String
        var feedback: String
        /// (label, value, tolerance) in the order of the question text.
        var fields: [(path: String, value: Double, tolerance: Double)]
        var files: [String]
    }

    static func read(_ xml: String) throws -> (categories: [String], questions: [Read]) {
        let document = try XMLDocument(data: Data(xml.utf8), options: [])
        let root = try #require(document.rootElement())
        #expect(root.name == "quiz")
        var categories: [String] = []
        var questions: [Read] = []
        let pattern = try NSRegularExpression(
            pattern: #"<code>([^<]*)</code></td><td[^>]*>\{1:NUMERICAL:=([-0-9.eE+]+):([-0-9.eE+]+)\}"#)
        for question in root.elements(forName: "question") {
            let type = question.attribute(forName: "type")?.stringValue
            func text(_ path: String) throws -> String {
                try question.nodes(forXPath: path).first?.stringValue ?? ""
            }
            if type == "category" {
                categories.append(try text("category/text"))
                continue
            }
            #expect(type == "cloze")
            let body = try text("questiontext/text")
            let range = NSRange(body.startIndex..., in: body)
            let fields = pattern.matches(in: body, range: range).map { match in
                let part = { (i: Int) in String(body[Range(match.range(at: i), in: body)!]) }
                return (path: part(1), value: Double(part(2))!, tolerance: Double(part(3))!)
            }
            let files = try question.nodes(forXPath: ".//file").compactMap { ($0 as? XMLElement)?.attribute(forName: "name")?.stringValue }
            questions.append(Read(
                name: try text("name/text"), text: body, feedback: try text("generalfeedback/text"), fields: fields,
                files: files))
        }
        return (categories, questions)
    }

    /// A published example from `problems/` (three folders up from this file).
    static func example(_ name: String) throws -> [WorkedProblem] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return try ProblemSolver.solve(files: [root.appendingPathComponent("problems/\(name)").path])
    }

    @Test func theConvClassicGivesBackItsPublishedAnswersExactly() throws {
        let problems = try Self.example("conv-notes-32x32.json")
        let (categories, questions) = try Self.read(MoodleXML.document(problems, language: "en"))
        #expect(categories.isEmpty)
        let question = try #require(questions.first)
        #expect(questions.count == 1)
        // The notes: 28 × 28 × 6 maps, 5·5·3·6 = 450 weights, 6 biases, 456 parameters.
        #expect(question.fields.map(\.value) == [28, 28, 6, 450, 6, 456, 28, 28, 6, 456])
        #expect(question.fields.map(\.path) == [
            "layers[0].output[0]", "layers[0].output[1]", "layers[0].output[2]", "layers[0].weights",
            "layers[0].biases", "layers[0].params", "output[0]", "output[1]", "output[2]", "total_params",
        ])
        #expect(question.fields.allSatisfy { $0.tolerance == 0 })  // integers are exact
        #expect(question.name.hasPrefix("conv-notes-32x32-0 · Six 5×5×3 kernels"))
        // The worked solution is the feedback, math for MathJax, the picture attached.
        #expect(question.feedback.contains("\\(") && !question.feedback.contains("<math"))
        #expect(question.feedback.contains("@@PLUGINFILE@@/q1-figure-1.svg"))
        #expect(question.files == ["q1-figure-1.svg"])
    }

    @Test func fractionsGetHalfAUnitOfTheFourthFigure() throws {
        let problems = try Self.example("softmax-classic-2-1-0.1.json")
        let question = try #require(try Self.read(MoodleXML.document(problems, language: "en")).questions.first)
        func field(_ path: String) throws -> (value: Double, tolerance: Double) {
            let found = try #require(question.fields.first { $0.path == path })
            return (found.value, found.tolerance)
        }
        // e^z / Σ e^z for z = (2, 1, 0.1), worked out apart: 0.659001, 0.242433, 0.0985659; L = −ln p₀ = 0.417030.
        let published: [(String, Double, Double)] = [
            ("probabilities[0]", 0.6590011, 0.00005), ("probabilities[1]", 0.2424330, 0.00005),
            ("probabilities[2]", 0.0985659, 0.000005), ("loss", 0.4170300, 0.00005),
        ]
        for (path, value, tolerance) in published {
            let got = try field(path)
            #expect(abs(got.value - value) < 1e-6, "\(path)")
            #expect(abs(got.tolerance - tolerance) < 1e-12, "\(path): tolerance \(got.tolerance)")
            // A student who rounds to 4 significant figures is inside the tolerance.
            let typed = Double(String(format: "%.4g", value))!
            #expect(abs(typed - got.value) <= got.tolerance, "\(path): \(typed)")
        }
    }

    @Test func aStatementWithCDATAEndAndChineseSurvives() throws {
        let json = #"{"topic": "conv", "title": "标题 ]]> 测试", "statement": "求输出 a]]>b 与参数量（卷积层）。", "input": [8, 8, 1], "layers": [{"type": "conv", "filters": 2, "kernel": 3}]}"#
        let problems = try ProblemSolver.solve(bytes: Array(json.utf8), source: ProblemSource(path: "s.json"))
        let xml = MoodleXML.document(problems, language: "zh")
        // cmark writes the statement's `>` as `&gt;`, so the HTML shows a]]>b and no `]]>` reaches the CDATA.
        let question = try #require(try Self.read(xml).questions.first)
        #expect(question.text.contains("求输出 a]]&gt;b 与参数量（卷积层）。"))
        #expect(question.name.contains("标题 ]]> 测试"))
        #expect(question.text.contains("你的答案"))  // the answers' heading in the sheet's language
        #expect(question.feedback.contains("特征图") || question.feedback.contains("卷积"))
        // 8 − 3 + 1 = 6: a 6 × 6 × 2 output; 3·3·1·2 + 2 = 20 parameters.
        #expect(question.fields.first { $0.path == "total_params" }?.value == 20)
    }

    /// Problem files refuse control characters; the writer replaces any that
    /// reach it, since XML 1.0 has no way to write them.
    @Test func cdataSplitsAroundItsEndMarker() throws {
        let text = "x]]>y]]]>z <p>&amp;</p> 中文"
        let cdata = MoodleXML.cdata(text)
        #expect(cdata == "<![CDATA[x]]]]><![CDATA[>y]]]]]><![CDATA[>z <p>&amp;</p> 中文]]>")
        let document = try XMLDocument(data: Data(("<t>" + cdata + "</t>").utf8), options: [])
        #expect(document.rootElement()?.stringValue == text)
    }

    @Test func controlCharactersBecomeReplacementCharacters() throws {
        let cdata = MoodleXML.cdata("a\u{7}b\tc\u{FFFE}")
        #expect(cdata == "<![CDATA[a\u{FFFD}b\tc\u{FFFD}]]>")
        _ = try XMLDocument(data: Data(("<t>" + cdata + MoodleXML.escape("<\u{1}>") + "</t>").utf8), options: [])
    }

    @Test func toleranceRule() {
        #expect(NumericAnswer.tolerance(for: 456) == 0)
        #expect(NumericAnswer.tolerance(for: -6) == 0)
        #expect(abs(NumericAnswer.tolerance(for: 0.7310585786) - 0.00005) < 1e-15)
        #expect(abs(NumericAnswer.tolerance(for: 12345.678) - 5) < 1e-12)  // 1.235 × 10⁴: the tens
        #expect(abs(NumericAnswer.tolerance(for: -0.0012345) - 0.0000005) < 1e-15)
        // 0.1 computed as 0.09999999999999998 is 0.1000 to 4 figures.
        #expect(abs(NumericAnswer.tolerance(for: 0.09999999999999998) - 0.00005) < 1e-15)
        // Noise around a true 0 accepts 0, as the practice pages do.
        #expect(NumericAnswer.tolerance(for: 2.8e-17) == 1e-9)
        #expect(NumericAnswer.text(456) == "456")
        #expect(NumericAnswer.text(-0.5) == "-0.5")
        #expect(NumericAnswer.text(1e-5) == "1e-05")
    }

    @Test func aBuildWritesOneCategoryPerSectionAndAQuestionPerStudent() throws {
        let folder = try HandoutFolder()
        try folder.write(#"{"topic": "conv", "input": [32, 32, 3], "layers": [{"type": "conv", "filters": 6, "kernel": 5}]}"#, to: "c.json")
        let handout = try folder.handout(#"""
            {"title": "期末", "seed": 5, "students": ["王小明", "Ann"], "lang": "zh", "formats": ["moodle"],
             "sections": [{"title": "反向传播", "topic": "backprop", "count": 2, "difficulty": "easy"},
                          {"topic": "softmax"}, {"title": "Classic", "problems": "c.json"}]}
            """#)
        #expect(handout.moodle && handout.formats == [.html])
        let files = try HandoutBuilder.build(handout).byPath
        let xml = try #require(files["moodle.xml"])
        let (categories, questions) = try Self.read(xml)
        #expect(categories == [
            "$course$/期末/01. 反向传播/第 1 题", "$course$/期末/01. 反向传播/第 2 题",
            "$course$/期末/02. Softmax 与交叉熵", "$course$/期末/03. Classic",
        ])
        #expect(questions.count == 2 * 2 + 2 + 1)
        // Each student's question has their own problem's answers: compare with the answer key's.
        let manifest = try #require(files["manifest.json"])
        #expect(manifest.contains("\"moodle\""))
        #expect(try #require(files["index.html"]).contains("moodle.xml"))
        for record in ["001", "002"] {
            let problemsFile = try #require(files.first { $0.key.hasPrefix(record) && $0.key.hasSuffix("/problems.json") }?.value)
            let own = try ProblemSolver.solve(bytes: Array(problemsFile.utf8), source: ProblemSource(path: "p.json"))
            for problem in own.prefix(3) {
                let question = try #require(questions.first { $0.name.hasSuffix(" · \(problem.id)") }, "\(problem.id)")
                #expect(question.name.hasPrefix(record))
                let leaves = AnswerLeaves(problem.answers).leaves
                #expect(question.fields.map(\.path) == leaves.map(\.path))
                for (field, leaf) in zip(question.fields, leaves) {
                    #expect(abs(field.value - leaf.value) <= field.tolerance + 1e-12)
                }
            }
        }
        #expect(questions.contains { $0.name.hasPrefix("001 王小明") })
        #expect(folder.handoutError(#"{"students": 2, "formats": ["moodle", "moodle"], "sections": [{"topic": "conv"}]}"#)
            == #"handout.json: formats[1]: format "moodle" is listed twice"#)
    }
}
