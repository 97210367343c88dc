import Foundation

/// QTI 1.2 (IMS Question & Test Interoperability ASI 1.2, the version
/// Canvas's "QTI .zip file" import reads and its own quiz export writes),
/// written by hand in Canvas's dialect: a `<questestinterop>` with one
/// `<assessment>`, whose root `<section>` holds question groups
/// (`<section>` with `<selection_ordering>`), each holding items.
///
/// Canvas's `numerical_question` takes one number, so a problem becomes
/// one item per final answer (vectors and matrices entry by entry, labelled
/// with the same path as Moodle's fields), each carrying the whole
/// question, so any one item can be answered on its own. The number is
/// checked as Canvas writes an "exact answer with margin": `<varequal>` the
/// value, or between value − tolerance and value + tolerance, with the
/// tolerance of `NumericAnswer` (the Moodle fields' rule). The worked
/// solution is the item's general feedback. A problem without numbers
/// (`concepts`) gives multiple-choice or essay items (`QTIChoiceItems`),
/// built from the same item pieces below.
enum QTIItems {
    /// `<img src>` of a picture: relative to the package root, where the
    /// assessment file lies; `key` keeps problems' pictures apart.
    static func fileBase(_ key: String) -> String { "media/\(key)/" }

    /// One group of items: `select` of them are drawn for each student.
    struct Group {
        var ident: String
        var title: String
        var select: Int
        var items: [String]
    }

    static func assessment(ident: String, title: String, groups: [Group]) -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <questestinterop xmlns="http://www.imsglobal.org/xsd/ims_qtiasiv1p2" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xsi:schemaLocation="http://www.imsglobal.org/xsd/ims_qtiasiv1p2 \
            http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd">
              <assessment ident="\(ident)" title="\(MoodleXML.escape(title))">
                <qtimetadata>
                  <qtimetadatafield><fieldlabel>cc_maxattempts</fieldlabel><fieldentry>1</fieldentry></qtimetadatafield>
                </qtimetadata>
                <section ident="root_section">

            """
        for group in groups {
            xml += "      <section ident=\"\(group.ident)\" title=\"\(MoodleXML.escape(group.title))\">\n"
            xml += "        <selection_ordering><selection><selection_number>\(group.select)</selection_number>"
                + "<selection_extension><points_per_item>1</points_per_item></selection_extension>"
                + "</selection></selection_ordering>\n"
            xml += group.items.joined()
            xml += "      </section>\n"
        }
        return xml + "    </section>\n  </assessment>\n</questestinterop>\n"
    }

    /// The items of one problem: one per final answer, in the order of the
    /// JSON; a `concepts` problem's are multiple-choice or essay items
    /// (`QTIChoiceItems`).
    static func items(_ question: LMSQuestion, ident: String, name: String, templates: TemplateLibrary,
                      solutions: Bool = true) -> [String] {
        if !question.choices.isEmpty || question.answers.isEmpty {
            return QTIChoiceItems.items(question, ident: ident, name: name, solutions: solutions)
        }
        return question.answers.enumerated().map { index, answer in
            let part = templates.render(
                "lms/qti-part.html",
                ["number": .text(index + 1), "count": .text(question.answers.count), "path": .text(answer.path)])
            let stem = question.question { _ in part }
            return item(
                ident: "\(ident)_\(index + 1)", title: "\(name) · \(answer.path)", stem: stem, answer: answer,
                feedback: solutions ? question.solutionHTML : nil)
        }
    }

    private static func item(ident: String, title: String, stem: String, answer: NumericAnswer, feedback: String?)
        -> String
    {
        let value = NumericAnswer.text(answer.value)
        var condition = "<varequal respident=\"response1\">\(value)</varequal>"
        if answer.tolerance > 0 {
            condition = "<or>\(condition)<and>"
                + "<vargte respident=\"response1\">\(NumericAnswer.text(answer.value - answer.tolerance))</vargte>"
                + "<varlte respident=\"response1\">\(NumericAnswer.text(answer.value + answer.tolerance))</varlte>"
                + "</and></or>"
        }
        var xml = itemStart(ident: ident, title: title, type: "numerical_question", fields: [
            ("review_answer_path", answer.path), ("review_tolerance", NumericAnswer.text(answer.tolerance)),
        ])
        xml += "          <presentation>\n"
        xml += "            <material><mattext texttype=\"text/html\">\(MoodleXML.escape(stem))</mattext></material>\n"
        xml += "            <response_str ident=\"response1\" rcardinality=\"Single\">"
            + "<render_fib fibtype=\"Decimal\"><response_label ident=\"answer1\"/></render_fib></response_str>\n"
        xml += "          </presentation>\n"
        xml += processingStart(feedback: feedback != nil)
        xml += score(condition)
        xml += "          </resprocessing>\n"
        if let feedback { xml += itemFeedback(generalFeedback, feedback) }
        return xml + "        </item>\n"
    }

    // MARK: Pieces every item type shares (Canvas's own export's layout)

    /// The id of an item's general feedback, shown whatever the answer.
    static let generalFeedback = "general_fb"

    /// `<item>` and its metadata: the Canvas question type, one point, and `fields`.
    static func itemStart(ident: String, title: String, type: String, fields: [(String, String)]) -> String {
        var xml = "        <item ident=\"\(ident)\" title=\"\(MoodleXML.escape(title))\">\n"
        xml += "          <itemmetadata><qtimetadata>\n"
        xml += field("question_type", type)
        xml += field("points_possible", "1.0")
        for (label, entry) in fields { xml += field(label, entry) }
        xml += "          </qtimetadata></itemmetadata>\n"
        return xml
    }

    /// `<resprocessing>` up to its conditions: the SCORE variable and, with
    /// `feedback`, the condition that always shows the general feedback.
    static func processingStart(feedback: Bool) -> String {
        var xml = "          <resprocessing>\n"
        xml += "            <outcomes><decvar maxvalue=\"100\" minvalue=\"0\" varname=\"SCORE\" vartype=\"Decimal\"/></outcomes>\n"
        if feedback {
            xml += "            <respcondition continue=\"Yes\"><conditionvar><other/></conditionvar>"
                + "<displayfeedback feedbacktype=\"Response\" linkrefid=\"\(generalFeedback)\"/></respcondition>\n"
        }
        return xml
    }

    /// The condition that gives full marks.
    static func score(_ condition: String) -> String {
        "            <respcondition continue=\"No\"><conditionvar>\(condition)</conditionvar>"
            + "<setvar action=\"Set\" varname=\"SCORE\">100</setvar></respcondition>\n"
    }

    /// An `<itemfeedback>` holding `html`.
    static func itemFeedback(_ ident: String, _ html: String) -> String {
        "          <itemfeedback ident=\"\(ident)\"><flow_mat><material>"
            + "<mattext texttype=\"text/html\">\(MoodleXML.escape(html))</mattext></material></flow_mat></itemfeedback>\n"
    }

    private static func field(_ label: String, _ entry: String) -> String {
        "            <qtimetadatafield><fieldlabel>\(label)</fieldlabel>"
            + "<fieldentry>\(MoodleXML.escape(entry))</fieldentry></qtimetadatafield>\n"
    }

    /// `imsmanifest.xml`: the assessment as an `imsqti_xmlv1p2` resource,
    /// the pictures as `webcontent` it depends on.
    static func manifest(ident: String, assessment: String, media: [String]) -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <manifest identifier="\(ident)_manifest" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 http://www.imsglobal.org/xsd/imscp_v1p1.xsd">
              <metadata>
                <schema>IMS Content</schema>
                <schemaversion>1.1.3</schemaversion>
              </metadata>
              <organizations/>
              <resources>
                <resource identifier="\(ident)" type="imsqti_xmlv1p2" href="\(assessment)">
                  <file href="\(assessment)"/>

            """
        if !media.isEmpty { xml += "      <dependency identifierref=\"\(ident)_media\"/>\n" }
        xml += "    </resource>\n"
        if !media.isEmpty {
            xml += "    <resource identifier=\"\(ident)_media\" type=\"webcontent\" href=\"\(MoodleXML.escape(media[0]))\">\n"
            for file in media { xml += "      <file href=\"\(MoodleXML.escape(file))\"/>\n" }
            xml += "    </resource>\n"
        }
        return xml + "  </resources>\n</manifest>\n"
    }
}
