import Mustache
@testable import ReviewKit

/// swift-mustache set up exactly as review used it before it had its own
/// engine: each template registered with a `CONTENT_TYPE` pragma chosen by
/// its inner extension, Markdown and LaTeX escaping registered as content
/// types. What it renders is what our engine must render.
struct MustacheOracle {
    private let library: MustacheLibrary

    private struct MarkdownContent: MustacheContentType {
        func escapeText(_ text: String) -> String { TextEscaping.markdown(text) }
    }

    private struct LaTeXContent: MustacheContentType {
        func escapeText(_ text: String) -> String { TextEscaping.latex(text) }
    }

    init(sources: [(path: String, name: String, text: String)]) throws {
        MustacheContentTypes.register(MarkdownContent(), named: "MARKDOWN")
        MustacheContentTypes.register(LaTeXContent(), named: "LATEX")
        var library = MustacheLibrary()
        for source in sources {
            let type = source.name.hasSuffix(".html") ? "HTML" : source.name.hasSuffix(".tex") ? "LATEX" : "MARKDOWN"
            try library.register("{{% CONTENT_TYPE: \(type)}}" + source.text, named: source.name)
        }
        self.library = library
    }

    /// The templates of one language, as `TemplateLibrary` finds them.
    init(language: String) throws {
        try self.init(sources: TemplateLibrary.sources(language))
    }

    func render(_ name: String, _ context: Any) -> String? {
        library.render(Self.plain(context), withTemplate: name)
    }

    /// A typed context (`TemplateData`) as the plain values swift-mustache reads.
    static func plain(_ value: Any) -> Any {
        if let object = value as? TemplateObject { return object.fields.mapValues { plain($0) as Any } }
        guard let data = value as? TemplateData else { return value }
        switch data {
        case .text(let text): return text
        case .flag(let flag): return flag
        case .list(let items): return items.map { plain($0) }
        case .object(let object): return plain(object)
        }
    }
}

/// Our engine over the same kind of sources, for small templates written in a test.
func library(_ templates: [String: String]) -> TemplateLibrary {
    TemplateLibrary(language: "test", sources: templates.sorted { $0.key < $1.key }.map { ($0.key, $0.key, $0.value) })
}
