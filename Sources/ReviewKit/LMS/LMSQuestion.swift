import Foundation

/// One worked problem made ready for a learning-management system, in no
/// LMS's format yet: the question as HTML with a placeholder where the
/// answer fields go, the worked solution as HTML (the HTML sheet's body of
/// that problem, with math as `\(…\)` for MathJax), the SVG files both
/// refer to, and every final answer as a numeric field.
///
/// Moodle XML and QTI write these; the wording comes from the sheet's
/// templates, so a `--lang zh` export is Chinese throughout.
struct LMSQuestion: Sendable {
    var id: String
    var topic: String
    var title: String?
    /// HTML; `fieldsMarker` stands where the answer fields belong.
    var questionHTML: String
    /// The question alone, without the answer fields' introduction: what an
    /// essay item (a text-only problem, `concepts` short answer) shows.
    var statementHTML: String
    var solutionHTML: String
    var answers: [NumericAnswer]
    /// Multiple-choice questions (`concepts`), in the export's language:
    /// Moodle writes these as `multichoice` instead of numeric fields.
    var choices: [ChoiceQuestion] = []
    var attachments: [MathJaxHTMLEmbedWriter.Attachment]

    /// Replaced by each format with its answer fields.
    static let fieldsMarker = "\u{E000}review-answer-fields\u{E000}"

    /// `fileBase` is what an image's `src` starts with; attachments are named
    /// `q<n>-figure-<k>.svg` so the files of a whole export never clash.
    init(_ problem: WorkedProblem, number: Int, templates: TemplateLibrary, fileBase: String) {
        id = problem.id
        topic = problem.topic
        title = problem.title
        answers = NumericAnswer.all(problem.answers)
        choices = problem.choices(templates.language)
        let presentation = problem.present(PresentationContext(templates: templates))
        let writer = MathJaxHTMLEmbedWriter(fileBase: fileBase, prefix: "q\(number)-")
        let renderer = DocumentRenderer(writer: writer)
        func html(_ markdown: String) -> String {
            renderer.render(EmbedExtractor.extract(
                markdown, figures: presentation.figures, formulas: presentation.formulas))
        }
        let question = problem.statement.map { html(EmbedToken.strip($0)) } ?? html(OnceBlock.unwrap(presentation.question))
        let intro = html(templates.render("lms/answers-intro").trimmingWhitespace())
        statementHTML = question
        questionHTML = question + intro + Self.fieldsMarker
        solutionHTML = html(OnceBlock.unwrap(presentation.solution))
        attachments = writer.attachments
    }

    /// The question with `fields(answers)` in place of the marker.
    func question(fields: ([NumericAnswer]) -> String) -> String {
        questionHTML.replacingOccurrences(of: Self.fieldsMarker, with: fields(answers))
    }
}
