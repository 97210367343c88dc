/// `index.html`: the handout at a glance, with a link to every file — what
/// a teacher opens first, and what they can put on a course page.
enum HandoutIndex {
    static func render(_ handout: Handout, _ packets: [StudentRecord], answerKeys: [String], page: MarkdownPage)
        -> String
    {
        let sections: [[String: Any]] = handout.sections.map { section in
            var context: [String: Any] = [
                "number": section.number, "count": section.problemCount, "plural": section.problemCount != 1,
            ]
            if let title = section.title { context["title"] = title }
            switch section.content {
            case .generated(let topic, _, let difficulty):
                context["generated"] = true
                context["topic"] = page.templates.topicTitle(topic)
                for level in Difficulty.allCases { context[level.rawValue] = level == difficulty }
            case .fixed(let path, _, _):
                context["fixed"] = true
                context["path"] = path
            }
            return context
        }
        let documents = handout.formats
        let rows: [[String: Any]] = packets.map { packet in
            let folder = packet.student.folder
            func links(_ kind: String) -> [[String: Any]] {
                var links = documents.map { ["format": $0.fileExtension, "path": "\(folder)/\(kind).\($0.fileExtension)"] }
                if kind == "questions" && handout.practice { links.append(["format": "practice", "path": "\(folder)/practice.html"]) }
                return templateList(links)
            }
            var row: [String: Any] = [
                "number": packet.student.paddedNumber, "variant": String(packet.variant),
                "questions": links("questions"), "solutions": links("solutions"),
                "problems": "\(folder)/problems.json",
            ]
            if let name = packet.student.name { row["name"] = name }
            if let id = packet.student.shownID { row["id"] = id }
            return row
        }
        let context: [String: Any] = [
            "title": handout.title, "seed": String(handout.seed), "generator": ReviewVersion.generator,
            "file": handout.source.displayName,
            "students": packets.count, "pluralStudents": packets.count != 1,
            "problems": handout.problemsPerStudent, "pluralProblems": handout.problemsPerStudent != 1,
            "answerKeys": templateList(answerKeys.map { ["format": extensionOf($0), "path": $0] }),
            "sections": sections, "rows": rows,
        ]
        return page.render(
            page.templates.render("handout/index", context),
            title: page.line("handout/index-title", ["title": handout.title]), format: .html)
    }

    private static func extensionOf(_ path: String) -> String {
        path.split(separator: ".").last.map(String.init) ?? path
    }
}
