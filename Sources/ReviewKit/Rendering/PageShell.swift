/// Wraps a rendered body into a complete file: a self-contained HTML page
/// (CSS inline, math as MathML, no scripts, no network) or a LaTeX document
/// that compiles with xelatex whatever its text, and with pdflatex when its
/// text is Latin (one preamble for both: `templates/shared/page.tex.mustache`).
/// Markdown needs no shell.
struct PageShell {
    let format: OutputFormat
    let templates: TemplateLibrary
    /// A practice page: the checking script and its words go in.
    var practice = false

    func wrap(_ body: String, title: String) -> String {
        switch format {
        case .html:
            return templates.render(
                "page.html",
                [
                    "title": title, "lang": templates.language, "body": body,
                    "style": TemplateLibrary.asset("style.css"),
                    "practice": practice,
                    "words": practice ? PracticeFormHTML.scriptSafe(PracticeWords(templates: templates).json) : "",
                    "script": practice ? TemplateLibrary.asset("practice.js") : "",
                ])
        case .latex:
            return templates.render("page.tex", ["title": title, "body": body])
        case .md, .json:
            return body
        }
    }
}
