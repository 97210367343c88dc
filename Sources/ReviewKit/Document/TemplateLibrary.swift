import Foundation
import ReviewTemplates

/// The wording of every sheet, one library per language, built from the
/// templates compiled into the binary (see the EmbedTemplates plugin).
///
/// Layout of `templates/`: `<lang>/…` holds a language's Markdown templates
/// (`backprop/solution.mustache` is registered as `backprop/solution`);
/// `shared/…` holds what every language uses (page shells, CSS). The inner
/// extension picks the escaping of `{{value}}`: `.html` → HTML, `.tex` →
/// LaTeX, anything else → Markdown. A language folder may override a shared
/// template of the same name.
///
/// Rendering uses our own engine (`Templates/`): swift-mustache's dynamic
/// casts and reflection on every lookup were half of a sheet's time.
struct TemplateLibrary: Sendable {
    let language: String
    private let store: Store

    /// Every language that has a folder of templates.
    static let languages: [String] = {
        let folders = Set(EmbeddedTemplates.files.keys.compactMap { $0.split(separator: "/").first.map(String.init) })
        return folders.subtracting(["shared"]).sorted()
    }()

    /// The library of one language (English for an unknown one), parsed
    /// on first use: a command needs one language, and parsing every
    /// language's templates was a fifth of a short run.
    static func forLanguage(_ language: String) -> TemplateLibrary {
        let name = languages.contains(language) ? language : "en"
        return cache.library(name)
    }

    func render(_ name: String, _ context: TemplateObject = [:]) -> String {
        guard let template = store.template(name) else {
            preconditionFailure("missing template \(language)/\(name)")
        }
        let store = self.store
        var renderer = TemplateRenderer(partial: { store.template($0) })
        return renderer.render(template, context: context)
    }

    /// A topic's display name from `<topic>/title` ("Backpropagation on a
    /// computational graph"), or the topic's name when it has none.
    func topicTitle(_ topic: String) -> String {
        guard has("\(topic)/title") else { return topic }
        return render("\(topic)/title").trimmingWhitespace()
    }

    func has(_ name: String) -> Bool {
        store.sources[name] != nil
    }

    /// Every registered template name.
    var names: [String] { store.sources.keys.sorted() }

    /// The partials template `name` uses.
    func partials(of name: String) -> [String] {
        store.template(name)?.partialNames ?? []
    }

    /// Every name template `name` looks up (`{{x}}`, `{{#x}}`, `{{^x}}`),
    /// its partials' included: what a context given to it must be able to supply.
    func namesUsed(by name: String) -> Set<String> {
        var names = Set<String>()
        var seen = Set<String>()
        func visit(_ nodes: [TemplateNode]) {
            for node in nodes {
                switch node {
                case .variable(let used, _) where used != ".": names.insert(used)
                case .section(let used, _, let inner):
                    // `once` is built in (`OnceBlock`): no context supplies it.
                    if used != OnceBlock.sectionName { names.insert(used) }
                    visit(inner)
                case .partial(let partial, _) where seen.insert(partial).inserted:
                    visit(store.template(partial)?.nodes ?? [])
                case .text, .variable, .partial: break
                }
            }
        }
        visit(store.template(name)?.nodes ?? [])
        return names
    }

    // MARK: Loading

    private static let cache = Cache()

    private final class Cache: @unchecked Sendable {
        private let lock = NSLock()
        private var libraries: [String: TemplateLibrary] = [:]

        func library(_ language: String) -> TemplateLibrary {
            lock.lock()
            defer { lock.unlock() }
            if let library = libraries[language] { return library }
            let library = TemplateLibrary(language: language, sources: TemplateLibrary.sources(language))
            libraries[language] = library
            return library
        }
    }

    /// The text of each template a language sees, by name: shared ones
    /// first, then the language's own, which replace a shared one of the same name.
    static func sources(_ language: String) -> [(path: String, name: String, text: String)] {
        let paths = EmbeddedTemplates.files.keys.filter { $0.hasSuffix(".mustache") }
            .sorted { ($0.hasPrefix("shared/") ? 0 : 1, $0) < ($1.hasPrefix("shared/") ? 0 : 1, $1) }
        return paths.compactMap { path in
            let parts = path.split(separator: "/", maxSplits: 1).map(String.init)
            guard parts.count == 2, parts[0] == language || parts[0] == "shared" else { return nil }
            return (path, String(parts[1].dropLast(".mustache".count)), EmbeddedTemplates.files[path]!)
        }
    }

    init(language: String, sources: [(path: String, name: String, text: String)]) {
        self.language = language
        store = Store(sources)
    }

    /// The sources of a library and the templates parsed from them so far.
    ///
    /// A template is parsed when it is first used: a command renders a
    /// handful of a language's 300-odd templates, and parsing all of them
    /// was a fifth of a cold start. A template that does not parse, or names
    /// a partial that does not exist, is a programming error, found as soon
    /// as anything (a sheet, or the tests that walk every name) uses it.
    private final class Store: @unchecked Sendable {
        let sources: [String: (path: String, text: String)]
        private let lock = NSLock()
        private var parsed: [String: Template] = [:]

        init(_ list: [(path: String, name: String, text: String)]) {
            var sources: [String: (path: String, text: String)] = [:]
            for source in list { sources[source.name] = (source.path, source.text) }
            self.sources = sources
        }

        func template(_ name: String) -> Template? {
            lock.lock()
            defer { lock.unlock() }
            if let template = parsed[name] { return template }
            guard let source = sources[name] else { return nil }
            let template: Template
            do {
                template = try Template(source.text, escaping: TemplateEscaping(templateName: name))
            } catch {
                preconditionFailure("template \(source.path) does not parse: \(error)")
            }
            for partial in template.partialNames where sources[partial] == nil {
                preconditionFailure("template \(source.path) uses a missing partial \(partial)")
            }
            parsed[name] = template
            return template
        }
    }

    /// A shared asset (CSS, a LaTeX preamble) that is not a template.
    static func asset(_ name: String) -> String {
        EmbeddedTemplates.files["shared/\(name)"] ?? ""
    }
}
