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
    private let templates: [String: Template]

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
        guard let template = templates[name] else {
            preconditionFailure("missing template \(language)/\(name)")
        }
        var renderer = TemplateRenderer(templates: templates)
        return renderer.render(template, context: context)
    }

    /// A topic's display name from `<topic>/title` ("Backpropagation on a
    /// computational graph"), or the topic's name when it has none.
    func topicTitle(_ topic: String) -> String {
        guard has("\(topic)/title") else { return topic }
        return render("\(topic)/title").trimmingWhitespace()
    }

    func has(_ name: String) -> Bool {
        templates[name] != nil
    }

    /// Every registered template name.
    var names: [String] { templates.keys.sorted() }

    /// The partials template `name` uses.
    func partials(of name: String) -> [String] {
        templates[name]?.partialNames ?? []
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
                    visit(templates[partial]?.nodes ?? [])
                case .text, .variable, .partial: break
                }
            }
        }
        visit(templates[name]?.nodes ?? [])
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

    /// Compiles every source; a template that does not parse, or names a
    /// partial that does not exist, is a programming error.
    init(language: String, sources: [(path: String, name: String, text: String)]) {
        self.language = language
        var templates: [String: Template] = [:]
        var paths: [String: String] = [:]
        for source in sources {
            do {
                templates[source.name] = try Template(source.text, escaping: TemplateEscaping(templateName: source.name))
                paths[source.name] = source.path
            } catch {
                preconditionFailure("template \(source.path) does not parse: \(error)")
            }
        }
        for (name, template) in templates {
            for partial in template.partialNames where templates[partial] == nil {
                preconditionFailure("template \(paths[name]!) uses a missing partial \(partial)")
            }
        }
        self.templates = templates
    }

    /// A shared asset (CSS, a LaTeX preamble) that is not a template.
    static func asset(_ name: String) -> String {
        EmbeddedTemplates.files["shared/\(name)"] ?? ""
    }
}
