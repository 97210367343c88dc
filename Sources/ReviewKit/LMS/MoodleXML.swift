import Foundation

/// Moodle XML (the question bank's import format, `<quiz>` of
/// `<question>`s; read by Moodle 2.x to 4.x), written by hand: each problem
/// is one Embedded Answers (Cloze) question, `type="cloze"`, whose question
/// text carries one `{1:NUMERICAL:=value:tolerance}` field per final answer
/// (vectors and matrices entry by entry, each labelled with its answer path),
/// and whose general feedback is the worked solution. Text goes in CDATA
/// (a `]]>` inside is split across two sections); pictures travel as base64
/// `<file>`s referred to as `@@PLUGINFILE@@/name`.
public enum MoodleXML {
    static let fileBase = "@@PLUGINFILE@@/"

    static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n"
    static let footer = "</quiz>\n"

    /// A whole document for `review gen/solve --format moodle`: the
    /// problems' questions, with no category (Moodle files them under the
    /// category picked on import).
    /// Without `solutions` the questions carry no general feedback.
    public static func document(_ problems: [WorkedProblem], language: String, solutions: Bool = true) -> String {
        let templates = TemplateLibrary.forLanguage(language)
        var xml = header
        for (index, problem) in problems.enumerated() {
            let question = LMSQuestion(problem, number: index + 1, templates: templates, fileBase: fileBase)
            let name = problem.title.map { "\(problem.id) · \($0)" } ?? problem.id
            xml += self.question(question, name: name, solutions: solutions)
        }
        return xml + footer
    }

    /// `<question type="category">`: the questions after it go into
    /// `path` (parts joined by `/`, a `/` inside a part doubled, as Moodle
    /// writes them), under the course's default category.
    static func category(_ parts: [String]) -> String {
        let path = (["$course$"] + parts.map { $0.replacingOccurrences(of: "/", with: "//") }).joined(separator: "/")
        return "  <question type=\"category\">\n    <category>\n      <text>\(escape(path))</text>\n    </category>\n  </question>\n"
    }

    /// One Cloze question, or a `multichoice` one for a problem that asks
    /// multiple-choice questions, or an `essay` one for a problem with no
    /// number to enter (`MoodleChoice`).
    static func question(_ question: LMSQuestion, name: String, solutions: Bool = true) -> String {
        if !question.choices.isEmpty { return MoodleChoice.question(question, name: name, solutions: solutions) }
        if question.answers.isEmpty { return MoodleChoice.essay(question, name: name, solutions: solutions) }
        let text = question.question(fields: fields)
        return envelope(
            type: "cloze", name: name, id: question.id, text: text, feedback: solutions ? question.solutionHTML : "",
            attachments: question.attachments, penalty: "0.3333333")
    }

    /// A `<question>` of `type` as every type writes it: the name, the
    /// question text and the general feedback (each with the attachments it
    /// refers to), the grading (`defaultgrade` only where asked), the id,
    /// then `body`, the type's own elements.
    static func envelope(
        type: String, name: String, id: String, text: String, feedback: String,
        attachments: [MathJaxHTMLEmbedWriter.Attachment] = [], defaultGrade: Bool = false, penalty: String,
        body: String = ""
    ) -> String {
        var xml = "  <question type=\"\(type)\">\n"
        xml += "    <name>\n      <text>\(escape(name))</text>\n    </name>\n"
        xml += "    <questiontext format=\"html\">\n      <text>\(cdata(text))</text>\n"
        xml += files(attachments, in: text)
        xml += "    </questiontext>\n"
        xml += "    <generalfeedback format=\"html\">\n      <text>\(cdata(feedback))</text>\n"
        xml += files(attachments, in: feedback)
        xml += "    </generalfeedback>\n"
        if defaultGrade { xml += "    <defaultgrade>1</defaultgrade>\n" }
        xml += "    <penalty>\(penalty)</penalty>\n    <hidden>0</hidden>\n"
        xml += "    <idnumber>\(escape(id))</idnumber>\n"
        return xml + body + "  </question>\n"
    }

    /// The answer fields as a two-column table: the path, then the field.
    static func fields(_ answers: [NumericAnswer]) -> String {
        var html = "<table style=\"border-collapse:collapse\">\n<tbody>\n"
        for answer in answers {
            let field = "{1:NUMERICAL:=\(NumericAnswer.text(answer.value)):\(NumericAnswer.text(answer.tolerance))}"
            html += "<tr><td style=\"padding:2px 8px\"><code>\(TextEscaping.html(answer.path))</code></td>"
                + "<td style=\"padding:2px 8px\">\(field)</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    /// The attachments `html` refers to, as `<file>` elements.
    private static func files(_ attachments: [MathJaxHTMLEmbedWriter.Attachment], in html: String) -> String {
        attachments.filter { html.contains(fileBase + $0.name) }.map {
            "      <file name=\"\(escape($0.name))\" path=\"/\" encoding=\"base64\">"
                + Data(XMLText.clean($0.svg).utf8).base64EncodedString() + "</file>\n"
        }.joined()
    }

    /// `text` as CDATA sections: `]]>` cannot appear inside one, so it is
    /// split between two (`]]` ends the first, `>` starts the next).
    static func cdata(_ text: String) -> String {
        "<![CDATA[" + XMLText.clean(text).replacingOccurrences(of: "]]>", with: "]]]]><![CDATA[>") + "]]>"
    }

    /// Text content with `&`, `<`, `>` and quotes escaped.
    static func escape(_ text: String) -> String {
        TextEscaping.html(XMLText.clean(text))
    }
}

/// XML 1.0 allows no control characters but tab, newline and carriage
/// return, not even in CDATA, and no U+FFFE/U+FFFF: a problem file's
/// statement could hold one, so each becomes U+FFFD, and the document stays
/// well formed.
enum XMLText {
    static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isForbidden) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            out.append(isForbidden(scalar) ? "\u{FFFD}" : scalar)
        }
        return String(out)
    }

    private static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0..<0x20, 0xFFFE, 0xFFFF: true
        default: false
        }
    }
}
