import Foundation
import PageChecks
import Testing
@testable import ReviewKit

/// Every language is a folder of templates that mirrors `templates/en/`, and
/// a sheet in another language has no English wording left in it.
///
/// The English phrases are read from the English templates themselves, not
/// copied here, so a sentence added to `en/` is checked in every language
/// without touching this file.
@Suite struct LanguageTests {
    private static let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("templates")

    /// Paths under `templates/<folder>/`, relative to it.
    private static func files(in folder: String) -> Set<String> {
        let root = templates.appendingPathComponent(folder)
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        var result: Set<String> = []
        while let url = enumerator?.nextObject() as? URL {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            result.insert(String(url.path.dropFirst(root.path.count + 1)))
        }
        return result
    }

    private static func text(_ language: String, _ path: String) throws -> String {
        try String(contentsOf: templates.appendingPathComponent("\(language)/\(path)"), encoding: .utf8)
    }

    private static let others = Sheet.languages.filter { $0 != "en" }

    // MARK: Parity

    @Test func everyLanguageHasAFolder() {
        // The languages the tool offers are the folders; zh is one of them.
        #expect(Sheet.languages.contains("en"))
        #expect(Sheet.languages.contains("zh"))
    }

    /// A template in one language and not another would leave a sheet half
    /// translated (or crash on a missing template). Overrides of `shared/`
    /// files (a language's own LaTeX preamble) are the one exception.
    @Test(arguments: Sheet.languages)
    func sameTemplatesAsEnglish(language: String) {
        let shared = Self.files(in: "shared")
        let english = Self.files(in: "en").filter { !shared.contains($0) && $0.hasSuffix(".mustache") }
        let mine = Self.files(in: language).filter { !shared.contains($0) && $0.hasSuffix(".mustache") }
        #expect(english.subtracting(mine).sorted() == [], "missing in templates/\(language)/")
        #expect(mine.subtracting(english).sorted() == [], "in templates/\(language)/ but not in templates/en/")
    }

    /// The Swift presenters give every language the same context, so a
    /// translation may only use names the English template uses: a name
    /// that is not there is a typo that would print nothing.
    @Test(arguments: others)
    func sameMustacheNamesAsEnglish(language: String) throws {
        let shared = Self.files(in: "shared")
        for path in Self.files(in: "en").filter({ !shared.contains($0) && $0.hasSuffix(".mustache") }).sorted() {
            guard let translated = try? Self.text(language, path) else { continue }
            let unknown = Self.tagNames(translated).subtracting(Self.tagNames(try Self.text("en", path)))
            #expect(unknown.sorted() == [], "templates/\(language)/\(path) uses names templates/en/\(path) does not")
        }
    }

    private static func tagNames(_ template: String) -> Set<String> {
        let tag = /\{\{\{?\s*[#^\/>&]?\s*([^{}\s]+)\s*\}?\}\}/
        return Set(template.matches(of: tag).map { String($0.output.1) }).subtracting(["."])
    }

    // MARK: No English left

    /// Sheets that between them take every branch the generators and the
    /// example problems reach: each topic at every difficulty, several
    /// seeds, and every file in `problems/` (without its own English title
    /// and statement, which are the user's words, not ours).
    private static func problems(_ topic: String) throws -> [WorkedProblem] {
        var result: [WorkedProblem] = []
        for difficulty in Difficulty.allCases {
            for seed: UInt64 in 1...6 {
                result += try ProblemSolver.generate(topic: topic, count: 3, seed: seed, difficulty: difficulty)
            }
        }
        let folder = templates.deletingLastPathComponent().appendingPathComponent("problems")
        let examples = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasPrefix("\(topic)-") && $0.hasSuffix(".json") }.sorted()
        result += try ProblemSolver.solve(files: examples.map { folder.appendingPathComponent($0).path }).map {
            WorkedProblem(
                id: $0.id, topic: $0.topic, title: nil, problem: $0.problem, answers: $0.answers, trace: $0.trace,
                statement: nil, present: $0.present, sheetLimit: $0.sheetLimit)
        }
        return result
    }

    private static func sheet(_ problems: [WorkedProblem], _ language: String, _ format: OutputFormat) -> String {
        var options = Sheet.Options()
        options.language = language
        options.format = format
        options.seed = 1
        return Sheet(problems: problems, options: options).render()
    }

    /// Phrases of three or more words in the English templates: the text
    /// between mustache tags, math and Markdown punctuation.
    static func englishPhrases(_ template: String) -> Set<String> {
        var text = template.replacing(/\$\$.*?\$\$/.dotMatchesNewlines(), with: "\u{0}")
        text = text.replacing(/\$[^$\n]*\$/, with: "\u{0}")
        text = text.replacing(/\{\{[^}]*\}?\}\}/, with: "\u{0}")
        let pieces = text.split { "\u{0}\n|*.,;:!?()—`\"".contains($0) }
        return Set(pieces.map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            $0.split(separator: " ").filter { $0.contains(where: \.isLetter) }.count >= 3
        })
    }

    @Test func phrasesAreFoundInEnglishTemplates() throws {
        // The extraction itself: a known English sentence of the backprop
        // solution yields its phrases, and they are in the English sheet.
        let phrases = Self.englishPhrases(try Self.text("en", "backprop/solution.mustache"))
        #expect(phrases.contains("Evaluate the nodes in order"))
        let english = Self.sheet(try ProblemSolver.generate(topic: "backprop", count: 1, seed: 1, difficulty: .easy), "en", .md)
        #expect(english.contains("Evaluate the nodes in order"))
    }

    @Test(arguments: TopicRegistry.names)
    func noEnglishTemplateSentenceInChinese(topic: String) throws {
        let paths = Self.files(in: "en").filter {
            $0.hasSuffix(".mustache") && ($0.hasPrefix("\(topic)/") || !$0.contains("/"))
        }
        var phrases: Set<String> = []
        for path in paths { phrases.formUnion(Self.englishPhrases(try Self.text("en", path))) }
        #expect(phrases.count > 5, "the English templates of \(topic) should have sentences to look for")
        let problems = try Self.problems(topic)
        for format in [OutputFormat.md, .html, .latex] {
            let chinese = Self.sheet(problems, "zh", format)
            let left = phrases.filter { chinese.contains($0) }.sorted()
            #expect(left == [], "English left in the \(format) zh sheet of \(topic)")
        }
    }

    /// Beyond the templates' own phrases: no run of three English words
    /// anywhere outside math and code (a word the Swift code made, a
    /// template branch the phrases missed).
    @Test(arguments: TopicRegistry.names)
    func noEnglishProseInChinese(topic: String) throws {
        var text = Self.sheet(try Self.problems(topic), "zh", .md)
        text = text.replacing(/```.*?```/.dotMatchesNewlines(), with: " ")
        text = text.replacing(/\$\$.*?\$\$/.dotMatchesNewlines(), with: " ")
        text = text.replacing(/\$[^$\n]*\$/, with: " ")
        text = text.replacing(/`[^`]*`/, with: " ")
        let runs = text.matches(of: /[A-Za-z]+(?: [A-Za-z]+){2,}/).map { String($0.output) }
        #expect(Set(runs).sorted() == [], "English prose in the zh sheet of \(topic)")
    }

    /// CommonMark does not close `**` between Chinese punctuation and a
    /// letter (`**答案。**答`), so a badly placed marker prints as asterisks.
    @Test(arguments: TopicRegistry.names)
    func boldAndItalicCloseInChinese(topic: String) throws {
        let html = Self.sheet(try Self.problems(topic), "zh", .html)
        let body = html.replacing(/<math.*?<\/math>/.dotMatchesNewlines(), with: "")
            .replacing(/<style>.*?<\/style>/.dotMatchesNewlines(), with: "")
        #expect(!body.contains("*"), "a stray * in the zh HTML sheet of \(topic)")
    }

    /// Chinese typesetting puts a space between inline math and a Chinese
    /// character (as docs/glossary.md asks); a missing one is a template
    /// whose section ends right before the math.
    @Test(arguments: TopicRegistry.names)
    func spaceBetweenMathAndChinese(topic: String) throws {
        let text = Self.sheet(try Self.problems(topic), "zh", .md)
            .replacing(/\$\$.*?\$\$/.dotMatchesNewlines(), with: " ")
        let ideograph: (Character?) -> Bool = { c in
            guard let v = c?.unicodeScalars.first?.value else { return false }
            return (0x4E00...0x9FFF).contains(v)
        }
        var cramped: [String] = []
        for match in text.matches(of: /\$[^$\n]+\$/) {
            let before = match.range.lowerBound > text.startIndex ? text[text.index(before: match.range.lowerBound)] : nil
            let after = match.range.upperBound < text.endIndex ? text[match.range.upperBound] : nil
            if ideograph(before) || ideograph(after) { cramped.append(String(match.output)) }
        }
        #expect(cramped == [], "math touching a Chinese character in the zh sheet of \(topic)")
    }

    // MARK: The course's terms

    /// The glossary's terms (docs/glossary.md) where a student expects them.
    @Test(arguments: [
        ("conv", ["特征图", "卷积核", "步长", "填充", "池化", "参数量", "偏置"]),
        ("backprop", ["计算图", "前向传播", "反向传播", "链式法则", "梯度", "局部梯度", "上游梯度"]),
        ("gcn", ["图卷积", "邻接矩阵", "度矩阵", "归一化", "激活函数", "自环", "聚合"]),
        ("bellman", ["折扣因子", "学习率", "奖励", "状态", "动作", "时序差分", "Q 学习"]),
        ("softmax", ["交叉熵", "损失函数", "梯度", "概率", "独热"]),
        ("rnn", ["循环神经网络", "随时间反向传播", "隐藏状态", "时间步", "梯度", "损失函数", "外积"]),
        ("attention", ["缩放点积注意力", "注意力权重", "打分", "查询", "键"]),
        ("lstm", ["输入门", "遗忘门", "输出门", "候选值", "细胞状态", "隐藏状态", "预激活"]),
        ("gru", ["重置门", "更新门", "候选状态", "隐藏状态", "预激活"]),
        ("optimizer", ["学习率", "梯度", "修正偏差", "一阶矩", "二阶矩"]),
        ("batchnorm", ["批归一化", "均值", "方差", "滑动统计量"]),
    ])
    func glossaryTermsAppear(topic: String, terms: [String]) throws {
        // One generated problem at the standard difficulty, not a whole
        // collection: every sheet of the topic must use the terms.
        let problems = try ProblemSolver.generate(topic: topic, count: 1, seed: 11, difficulty: .standard)
        let sheet = Self.sheet(problems, "zh", .md)
        for term in terms {
            #expect(sheet.contains(term), "\(topic) zh sheet lacks \(term)")
        }
    }

    @Test func glossaryListsEveryTermTheTestsCheck() throws {
        let glossary = try String(
            contentsOf: Self.templates.deletingLastPathComponent().appendingPathComponent("docs/glossary.md"),
            encoding: .utf8)
        for term in ["特征图", "卷积核", "参数量", "计算图", "链式法则", "邻接矩阵", "度矩阵", "折扣因子", "时序差分", "交叉熵"] {
            #expect(glossary.contains(term))
        }
    }

    // MARK: Pages

    @Test func htmlAndLatexPagesAreChinese() throws {
        let problems = try ProblemSolver.generate(topic: "conv", count: 1, seed: 1, difficulty: .easy)
        let html = Self.sheet(problems, "zh", .html)
        #expect(html.contains("<html lang=\"zh\">"))
        #expect(html.contains("<title>卷积层：特征图尺寸与参数量</title>"))
        // One LaTeX preamble for every language: xeCJK sets the Chinese
        // under xelatex, inputenc is only for pdflatex.
        let latex = Self.sheet(problems, "zh", .latex)
        #expect(latex.contains("\\ifXeTeX\n\\usepackage{xeCJK}"))
        #expect(latex.contains("\\ifPDFTeX\n\\usepackage[T1]{fontenc}\n\\usepackage[utf8]{inputenc}"))
        #expect(Self.sheet(problems, "en", .latex).contains("{article}"))
    }

    /// Every topic's sheets (generated at each difficulty, and the examples
    /// in `problems/`) in every language: the HTML page references nothing
    /// outside itself.
    @Test(arguments: TopicRegistry.names)
    func htmlPagesReferenceNothingOutside(topic: String) throws {
        let problems = try Self.problems(topic)
        for language in Sheet.languages {
            let html = Self.sheet(problems, language, .html)
            #expect(OfflinePage.outsideReferences(in: html) == [], "\(topic), \(language)")
        }
    }

    @Test func topicSummariesAreChinese() {
        let summaries = TopicRegistry.descriptions(language: "zh").map(\.summary)
        #expect(summaries.count == TopicRegistry.names.count)
        for summary in summaries {
            #expect(summary.contains { $0.unicodeScalars.first!.value >= 0x4E00 && $0.unicodeScalars.first!.value <= 0x9FFF })
        }
    }
}
