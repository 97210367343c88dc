/// The graders' answer key: every student's final answers in one compact
/// table (a row per problem, the student named on their first row), in
/// each requested format; in JSON with full precision.
enum AnswerKey {
    static func render(_ handout: Handout, _ packets: [StudentRecord], format: OutputFormat, page: MarkdownPage)
        -> String
    {
        if format == .json { return json(handout, packets) }
        var rows: [[String: Any]] = []
        for packet in packets {
            for (index, item) in packet.problems.enumerated() {
                var row: [String: Any] = [
                    "problem": index + 1,
                    "section": item.section.title ?? page.templates.topicTitle(item.topic),
                    "answers": AnswerSummary.short(item.answers),
                ]
                if index == 0 {
                    row["first"] = true
                    row["number"] = packet.student.paddedNumber
                    row["variant"] = String(packet.variant)
                    if let name = packet.student.name { row["name"] = name }
                    if let id = packet.student.shownID { row["id"] = id }
                }
                rows.append(row)
            }
        }
        let context: [String: Any] = [
            "title": handout.title, "seed": String(handout.seed), "generator": ReviewVersion.generator,
            "students": packets.count, "pluralStudents": packets.count != 1,
            "problems": handout.problemsPerStudent, "pluralProblems": handout.problemsPerStudent != 1,
            "rows": rows,
        ]
        return page.render(
            page.templates.render("handout/answer-key", context),
            title: page.line("handout/answer-key-title", ["title": handout.title]), format: format)
    }

    /// `{"generator", "title", "seed", "students": [{…, "results": [{"id", "topic", "answers"}]}]}`:
    /// the answers exactly as `review solve <folder>/problems.json --format json` gives them.
    static func json(_ handout: Handout, _ packets: [StudentRecord]) -> String {
        let students: [JSONValue] = packets.map { packet in
            guard case .object(var members) = packet.student.json().kind else { return .null }
            members.append(Member(key: "variant", value: .number(Int(packet.variant))))
            let results: [JSONValue] = packet.problems.map { item in
                .object([
                    ("section", .number(item.section.number)), ("id", .string(item.id)),
                    ("topic", .string(item.topic)), ("answers", item.answers),
                ])
            }
            members.append(Member(key: "results", value: .array(results)))
            return JSONValue(.object(members))
        }
        return JSONWriter.pretty(.object([
            ("generator", .string(ReviewVersion.generator)), ("title", .string(handout.title)),
            ("seed", .number(Int(handout.seed))), ("students", .array(students)),
        ])) + "\n"
    }
}
