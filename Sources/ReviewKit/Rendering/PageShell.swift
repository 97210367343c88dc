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
    /// The answer key: the LaTeX preamble defines its two-column `answerkey`
    /// environment (with `multicol`).
    var columns = false

    func wrap(_ body: String, title: String) -> String {
        switch format {
        case .html:
            return templates.render(
                "page.html",
                [
                    "title": .text(title), "lang": .text(templates.language), "body": .text(body),
                    "style": .text(TemplateLibrary.asset("style.css")),
                    "practice": .flag(practice),
                    "words": .text(practice ? PracticeFormHTML.scriptSafe(PracticeWords(templates: templates).json) : ""),
                    "script": .text(practice ? TemplateLibrary.asset("practice.js") : ""),
                ])
        case .latex:
            return templates.render("page.tex", ["title": .text(title), "body": .text(body), "columns": .flag(columns)])
        case .md, .json:
            return body
        }
    }
}
