import Mustache
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
struct TemplateLibrary: Sendable {
    let language: String
    private let library: MustacheLibrary

    /// Every language that has a folder of templates.
    static let languages: [String] = {
        let folders = Set(EmbeddedTemplates.files.keys.compactMap { $0.split(separator: "/").first.map(String.init) })
        return folders.subtracting(["shared"]).sorted()
    }()

    static func forLanguage(_ language: String) -> TemplateLibrary {
        libraries[language] ?? libraries["en"]!
    }

    func render(_ name: String, _ context: Any) -> String {
        guard let text = library.render(context, withTemplate: name) else {
            preconditionFailure("missing template \(language)/\(name)")
        }
        return text
    }

    func has(_ name: String) -> Bool {
        library.getTemplate(named: name) != nil
    }

    // MARK: Loading

    private static let libraries: [String: TemplateLibrary] = {
        MustacheContentTypes.register(TextEscaping.MarkdownContent(), named: "MARKDOWN")
        MustacheContentTypes.register(TextEscaping.LaTeXContent(), named: "LATEX")
        var result: [String: TemplateLibrary] = [:]
        for language in languages {
            result[language] = TemplateLibrary(language: language)
        }
        return result
    }()

    private init(language: String) {
        self.language = language
        var library = MustacheLibrary()
        // Shared templates first, so a language may override one (its own page shell).
        let paths = EmbeddedTemplates.files.keys.filter { $0.hasSuffix(".mustache") }
            .sorted { ($0.hasPrefix("shared/") ? 0 : 1, $0) < ($1.hasPrefix("shared/") ? 0 : 1, $1) }
        for path in paths {
            let text = EmbeddedTemplates.files[path]!
            let parts = path.split(separator: "/", maxSplits: 1).map(String.init)
            guard parts.count == 2, parts[0] == language || parts[0] == "shared" else { continue }
            let name = String(parts[1].dropLast(".mustache".count))
            let contentType = name.hasSuffix(".html") ? "HTML" : name.hasSuffix(".tex") ? "LATEX" : "MARKDOWN"
            do {
                try library.register("{{% CONTENT_TYPE: \(contentType)}}" + text, named: name)
            } catch {
                preconditionFailure("template \(path) does not parse: \(error)")
            }
        }
        self.library = library
    }

    /// A shared asset (CSS, a LaTeX preamble) that is not a template.
    static func asset(_ name: String) -> String {
        EmbeddedTemplates.files["shared/\(name)"] ?? ""
    }
}
