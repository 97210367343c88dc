import Foundation
import Testing
@testable import ReviewKit

/// Our Mustache engine against swift-mustache, the engine it replaced: every
/// template of every language, filled with contexts made from the names it
/// uses, must come out byte for byte the same (the golden sheets check the
/// contexts the presenters really build); and every name a topic's templates
/// use is supplied by its presenter.
@Suite struct TemplateEngineTests {
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
        return try ProblemSolver.solve(files: files.map { problems.appendingPathComponent($0).path })
    }

    // MARK: Our engine against swift-mustache

    /// Contexts made from the names a template uses, so every branch of
    /// every template is reached: every name as text (with characters every
    /// format escapes); and names used only as sections as true and false
    /// flags, empty lists, lists of text and lists of objects that supply
    /// every name again. (A list shown as `{{name}}` is a mistake in a
    /// template, and swift-mustache shows a dictionary in no fixed order.)
    private static func contexts(names: Set<String>, variables: Set<String>) -> [TemplateObject] {
        let sections = names.subtracting(variables)
        func all(_ value: (String) -> TemplateData) -> TemplateObject {
            TemplateObject(fields: Dictionary(uniqueKeysWithValues: names.map { ($0, value($0)) }))
        }
        let texts = all { .text("<\($0)> & *b* $x_1$ {c} 'd' \\e") }
        func sectionsAs(_ value: (String) -> TemplateData) -> TemplateObject {
            texts.merging(TemplateObject(fields: Dictionary(uniqueKeysWithValues: sections.map { ($0, value($0)) })))
        }
        let objects: TemplateData = .list([1, 2].map { n in .object(all { .text("\($0)\(n)") }) })
        var contexts = [
            [:], texts, sectionsAs { _ in false }, sectionsAs { _ in [] },
            sectionsAs { .list([.text("\($0)-a"), .text("\($0)-b")]) },
        ]
        // `{{.}}` inside a true flag or an object shows an object.
        if !variables.contains(".") {
            contexts.append(sectionsAs { _ in true })
            contexts.append(sectionsAs { _ in objects })
            let ordered = sections.sorted()
            contexts.append(sectionsAs { ordered.firstIndex(of: $0)! % 2 == 0 ? objects : true })
        }
        return contexts
    }

    /// The names `name` (and its partials) shows as variables, `.` included.
    private static func variables(_ name: String, in templates: [String: Template]) -> Set<String> {
        var names = Set<String>(), seen = Set<String>()
        func visit(_ nodes: [TemplateNode]) {
            for node in nodes {
                switch node {
                case .variable(let used, _): names.insert(used)
                case .section(_, _, let inner): visit(inner)
                case .partial(let partial, _) where seen.insert(partial).inserted: visit(templates[partial]?.nodes ?? [])
                case .text, .partial: break
                }
            }
        }
        visit(templates[name]?.nodes ?? [])
        return names
    }

    @Test(arguments: TemplateLibrary.languages)
    func everyTemplateRendersAsSwiftMustacheRendersIt(language: String) throws {
        let library = TemplateLibrary.forLanguage(language)
        let oracle = try MustacheOracle(language: language)
        var compiled: [String: Template] = [:]
        for source in TemplateLibrary.sources(language) {
            compiled[source.name] = try Template(source.text, escaping: TemplateEscaping(templateName: source.name))
        }
        var mismatches = 0
        for name in library.names {
            let contexts = Self.contexts(names: library.namesUsed(by: name), variables: Self.variables(name, in: compiled))
            for var context in contexts {
                // The built-in `once` section (`OnceBlock`) is a plain section to swift-mustache.
                context["once"] = true
                let ours = library.render(name, context), expected = oracle.render(name, context)
                if ours != expected {
                    mismatches += 1
                    if mismatches <= 5 {
                        Issue.record("\(language)/\(name) differs:\n--- ours\n\(ours)\n--- swift-mustache\n\(expected ?? "nil")")
                    }
                }
            }
        }
        #expect(mismatches == 0)
    }

    // MARK: Every name is supplied

    /// Problems that reach the templates' rarer branches, which random
    /// problems and the examples may miss: relu and |x| at their kinks, a
    /// "same" padding that rounds up, a gcn without activation.
    private static let edgeCases: [String: String] = [
        "backprop": #"{"topic": "backprop", "expression": "relu(x) + abs(y)", "values": {"x": 0, "y": 0}}"#,
        "conv": #"{"topic": "conv", "input": [5, 5, 1], "layers": [{"type": "conv", "filters": 1, "kernel": 3, "stride": 2, "padding": "same"}]}"#,
        "gcn": #"{"topic": "gcn", "adjacency": [[0, 1], [1, 0]], "features": [[1], [2]], "weights": [[1]], "activation": "none"}"#,
    ]

    /// Every key of a context, at any depth.
    private static func keys(_ object: TemplateObject, into set: inout Set<String>) {
        for (key, value) in object.fields {
            set.insert(key)
            keys(value, into: &set)
        }
    }

    private static func keys(_ value: TemplateData, into set: inout Set<String>) {
        switch value {
        case .object(let object): keys(object, into: &set)
        case .list(let items): for item in items { keys(item, into: &set) }
        case .text, .flag: break
        }
    }

    /// The keys a topic's presenter supplies to its question and solution
    /// templates, over the examples in `problems/`, the edge case and
    /// generated problems of every difficulty.
    private static func suppliedKeys<T: TemplatedTopic>(_ topic: T.Type, language: String) throws
        -> (question: Set<String>, solution: Set<String>)
    {
        let context = PresentationContext(templates: TemplateLibrary.forLanguage(language))
        var problems: [T.Problem] = []
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.problems.path)
            .filter { $0.hasPrefix("\(T.name)-") && $0.hasSuffix(".json") }.sorted().map { Self.problems.appendingPathComponent($0).path }
        var texts = try files.map { try String(contentsOfFile: $0, encoding: .utf8) }
        if let edge = edgeCases[T.name] { texts.append(edge) }
        for text in texts {
            let value = try JSONParser.parse(Array(text.utf8))
            var objects = [value]
            if case .array(let items) = value.kind { objects = items }
            if case .object(let members) = value.kind, let list = members.first(where: { $0.key == "problems" }),
               case .array(let items) = list.value.kind
            {
                objects = items
            }
            for object in objects { problems.append(try T.decode(try Field(value: object).anyObject())) }
        }
        for difficulty in Difficulty.allCases {
            for seed: UInt64 in 1...24 {
                var random = RandomSource(seed: seed)
                problems.append(T.generate(&random, difficulty: difficulty))
            }
        }
        var question = Set<String>(), solution = Set<String>()
        for problem in problems {
            let contexts = T.contexts(problem, try T.solve(problem), in: context)
            keys(contexts.question, into: &question)
            keys(contexts.solution, into: &solution)
        }
        return (question, solution)
    }

    /// Every name a topic's question or solution template uses is supplied
    /// by some context its presenter makes: a name no presenter sets (a
    /// typo, a key renamed in Swift but not in a template) would silently
    /// render as nothing.
    @Test(arguments: TemplateLibrary.languages)
    func everyNameATopicTemplateUsesIsSupplied(language: String) throws {
        func check<T: TemplatedTopic>(_ topic: T.Type) throws {
            let library = TemplateLibrary.forLanguage(language)
            let (question, solution) = try Self.suppliedKeys(topic, language: language)
            for (template, keys) in [("question", question), ("solution", solution)] {
                let used = library.namesUsed(by: "\(T.name)/\(template)")
                #expect(used.subtracting(keys).sorted() == [], "\(language)/\(T.name)/\(template) uses names no context supplies")
            }
        }
        try check(BackpropTopic.self)
        try check(ConvTopic.self)
        try check(GCNTopic.self)
        try check(BellmanTopic.self)
        try check(SoftmaxTopic.self)
    }
}
