/// The formats `review` writes. Markdown, HTML and LaTeX are rendered from
/// the same `EmbedDocument` through cmark; JSON is written from the answers
/// and the trace, without any document.
public enum OutputFormat: String, CaseIterable, Sendable {
    case md, html, latex, json

    /// The file extension a sheet in this format gets.
    public var fileExtension: String {
        switch self {
        case .md: "md"
        case .html: "html"
        case .latex: "tex"
        case .json: "json"
        }
    }
}
