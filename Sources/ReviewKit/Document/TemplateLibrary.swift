import Foundation
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

    /// The library of one language (English for an unknown one), parsed
    /// on first use: a command needs one language, and parsing every
    /// language's templates was a fifth of a short run.
    static func forLanguage(_ language: String) -> TemplateLibrary {
        let name = languages.contains(language) ? language : "en"
        return cache.library(name)
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

    private static let cache = Cache()

    private final class Cache: @unchecked Sendable {
        private let lock = NSLock()
        private var libraries: [String: TemplateLibrary] = [:]

        init() {
            MustacheContentTypes.register(TextEscaping.MarkdownContent(), named: "MARKDOWN")
            MustacheContentTypes.register(TextEscaping.LaTeXContent(), named: "LATEX")
        }

        func library(_ language: String) -> TemplateLibrary {
            lock.lock()
            defer { lock.unlock() }
            if let library = libraries[language] { return library }
            let library = TemplateLibrary(language: language)
            libraries[language] = library
            return library
        }
    }

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
