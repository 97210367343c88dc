/// The graders' answer key: every student's final answers in one compact
/// table (a row per problem, the student named on their first row), in
/// each requested format; in JSON with full precision.
enum AnswerKey {
    /// Students per table: a key for a whole year is written a table at a
    /// time (the header repeats), never held in memory whole. A class of up
    /// to this many gets one table.
    static let studentsPerTable = 100

    /// Writes the key in `format`, a piece at a time, to `emit`.
    static func write(
        _ handout: Handout, _ records: [StudentRecord], format: OutputFormat, page: MarkdownPage,
        to emit: (String) throws -> Void
    ) throws {
        if format == .json { return try writeJSON(handout, records, to: emit) }
        let marker = "\u{E000}answer-key-body\u{E000}"
        let shell = PageShell(format: format, templates: page.templates)
            .wrap(marker, title: page.line("handout/answer-key-title", ["title": .text(handout.title)]))
        guard let body = shell.range(of: marker) else { return }
        try emit(String(shell[..<body.lowerBound]))
        for start in stride(from: 0, to: records.count, by: studentsPerTable) {
            let part = Array(records[start..<min(start + studentsPerTable, records.count)])
            var markdown = page.templates.render("handout/answer-key", context(handout, records.count, part, page))
            if start > 0, let table = markdown.range(of: "\n|") {
                markdown = String(markdown[markdown.index(after: table.lowerBound)...])  // the table alone
            }
            try emit(DocumentRenderer(format: format).render(IslandExtractor.extract(markdown)))
        }
        try emit(String(shell[body.upperBound...]))
    }

    private static func context(_ handout: Handout, _ students: Int, _ part: [StudentRecord], _ page: MarkdownPage)
        -> TemplateObject
    {
        var rows: [TemplateObject] = []
        for packet in part {
            for (index, item) in packet.problems.enumerated() {
                var row: TemplateObject = [
                    "problem": .text(index + 1),
                    "section": .text(item.sectionTitle ?? page.templates.topicTitle(item.topic)),
                    "answers": .text(item.summary),
                ]
                if index == 0 {
                    row["first"] = true
                    row["number"] = .text(packet.student.paddedNumber)
                    row["variant"] = .text(String(packet.variant))
                    row["code"] = .text(packet.code.description)
                    if let name = packet.student.name { row["name"] = .text(name) }
                    if let id = packet.student.shownID { row["id"] = .text(id) }
                }
                rows.append(row)
            }
        }
        return [
            "title": .text(handout.title), "seed": .text(String(handout.seed)), "generator": .text(ReviewVersion.generator),
            "students": .text(students), "pluralStudents": .flag(students != 1),
            "problems": .text(handout.problemsPerStudent), "pluralProblems": .flag(handout.problemsPerStudent != 1),
            "rows": .objects(rows),
        ]
    }

    /// `{"generator", "title", "seed", "students": [{…, "variant", "code", "results": [{"section", "id", "topic", "answers"}]}]}`:
    /// the answers exactly as `review solve <folder>/problems.json --format json` gives them.
    /// Written student by student, byte for byte as `JSONWriter.pretty` writes the whole.
    private static func writeJSON(_ handout: Handout, _ records: [StudentRecord], to emit: (String) throws -> Void)
        throws
    {
        let marker = "\u{E000}"
        let shell = JSONWriter.pretty(.object([
            ("generator", .string(ReviewVersion.generator)), ("title", .string(handout.title)),
            ("seed", .number(Int(handout.seed))), ("students", .string(marker)),
        ])) + "\n"
        guard let students = shell.range(of: JSONWriter.quote(marker)) else { return }
        try emit(String(shell[..<students.lowerBound]) + "[\n")
        for (index, record) in records.enumerated() {
            let student = JSONWriter.pretty(json(record), indent: "    ")
            try emit("    " + student + (index + 1 < records.count ? ",\n" : "\n"))
        }
        try emit("  ]" + String(shell[students.upperBound...]))
    }

    private static func json(_ packet: StudentRecord) -> JSONValue {
        guard case .object(var members) = packet.student.json().kind else { return .null }
        members.append(Member(key: "variant", value: .number(Int(packet.variant))))
        members.append(Member(key: "code", value: .string(packet.code.description)))
        let results: [JSONValue] = packet.problems.map { item in
            .object([
                ("section", .number(item.section)), ("id", .string(item.id)),
                ("topic", .string(item.topic)), ("answers", item.answers),
            ])
        }
        members.append(Member(key: "results", value: .array(results)))
        return JSONValue(.object(members))
    }
}
