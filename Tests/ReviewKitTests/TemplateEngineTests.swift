import Foundation
import Testing
@testable import ReviewKit

/// Our Mustache engine against swift-mustache, the engine it replaced: every
/// template of every language, filled with the contexts the presenters really
/// build, must come out byte for byte the same.
///
/// The pairs (template, context) are recorded while making sheets that reach
/// every template: each topic at each difficulty over several seeds, every
/// example in `problems/`, all formats, both languages, folded and without
/// solutions, the handouts in `problems/` with their summary line, and
/// `review topics`.
@Suite(.serialized) struct TemplateEngineTests {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    private static let problems = root.appendingPathComponent("problems")

    /// Every template of every language compiles (a mistake would otherwise
    /// stop the tool at its first use of the language).
    @Test(arguments: TemplateLibrary.languages)
    func everyTemplateCompiles(language: String) throws {
        let sources = TemplateLibrary.sources(language)
        #expect(sources.count > 30)
        for source in sources {
            #expect(throws: Never.self, "\(source.path)") {
                _ = try Template(source.text, escaping: TemplateEscaping(templateName: source.name))
            }
        }
    }

    private static func examples(_ topic: String) throws -> [WorkedProblem] {
        let files = try FileManager.default.contentsOfDirectory(atPath: problems.path)
            .filter { $0.hasPrefix("\(topic)-") && $0.hasSuffix(".json") }.sorted()
        return try Workbook.solve(files: files.map { problems.appendingPathComponent($0).path })
    }

    /// Problems that reach the templates' rarer branches, which random
    /// problems and the examples may miss: relu and |x| at their kinks, a
    /// "same" padding that rounds up, a gcn without activation.
    private static let edgeCases: [String: String] = [
        "backprop": #"{"topic": "backprop", "expression": "relu(x) + abs(y)", "values": {"x": 0, "y": 0}}"#,
        "conv": #"{"topic": "conv", "input": [5, 5, 1], "layers": [{"type": "conv", "filters": 1, "kernel": 3, "stride": 2, "padding": "same"}]}"#,
        "gcn": #"{"topic": "gcn", "adjacency": [[0, 1], [1, 0]], "features": [[1], [2]], "weights": [[1]], "activation": "none"}"#,
    ]

    private static func edgeCase(_ topic: String) throws -> [[WorkedProblem]] {
        guard let json = edgeCases[topic] else { return [] }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("edge-\(topic)-\(UUID().uuidString).json")
        try Data(json.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        return [try Workbook.solve(files: [file.path])]
    }

    private static func renderSheets(language: String) throws {
        for topic in TopicRegistry.names {
            var sets: [[WorkedProblem]] = [try examples(topic)] + (try edgeCase(topic))
            for difficulty in Difficulty.allCases {
                for seed: UInt64 in 1...4 {
                    sets.append(try Workbook.generate(topic: topic, count: 2, seed: seed, difficulty: difficulty))
                }
            }
            for (index, problems) in sets.enumerated() {
                for format in [OutputFormat.md, .html, .latex] {
                    var options = Sheet.Options()
                    options.language = language
                    options.format = format
                    options.seed = index == 0 ? nil : UInt64(index)
                    options.foldSolutions = index % 2 == 1
                    options.includeSolutions = index % 5 != 2
                    if index == 3 { options.title = "A <title> & *its* $x_1$" }
                    if index == 4 { options.subtitle = "for {students}\nof 'now' \\ \"here\"" }
                    _ = Sheet(problems: problems, options: options).render()
                }
            }
        }
    }

    private static func renderHandouts(language: String) throws {
        for file in ["handout-final-review.json", "handout-roster-example.json"] {
            var handout = try HandoutReader.read(path: problems.appendingPathComponent(file).path, drawSeed: { 5 })
            handout.language = language
            handout.formats = OutputFormat.allCases
            handout.students = Array(handout.students.prefix(4))
            let build = try HandoutBuilder.build(handout, jobs: 2)
            _ = HandoutSummary.line(handout, build.made, directory: "out/a b", seconds: 0.5)
            handout.seedWasDrawn = true
            _ = HandoutSummary.line(handout, build.made, directory: "out", seconds: 12)
        }
    }

    /// Every (template, context) rendered by the sheets above, recorded once
    /// for the tests of this suite (it runs serialized).
    nonisolated(unsafe) private static var recorded: [TemplateRenderLog.Entry]?

    private static func entries() throws -> [TemplateRenderLog.Entry] {
        if let recorded { return recorded }
        let entries = try TemplateRenderLog.shared.capture {
            for language in TemplateLibrary.languages {
                _ = TopicRegistry.descriptions(language: language)
                try renderSheets(language: language)
                try renderHandouts(language: language)
            }
        }
        recorded = entries
        return entries
    }

    /// Every name a template uses is supplied by some context it is given:
    /// a name no presenter sets (a typo, a key renamed in Swift but not in
    /// a template) would silently render as nothing.
    @Test func everyNameATemplateUsesIsSuppliedByItsContexts() throws {
        var supplied: [String: Set<String>] = [:]  // "lang/template" → keys seen at any depth
        func keys(_ value: Any, into set: inout Set<String>) {
            if let dictionary = value as? [String: Any] {
                for (key, inner) in dictionary {
                    set.insert(key)
                    keys(inner, into: &set)
                }
            } else if let dictionary = value as? [String: String] {
                set.formUnion(dictionary.keys)
            } else if let array = value as? [Any] {
                for item in array { keys(item, into: &set) }
            } else if let data = value as? TemplateData {
                switch data {
                case .object(let object): keys(object, into: &set)
                case .list(let items): for item in items { keys(item, into: &set) }
                case .text, .flag: break
                }
            } else if let object = value as? TemplateObject {
                for (key, inner) in object.fields {
                    set.insert(key)
                    keys(inner, into: &set)
                }
            }
        }
        for entry in try Self.entries() {
            keys(entry.context, into: &supplied["\(entry.language)/\(entry.name)", default: []])
        }
        for (qualified, keys) in supplied.sorted(by: { $0.key < $1.key }) {
            let parts = qualified.split(separator: "/", maxSplits: 1).map(String.init)
            let used = TemplateLibrary.forLanguage(parts[0]).namesUsed(by: parts[1])
            #expect(used.subtracting(keys).sorted() == [], "\(qualified) uses names no context supplies")
        }
    }

    @Test func everyTemplateRendersAsSwiftMustacheRendersIt() throws {
        let entries = try Self.entries()
        var oracles: [String: MustacheOracle] = [:]
        var rendered: [String: Set<String>] = [:]
        var mismatches = 0
        for entry in entries where TemplateLibrary.languages.contains(entry.language) {
            if oracles[entry.language] == nil { oracles[entry.language] = try MustacheOracle(language: entry.language) }
            let expected = oracles[entry.language]!.render(entry.name, entry.context)
            if entry.output != expected {
                mismatches += 1
                if mismatches <= 5 {
                    Issue.record("\(entry.language)/\(entry.name) differs:\n--- ours\n\(entry.output)\n--- swift-mustache\n\(expected ?? "nil")")
                }
            }
            rendered[entry.language, default: []].insert(entry.name)
        }
        #expect(mismatches == 0)
        // The sheets above reach every template (partials through the templates that use them).
        for language in TemplateLibrary.languages {
            let library = TemplateLibrary.forLanguage(language)
            var reached = rendered[language] ?? []
            for name in reached { reached.formUnion(library.partials(of: name)) }
            #expect(Set(library.names).subtracting(reached).sorted() == [], "never rendered in \(language)")
        }
    }
}
