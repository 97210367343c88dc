/// The class report page (`report.html`): a histogram of the totals, per
/// problem the share right and the slips that explain the wrong answers
/// (most common first), and per student every wrong answer with its slip.
/// Worded by `templates/<lang>/grading/report.mustache`.
enum ClassReport {
    static func html(_ grades: ClassGrades) -> String {
        let templates = TemplateLibrary.forLanguage(grades.language)
        let words = PracticeWords(templates: templates)
        let most = grades.students.map(\.outOf).max() ?? 0
        var counts = Array(repeating: 0, count: most + 1)
        for student in grades.students { counts[student.total] += 1 }
        let histogram = HistogramFigure(
            counts: counts, axis: templates.render("grading/histogram-axis", TemplateObject()).trimmingWhitespace(),
            caption: templates.render("grading/histogram-caption", TemplateObject()).trimmingWhitespace()
        ).figure()
        let problems: [TemplateData] = grades.problems.filter { $0.graded > 0 }.map { problem in
            let slips = problem.slips.enumerated().sorted { ($0.element.count, -$0.offset) > ($1.element.count, -$1.offset) }
            return .object([
                "number": .text(problem.number), "topic": .text(templates.topicTitle(problem.topic)),
                "right": .text(problem.right), "graded": .text(problem.graded),
                "share": .text(problem.graded == 0 ? "—" : "\(Int((100 * Double(problem.right) / Double(problem.graded)).rounded())) %"),
                "slips": .list(slips.enumerated().map { i, slip in
                    ["id": .text(slip.element.id), "count": .text(slip.element.count), "last": .flag(i == slips.count - 1)]
                }),
            ])
        }
        let students: [TemplateData] = grades.students.map { student in
            var object: TemplateObject = [
                "id": .text(student.id), "total": .text(student.total), "outOf": .text(student.outOf),
                "wrong": .list(student.answers.filter { $0.verdict != .right }.map { answer in
                    var item: TemplateObject = [
                        "problem": .text(answer.problem), "path": .text(answer.path),
                        "typed": .text(answer.typed.isEmpty ? "—" : answer.typed),
                        // A page, not a CSV: its minus sign is the one the sheets print.
                        "expected": .text(answer.expectedChoice
                            ?? NumberFormat.plain(answer.expected).replacingOccurrences(of: "-", with: "\u{2212}")),
                    ]
                    switch answer.verdict {
                    case .wrong(let slip?):
                        item["slip"] = ["id": .text(slip), "explanation": .text(answer.explanation ?? "")]
                    case .wrong(nil):
                        // A wrong option says why it is wrong.
                        item["what"] = .text(answer.explanation.map { "\(words["wrong"]): \($0)" } ?? words["wrong"])
                    case .blank: item["what"] = .text(words["blank"])
                    case .notANumber:
                        item["what"] = .text(answer.expectedChoice == nil ? words["notNumber"] : words["notOption"])
                    case .right: break
                    }
                    return .object(item)
                }),
            ]
            if let name = student.name { object["name"] = .text(name) }
            return .object(object)
        }
        let markdown = templates.render("grading/report", [
            "title": .text(grades.title), "generator": .text(ReviewVersion.generator),
            "students": .text(grades.students.count),
            "answers": .text(grades.students.reduce(0) { $0 + $1.outOf }),
            "histogram": .text(histogram == nil ? "" : FigureMarker.make(0)),
            "problems": .list(problems), "rows": .list(students),
        ] as TemplateObject)
        let document = EmbedExtractor.extract(markdown, figures: histogram.map { [$0] } ?? [])
        let body = DocumentRenderer(format: .html, templates: templates).render(document)
        return PageShell(format: .html, templates: templates)
            .wrap(body, title: templates.render("grading/report-title", ["title": .text(grades.title)] as TemplateObject).trimmingWhitespace())
    }
}
