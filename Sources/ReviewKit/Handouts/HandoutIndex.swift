/// `index.html`: the handout at a glance, with a link to every file — what
/// a teacher opens first, and what they can put on a course page.
enum HandoutIndex {
    static func render(_ handout: Handout, _ packets: [StudentRecord], answerKeys: [String], page: MarkdownPage)
        -> String
    {
        let sections: [TemplateObject] = handout.sections.map { section in
            var context: TemplateObject = [
                "number": .text(section.number), "count": .text(section.problemCount),
                "plural": .flag(section.problemCount != 1),
            ]
            if let title = section.title { context["title"] = .text(title) }
            switch section.content {
            case .generated(let topic, _, let difficulty):
                context["generated"] = true
                context["topic"] = .text(page.templates.topicTitle(topic))
                for level in Difficulty.allCases { context[level.rawValue] = .flag(level == difficulty) }
            case .fixed(let path, _, _):
                context["fixed"] = true
                context["path"] = .text(path)
            }
            return context
        }
        let documents = handout.formats
        let rows: [TemplateObject] = packets.map { packet in
            let folder = packet.student.folder
            func links(_ kind: String) -> TemplateData {
                var links: [TemplateObject] = documents.map {
                    ["format": .text($0.fileExtension), "path": .text("\(folder)/\(kind).\($0.fileExtension)")]
                }
                if kind == "questions" && handout.pdf {
                    links.append(["format": "pdf", "path": .text("\(folder)/questions.pdf")])
                }
                if kind == "questions" && handout.practice {
                    links.append(["format": "practice", "path": .text("\(folder)/practice.html")])
                }
                return templateListData(links)
            }
            var row: TemplateObject = [
                "number": .text(packet.student.paddedNumber), "variant": .text(String(packet.variant)),
                "code": .text(packet.code.description),
                "questions": links("questions"), "solutions": links("solutions"),
                "problems": .text("\(folder)/problems.json"),
            ]
            if let name = packet.student.name { row["name"] = .text(name) }
            if let id = packet.student.shownID { row["id"] = .text(id) }
            return row
        }
        var context: TemplateObject = [
            "title": .text(handout.title), "seed": .text(String(handout.seed)), "generator": .text(ReviewVersion.generator),
            "file": .text(handout.source.displayName),
            "students": .text(packets.count), "pluralStudents": .flag(packets.count != 1),
            "problems": .text(handout.problemsPerStudent), "pluralProblems": .flag(handout.problemsPerStudent != 1),
            "answerKeys": templateListData(answerKeys.map { ["format": .text(extensionOf($0)), "path": .text($0)] }),
            "sections": .objects(sections), "rows": .objects(rows),
        ]
        if handout.moodle { context["moodle"] = .text(MoodleClassExport.path) }
        if handout.qti { context["qti"] = .text(QTIClassExport.path) }
        return page.render(
            page.templates.render("handout/index", context),
            title: page.line("handout/index-title", ["title": .text(handout.title)]), format: .html)
    }

    private static func extensionOf(_ path: String) -> String {
        path.split(separator: ".").last.map(String.init) ?? path
    }
}
