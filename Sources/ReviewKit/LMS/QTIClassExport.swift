import Foundation

/// `qti.zip` of a build: the whole class as one QTI 1.2 package for Canvas.
///
/// Canvas draws *items* from a question group, never a set of items, and
/// its `numerical_question` holds one number; so a generated section gives
/// one group per problem slot and final answer (`01. Backprop by hand ·
/// problem 1 · answer 2`), holding that answer's item of every student's
/// variant, of which a quiz draws one. Each item carries its whole
/// question, so an item drawn from one student's variant is complete on its
/// own. A fixed section (the same problems for everyone) gives one group per
/// problem, all of whose items are asked.
///
/// The questions are made again from the students' seeds, as for
/// `moodle.xml` (only answers are kept of a built student); the package is
/// made in memory.
enum QTIClassExport {
    static let path = "qti.zip"

    static func package(_ handout: Handout, _ records: [StudentRecord], jobs: Int) throws -> [UInt8] {
        let templates = TemplateLibrary.forLanguage(handout.language)
        var groups: [QTIItems.Group] = []
        var media: [(String, String)] = []
        for section in handout.sections {
            let sectionName = (section.number < 10 ? "0" : "") + "\(section.number). "
                + (section.title ?? MoodleClassExport.untitled(section, templates))
            switch section.content {
            case .fixed(_, _, let problems):
                for (index, problem) in problems.enumerated() {
                    let key = "s\(section.number)_p\(index + 1)"
                    let question = LMSQuestion(
                        problem.titled(section.title), number: index + 1, templates: templates,
                        fileBase: QTIItems.fileBase(key))
                    let items = QTIItems.items(question, ident: key, name: problem.id, templates: templates)
                    groups.append(QTIItems.Group(
                        ident: "g_" + key, title: "\(sectionName) · \(problem.id)", select: items.count, items: items))
                    media += QTIPackage.attachments(question, key: key)
                }
            case .generated(let topic, let count, let difficulty):
                for slot in 1...count {
                    let slotName = templates.render("lms/slot", ["number": .text(slot)]).trimmingWhitespace()
                    let made = try ParallelMap.map(count: records.count, jobs: jobs) {
                        index -> (items: [String], media: [(String, String)]) in
                        let record = records[index]
                        guard let seed = record.sectionSeeds.first(where: { $0.section == section.number })?.seed
                        else { return ([], []) }
                        // The options as the build had them (`concepts` leaves out items a student was asked).
                        let options = try handout.generationOptions(for: section) { number in
                            record.sectionSeeds.first { $0.section == number }?.seed
                        }
                        let problem = try Workbook.generate(
                            topic: topic, count: slot, seed: seed, difficulty: difficulty, options: options
                        ).last!.titled(section.title)
                        let key = "s\(section.number)_\(slot)_\(record.student.paddedNumber)"
                        let question = LMSQuestion(
                            problem, number: slot, templates: templates, fileBase: QTIItems.fileBase(key))
                        let items = QTIItems.items(question, ident: key, name: MoodleClassExport.name(record, problem), templates: templates)
                        return (items, QTIPackage.attachments(question, key: key))
                    }
                    let answers = made.map(\.items.count).max() ?? 0
                    for answer in 0..<answers {
                        let answerName = templates.render("lms/qti-answer", ["number": .text(answer + 1)])
                            .trimmingWhitespace()
                        groups.append(QTIItems.Group(
                            ident: "g_s\(section.number)_\(slot)_\(answer + 1)",
                            title: [sectionName, slotName, answerName].joined(separator: " · "), select: 1,
                            items: made.compactMap { $0.items.indices.contains(answer) ? $0.items[answer] : nil }))
                    }
                    media += made.flatMap(\.media)
                }
            }
        }
        return try QTIPackage.zip(title: handout.title, groups: groups, media: media)
    }
}
