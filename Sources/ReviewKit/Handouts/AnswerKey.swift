/// The graders' answer key: every student's final answers, a block per
/// student (their number, name and variant code, then one line per problem
/// with the answers its topic declares final, `Topic.finalAnswers`, set as
/// math: matrices as matrices, conv shapes as H × W × C; `AnswerMath`), in
/// each requested format, two columns in print; in JSON every answer with
/// full precision (that file is a contract and does not change). A legend
/// above the blocks names the sections once and gives the fixed sections'
/// problems (the same for everyone) once, so 30 students' keys print on at
/// most 3 pages.
enum AnswerKey {
    /// Students per piece: a key for a whole year is written a piece at a
    /// time, never held in memory whole.
    static let studentsPerTable = 100

    /// Writes the key in `format`, a piece at a time, to `emit`.
    static func write(
        _ handout: Handout, _ records: [StudentRecord], format: OutputFormat, page: MarkdownPage,
        to emit: (String) throws -> Void
    ) throws {
        if format == .json { return try writeJSON(handout, records, to: emit) }
        let marker = "\u{E000}answer-key-body\u{E000}"
        var pageShell = PageShell(format: format, templates: page.templates)
        pageShell.columns = true
        let shell = pageShell.wrap(marker, title: page.line("handout/answer-key-title", ["title": .text(handout.title)]))
        guard let body = shell.range(of: marker) else { return }
        try emit(String(shell[..<body.lowerBound]))
        let shared = sharedProblems(handout)
        for start in stride(from: 0, to: records.count, by: studentsPerTable) {
            let part = Array(records[start..<min(start + studentsPerTable, records.count)])
            var sections: [Section] = []
            var context = context(handout, records.count, part, page, skipping: shared, sections: &sections)
            context["head"] = .flag(start == 0)
            if start == 0, let first = records.first {
                let rows = shared.sorted().filter { $0 < first.problems.count }
                context["shared"] = .objects(rows.map { row(first.problems[$0], number: $0 + 1) })
                context["hasShared"] = .flag(!shared.isEmpty)
            }
            let markdown = page.templates.render("handout/answer-key", context)
            let document = EmbedExtractor.extract(markdown, sections: sections)
            try emit(DocumentRenderer(format: format, templates: page.templates).render(document))
        }
        try emit(String(shell[body.upperBound...]))
    }

    /// The problems of fixed sections (a classic from the course notes):
    /// every student has them, with the same answers, so the key gives them
    /// once above the blocks, for a whole build and for `review key` alike.
    static func sharedProblems(_ handout: Handout) -> Set<Int> {
        var shared = Set<Int>(), first = 0
        for section in handout.sections {
            if case .fixed = section.content { shared.formUnion(first..<first + section.problemCount) }
            first += section.problemCount
        }
        return shared
    }

    /// One problem's line: its number and its final answers as math.
    private static func row(_ item: StudentRecord.Answered, number: Int) -> TemplateObject {
        let items = AnswerMath.finalItems(item.answers, topic: item.topic)
        return [
            "problem": .text(number),
            "items": .objects(items.enumerated().map { k, answer in
                ["math": .text(AnswerMath.equation(answer)), "last": .flag(k == items.count - 1)]
            }),
        ]
    }

    private static func context(
        _ handout: Handout, _ students: Int, _ part: [StudentRecord], _ page: MarkdownPage,
        skipping shared: Set<Int>, sections: inout [Section]
    ) -> TemplateObject {
        func marker(_ section: Section) -> String {
            sections.append(section)
            return SectionMarker.make(sections.count - 1)
        }
        let bodyOpen = marker(.keyBodyStart)
        let blocks: [TemplateObject] = part.map { packet in
            var block: TemplateObject = [
                "number": .text(packet.student.paddedNumber),
                "code": .text(packet.code.description),
                "open": .text(marker(.keyStudentStart)),
            ]
            var who: TemplateObject = [:]
            if let name = packet.student.name { who["name"] = .text(name) }
            if let id = packet.student.shownID { who["id"] = .text(id) }
            let shown = page.line("handout/student-name", who)
            if !shown.isEmpty { block["who"] = .text(shown) }
            block["rows"] = .objects(packet.problems.enumerated().compactMap { index, item in
                shared.contains(index) ? nil : row(item, number: index + 1)
            })
            block["close"] = .text(marker(.keyStudentEnd))
            return block
        }
        return [
            "title": .text(handout.title), "seed": .text(String(handout.seed)), "generator": .text(ReviewVersion.generator),
            "students": .text(students), "pluralStudents": .flag(students != 1),
            "problems": .text(handout.problemsPerStudent), "pluralProblems": .flag(handout.problemsPerStudent != 1),
            "legend": .objects(legend(handout, page)),
            "bodyOpen": .text(bodyOpen), "blocks": .objects(blocks), "bodyClose": .text(marker(.keyBodyEnd)),
        ]
    }

    /// "1–2 Backprop by hand; 3–4 Convolution …": which problem numbers
    /// each section gave every student.
    private static func legend(_ handout: Handout, _ page: MarkdownPage) -> [TemplateObject] {
        var first = 1
        var entries: [TemplateObject] = []
        for section in handout.sections where section.problemCount > 0 {
            let last = first + section.problemCount - 1
            let title = section.title ?? sectionTopic(section).map { page.templates.topicTitle($0) } ?? ""
            entries.append([
                "range": .text(first == last ? "\(first)" : "\(first)–\(last)"), "title": .text(title),
                "last": .flag(false),
            ])
            first = last + 1
        }
        if !entries.isEmpty { entries[entries.count - 1]["last"] = .flag(true) }
        return entries
    }

    private static func sectionTopic(_ section: HandoutSection) -> String? {
        switch section.content {
        case .generated(let topic, _, _): topic
        case .fixed(_, _, let problems): problems.first?.topic
        }
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
