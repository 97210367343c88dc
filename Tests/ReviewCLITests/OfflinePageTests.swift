import Foundation
import PageChecks
import Testing

/// No HTML page `review` writes references anything outside itself (the
/// rules are in `Tests/PageChecks/OfflinePage.swift`): checked on the real
/// binary's output for every topic and language, every example problem
/// file, and every page of a handout build.
@Suite struct OfflinePageTests {
    static let languages = ["en", "zh"]
    static let topics = ["backprop", "conv", "gcn", "bellman", "softmax", "mlp", "activation", "loss", "optimizer", "batchnorm", "convolve", "rnn", "lstm", "gru", "attention", "kmeans", "concepts"]
    static let problemsFolder = ReviewProcess.packageRoot.appendingPathComponent("problems")

    static func expectSelfContained(_ html: String, _ what: String) {
        #expect(html.contains("</html>"), "\(what) is a whole page")
        #expect(OfflinePage.outsideReferences(in: html) == [], "\(what)")
    }

    @Test func theTopicListIsComplete() throws {
        let run = try ReviewProcess.run(["topics"])
        let listed = run.stdout.split(separator: "\n").compactMap { line in
            line.first?.isLetter == true ? line.split(separator: " ").first.map(String.init) : nil
        }
        #expect(Set(listed) == Set(Self.topics))
    }

    @Test(arguments: topics)
    func generatedSheets(topic: String) throws {
        for language in Self.languages {
            for flags in [[], ["--no-solutions"], ["--fold-solutions"]] {
                let run = try ReviewProcess.run(
                    ["gen", "--topic", topic, "--count", "2", "--seed", "3", "--format", "html", "--lang", language] + flags)
                #expect(run.status == 0, "\(run.stderr)")
                Self.expectSelfContained(run.stdout, "gen \(topic) \(language) \(flags)")
            }
        }
    }

    @Test func everyExampleProblemFileSolved() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.problemsFolder.path)
            .filter { $0.hasSuffix(".json") && !$0.hasPrefix("handout-") }.sorted()
        #expect(files.count >= 20)
        for file in files {
            for language in Self.languages {
                let run = try ReviewProcess.run(["solve", "problems/\(file)", "--format", "html", "--lang", language])
                #expect(run.status == 0, "\(run.stderr)")
                Self.expectSelfContained(run.stdout, "solve \(file) \(language)")
            }
        }
    }

    /// The index, every student's question and solution sheets and the
    /// answer key of both example handouts (one with a Unicode CSV roster).
    @Test(arguments: ["handout-final-review.json", "handout-roster-example.json"])
    func everyPageOfAHandoutBuild(handout: String) throws {
        let directory = try ReviewProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("out")
        let run = try ReviewProcess.run(["build", "problems/\(handout)", "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        var pages = 0
        let enumerator = FileManager.default.enumerator(at: out, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "html" else { continue }
            Self.expectSelfContained(try String(contentsOf: url, encoding: .utf8), "\(handout): \(url.lastPathComponent)")
            pages += 1
        }
        #expect(pages > 10, "index, answer key and two sheets per student")
    }
}
