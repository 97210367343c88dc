/// Renders a page written as Markdown (with `$…$` math and pipe tables) in
/// one format, the way `Sheet` does: embeds out, cmark, embeds back, page
/// shell. The answer key and the index page are written this way, so their
/// wording stays in templates and every format comes for free.
struct MarkdownPage {
    let templates: TemplateLibrary

    func render(_ markdown: String, title: String, format: OutputFormat) -> String {
        let document = EmbedExtractor.extract(markdown)
        let body = DocumentRenderer(format: format).render(document)
        return PageShell(format: format, templates: templates).wrap(body, title: title)
    }

    /// A template rendered as one line of plain text (titles, the summary).
    func line(_ template: String, _ context: TemplateObject) -> String {
        templates.render(template, context).trimmingWhitespace()
    }

}
