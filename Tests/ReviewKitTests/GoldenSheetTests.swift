import Foundation
import Testing
@testable import ReviewKit

/// Golden sheets: one fixed problem per topic (a classic from `problems/`),
/// rendered in every language and format, compared byte for byte with the
/// files in `Tests/ReviewKitTests/Golden/`. A template or notation change
/// then shows up as a reviewable diff of those files instead of passing
/// unseen.
///
/// After an intended change, write the new files and review the diff:
///
///     REVIEW_RECORD_GOLDEN=1 swift test --filter GoldenSheetTests
///     git diff Tests/ReviewKitTests/Golden
///
/// Plain files rather than swift-snapshot-testing: its swift-syntax
/// dependency would add minutes to every CI build, and a diff of a sheet is
/// all a reviewer needs.
@Suite struct GoldenSheetTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let problems = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("problems")
    static let recording = ProcessInfo.processInfo.environment["REVIEW_RECORD_GOLDEN"] != nil

    /// The classic of each topic.
    static let classics = [
        "backprop": "backprop-notes-x-times-x-plus-y.json",
        "conv": "conv-notes-32x32.json",
        "gcn": "gcn-path-3.json",
        "bellman": "bellman-contract-example.json",
        "softmax": "softmax-classic-2-1-0.1.json",
        "rnn": "rnn-contract-example.json",
        "attention": "attention-contract-example.json",
        "lstm": "lstm-contract-example.json",
        "gru": "gru-contract-example.json",
        "optimizer": "optimizer-contract-example.json",
        "batchnorm": "batchnorm-contract-example.json",
        "convolve": "convolve-notes-5x5.json",
        "kmeans": "kmeans-classic-8-points.json",
        "mlp": "mlp-mazur-step-by-step.json",
        "activation": "activation-sigmoid-depth-10.json",
        "loss": "loss-huber-contract-example.json",
        "concepts": "concepts-rnn-bptt.json",
    ]

    struct Case: Sendable, CustomTestStringConvertible {
        var topic: String
        var language: String
        var testDescription: String { "\(topic) (\(language))" }
    }

    static let cases = TopicRegistry.names.flatMap { topic in
        TemplateLibrary.languages.map { Case(topic: topic, language: $0) }
    }

    /// An HTML page with its inline CSS left out: the stylesheet is the same
    /// on every page (`templates/shared/style.css`, checked in Chromium by
    /// check-sheets), and ten copies of it would bury a sheet's diff.
    static func withoutStyle(_ page: String) -> String {
        guard let open = page.range(of: "<style>"), let close = page.range(of: "</style>", range: open.upperBound..<page.endIndex)
        else { return page }
        return String(page[..<open.upperBound]) + "/* templates/shared/style.css */" + String(page[close.lowerBound...])
    }

    /// The page title is plain text, escaped once by the page shell: HTML's
    /// `<title>` and LaTeX's `\title` show "cross-entropy", not "cross\-entropy".
    @Test(arguments: TemplateLibrary.languages)
    func pageTitlesAreEscapedOnceForTheirFormat(language: String) throws {
        let templates = TemplateLibrary.forLanguage(language)
        for topic in TopicRegistry.names {
            let problems = try ProblemSolver.generate(topic: topic, count: 1, seed: 1, difficulty: .easy)
            var options = Sheet.Options()
            options.language = language
            options.format = .html
            let title = templates.topicTitle(topic)
            #expect(Sheet(problems: problems, options: options).render().contains("<title>\(TextEscaping.html(title))</title>"))
            options.format = .latex
            #expect(Sheet(problems: problems, options: options).render().contains("\\title{ \(TextEscaping.latex(title)) }"))
        }
    }

    @Test func everyTopicHasAClassic() {
        #expect(Set(Self.classics.keys) == Set(TopicRegistry.names))
    }

    @Test(arguments: cases)
    func sheetMatchesItsGoldenFile(_ item: Case) throws {
        let file = try #require(Self.classics[item.topic])
        let problems = try ProblemSolver.solve(files: [Self.problems.appendingPathComponent(file).path])
        for format in OutputFormat.allCases {
            if format == .json && item.language != "en" { continue }  // JSON has no language
            var options = Sheet.Options()
            options.format = format
            options.language = item.language
            let text = Self.withoutStyle(Sheet(problems: problems, options: options).render())
            let name = format == .json ? "\(item.topic).json" : "\(item.topic)-\(item.language).\(format.fileExtension)"
            let url = Self.golden.appendingPathComponent(name)
            if Self.recording {
                try FileManager.default.createDirectory(at: Self.golden, withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
                continue
            }
            let expected = try? String(contentsOf: url, encoding: .utf8)
            #expect(expected != nil, "no golden file \(name): record it with REVIEW_RECORD_GOLDEN=1")
            guard let expected else { continue }
            if text != expected {
                let ours = text.split(separator: "\n", omittingEmptySubsequences: false)
                let theirs = expected.split(separator: "\n", omittingEmptySubsequences: false)
                let line = zip(ours, theirs).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                    ?? min(ours.count, theirs.count)
                Issue.record("""
                    \(name) differs from its golden file at line \(line + 1):
                      golden: \(line < theirs.count ? String(theirs[line].prefix(200)) : "<end>")
                      now:    \(line < ours.count ? String(ours[line].prefix(200)) : "<end>")
                    If the change is intended: REVIEW_RECORD_GOLDEN=1 swift test --filter GoldenSheetTests
                    """)
            }
        }
    }
}
