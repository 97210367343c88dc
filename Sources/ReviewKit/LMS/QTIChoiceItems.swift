/// QTI 1.2 items of a problem without numbers (`concepts`), in Canvas's
/// dialect as its own quiz export writes them:
///
/// - each multiple-choice question is a `multiple_choice_question`: a
///   `<response_lid>` whose `<render_choice>` holds one `<response_label>`
///   per option in the sheet's order (idents `A`, `B` … so the letters stay
///   the sheet's; `shuffle="No"`), the right option's `<varequal>` setting
///   SCORE to 100, and each wrong option's reason as an `<itemfeedback>`
///   (`B_fb`) shown when it is chosen. A problem asking several questions
///   gives one item per question, titled with its answer path (`choice[1]`).
/// - a short-answer problem is one `essay_question` showing the question
///   (titled and labelled `key_points`, the JSON answer it stands for);
///   its general feedback is the solution sheet's text (model answer and the
///   key points a grader looks for), Canvas's place for a grader's guide.
///
/// The worked solution is every item's general feedback, as for numeric items.
enum QTIChoiceItems {
    static func items(_ question: LMSQuestion, ident: String, name: String, solutions: Bool) -> [String] {
        let feedback = solutions ? question.solutionHTML : nil
        guard !question.choices.isEmpty else {
            return [essay(ident: "\(ident)_1", title: "\(name) · \(essayPath)", stem: question.statementHTML,
                          feedback: feedback)]
        }
        return question.choices.enumerated().map { index, choice in
            self.choice(
                choice, ident: "\(ident)_\(index + 1)", title: "\(name) · \(choice.path)", feedback: feedback,
                reasons: solutions)
        }
    }

    private static func choice(_ choice: ChoiceQuestion, ident: String, title: String, feedback: String?,
                               reasons: Bool) -> String
    {
        let wrong = reasons ? choice.options.filter { !$0.isRight } : []
        var xml = QTIItems.itemStart(ident: ident, title: title, type: "multiple_choice_question", fields: [
            ("review_answer_path", choice.path),
            ("original_answer_ids", choice.options.map(\.letter).joined(separator: ",")),
        ])
        xml += "          <presentation>\n"
        xml += "            <material><mattext texttype=\"text/html\">"
            + "\(MoodleXML.escape("<p>" + TextEscaping.html(choice.prompt) + "</p>"))</mattext></material>\n"
        xml += "            <response_lid ident=\"response1\" rcardinality=\"Single\"><render_choice shuffle=\"No\">\n"
        for option in choice.options {
            xml += "              <response_label ident=\"\(option.letter)\"><material>"
                + "<mattext texttype=\"text/plain\">\(MoodleXML.escape(option.text))</mattext></material></response_label>\n"
        }
        xml += "            </render_choice></response_lid>\n"
        xml += "          </presentation>\n"
        xml += QTIItems.processingStart(feedback: feedback != nil)
        for option in wrong {
            xml += "            <respcondition continue=\"Yes\"><conditionvar>"
                + "<varequal respident=\"response1\">\(option.letter)</varequal></conditionvar>"
                + "<displayfeedback feedbacktype=\"Response\" linkrefid=\"\(option.letter)_fb\"/></respcondition>\n"
        }
        xml += QTIItems.score("<varequal respident=\"response1\">\(choice.right.letter)</varequal>")
        xml += "          </resprocessing>\n"
        if let feedback { xml += QTIItems.itemFeedback(QTIItems.generalFeedback, feedback) }
        for option in wrong {
            xml += QTIItems.itemFeedback("\(option.letter)_fb", "<p>" + TextEscaping.html(option.explanation) + "</p>")
        }
        return xml + "        </item>\n"
    }

    /// What an essay item's title ends with and its `review_answer_path`
    /// says: the JSON answer it stands for (`key_points`).
    static let essayPath = "key_points"

    private static func essay(ident: String, title: String, stem: String, feedback: String?) -> String {
        var xml = QTIItems.itemStart(
            ident: ident, title: title, type: "essay_question", fields: [("review_answer_path", essayPath)])
        xml += "          <presentation>\n"
        xml += "            <material><mattext texttype=\"text/html\">\(MoodleXML.escape(stem))</mattext></material>\n"
        xml += "            <response_str ident=\"response1\" rcardinality=\"Single\">"
            + "<render_fib><response_label ident=\"answer1\" rshuffle=\"No\"/></render_fib></response_str>\n"
        xml += "          </presentation>\n"
        xml += QTIItems.processingStart(feedback: feedback != nil)
        xml += "            <respcondition continue=\"No\"><conditionvar><other/></conditionvar></respcondition>\n"
        xml += "          </resprocessing>\n"
        if let feedback { xml += QTIItems.itemFeedback(QTIItems.generalFeedback, feedback) }
        return xml + "        </item>\n"
    }
}
