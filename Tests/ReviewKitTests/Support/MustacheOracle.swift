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

    /// `context` as swift-mustache reads it (`oracleValue`).
    func render(_ name: String, _ context: TemplateObject) -> String? {
        library.render(TemplateData.object(context).oracleValue, withTemplate: name)
    }
}

/// Our engine over the same kind of sources, for small templates written in a test.
func library(_ templates: [String: String]) -> TemplateLibrary {
    TemplateLibrary(language: "test", sources: templates.sorted { $0.key < $1.key }.map { ($0.key, $0.key, $0.value) })
}

extension TemplateData {
    /// The same data as swift-mustache reads it: `[String: Any]`, `[Any]`,
    /// `String` and `Bool`.
    var oracleValue: Any {
        switch self {
        case .text(let text): text
        case .flag(let flag): flag
        case .list(let items): items.map(\.oracleValue)
        case .object(let object): object.fields.mapValues(\.oracleValue) as [String: Any]
        }
    }
}
