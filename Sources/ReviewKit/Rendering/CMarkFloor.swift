/// The speed floor for the benchmark: what cmark alone takes to turn a
/// finished Markdown sheet into the same format. Nothing in `review` can be
/// faster than this, so the benchmark reports the whole pipeline as a
/// multiple of it.
public enum CMarkFloor {
    public static func render(_ markdown: String, as format: OutputFormat) -> String {
        let renderer: CMark.Renderer
        switch format {
        case .md, .json: renderer = .commonmark
        case .html: renderer = .html
        case .latex: renderer = .latex
        }
        return CMark.render(markdown, as: renderer) { _ in .init(literal: "", isBlock: false) }
    }
}
