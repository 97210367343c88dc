/// Moodle XML for multiple-choice problems (`concepts`): one item is a
/// `<question type="multichoice">` with one `<answer>` per option (fraction
/// 100 for the right one, 0 for the others) and the option's explanation as
/// its per-answer feedback; options keep the sheet's order and letters
/// (`shuffleanswers` off, `answernumbering` ABCD). A problem asking several
/// items becomes one Cloze question with a `MULTICHOICE` field per item,
/// each option with its feedback after `#`. A short-answer problem is an
/// `essay` question with the key points as the grader's information.
enum MoodleChoice {
    static func question(_ question: LMSQuestion, name: String, solutions: Bool) -> String {
        let feedback = solutions ? question.solutionHTML : ""
        guard question.choices.count == 1 else { return cloze(question, name: name, feedback: feedback) }
        let choice = question.choices[0]
        var body = "    <single>true</single>\n    <shuffleanswers>false</shuffleanswers>\n"
        body += "    <answernumbering>ABCD</answernumbering>\n"
        for option in choice.options {
            body += "    <answer fraction=\"\(option.isRight ? 100 : 0)\" format=\"html\">\n"
            body += "      <text>\(MoodleXML.cdata(TextEscaping.html(option.text)))</text>\n"
            body += "      <feedback format=\"html\">\n        <text>\(MoodleXML.cdata(TextEscaping.html(option.explanation)))</text>\n"
            body += "      </feedback>\n    </answer>\n"
        }
        return MoodleXML.envelope(
            type: "multichoice", name: name, id: question.id, text: paragraph(choice.prompt), feedback: feedback,
            defaultGrade: true, penalty: "0.3333333", body: body)
    }

    /// Several items: a Cloze question, each item's prompt then its field.
    private static func cloze(_ question: LMSQuestion, name: String, feedback: String) -> String {
        var text = ""
        for choice in question.choices {
            let options = choice.options.map { option in
                (option.isRight ? "=" : "") + escape(option.text) + "#" + escape(option.explanation)
            }
            text += paragraph(choice.prompt) + "<p>{1:MULTICHOICE_V:" + options.joined(separator: "~") + "}</p>\n"
        }
        return MoodleXML.envelope(
            type: "cloze", name: name, id: question.id, text: text, feedback: feedback, penalty: "0.3333333")
    }

    /// A problem with nothing to enter or choose (`concepts` short answer):
    /// an `essay` question showing the question, whose grader information
    /// and general feedback are the solution (model answer and key points).
    static func essay(_ question: LMSQuestion, name: String, solutions: Bool) -> String {
        let feedback = solutions ? question.solutionHTML : ""
        var body = "    <responseformat>editor</responseformat>\n    <responserequired>1</responserequired>\n"
        body += "    <responsefieldlines>10</responsefieldlines>\n    <attachments>0</attachments>\n"
        body += "    <graderinfo format=\"html\">\n      <text>\(MoodleXML.cdata(feedback))</text>\n    </graderinfo>\n"
        body += "    <responsetemplate format=\"html\">\n      <text></text>\n    </responsetemplate>\n"
        return MoodleXML.envelope(
            type: "essay", name: name, id: question.id, text: question.statementHTML, feedback: feedback,
            defaultGrade: true, penalty: "0", body: body)
    }

    private static func paragraph(_ text: String) -> String {
        "<p>" + TextEscaping.html(text) + "</p>"
    }

    /// Text inside a Cloze field: `}`, `#`, `~`, `/`, `"` and `\` are
    /// escaped with a backslash, as Moodle's Cloze syntax asks; HTML
    /// special characters are escaped as in the rest of the question.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in TextEscaping.html(text) {
            if "}#~/\"\\".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
