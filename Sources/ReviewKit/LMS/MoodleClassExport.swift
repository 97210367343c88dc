/// `moodle.xml` of a build: the whole class in one Moodle XML file, one
/// question category per section (`$course$/<handout>/<NN. section>`, and
/// `…/problem k` below it when a section gives each student several), each
/// student's variant one Cloze question named after the student. A quiz
/// made of one "random question from category" per category then gives
/// each student a different variant. A fixed section (a problem file, the
/// same for everyone) gives each of its problems once.
///
/// Only answers are kept of a built student (`StudentRecord`), so the
/// questions are made again here from the seeds, a section and a hundred
/// students at a time, and written as they are made: memory stays flat
/// whatever the size of the class. The problems are the students' own: the
/// same seeds give the same problems (a build is reproducible).
enum MoodleClassExport {
    static let path = "moodle.xml"
    static let studentsPerChunk = 100

    static func write(
        _ handout: Handout, _ records: [StudentRecord], jobs: Int, to emit: (String) throws -> Void
    ) throws {
        let templates = TemplateLibrary.forLanguage(handout.language)
        try emit(MoodleXML.header)
        for section in handout.sections {
            let sectionName = format2(section.number) + ". " + (section.title ?? untitled(section, templates))
            let base = [handout.title, sectionName]
            switch section.content {
            case .fixed(_, _, let problems):
                try emit(MoodleXML.category(base))
                for (index, problem) in problems.enumerated() {
                    let question = LMSQuestion(
                        problem.titled(section.title), number: index + 1, templates: templates,
                        fileBase: MoodleXML.fileBase)
                    try emit(MoodleXML.question(question, name: problem.id))
                }
            case .generated(_, let count, _):
                for slot in 1...count {
                    let slotName = templates.render("lms/slot", ["number": .text(slot)]).trimmingWhitespace()
                    try emit(MoodleXML.category(count > 1 ? base + [slotName] : base))
                    for start in stride(from: 0, to: records.count, by: studentsPerChunk) {
                        let part = Array(records[start..<min(start + studentsPerChunk, records.count)])
                        let chunk = try ParallelMap.map(count: part.count, jobs: jobs) { index -> String in
                            let record = part[index]
                            guard record.sectionSeeds.contains(where: { $0.section == section.number }) else { return "" }
                            // The student's own problems: repeats of a classic or an earlier section drawn again.
                            let problem = try HandoutVariety.section(section.number, of: handout, seeds: record.sectionSeeds)[slot - 1]
                                .titled(section.title)
                            let question = LMSQuestion(
                                problem, number: slot, templates: templates, fileBase: MoodleXML.fileBase)
                            return MoodleXML.question(question, name: name(record, problem))
                        }
                        try emit(chunk.joined())
                    }
                }
            }
        }
        try emit(MoodleXML.footer)
    }

    /// `007 Alice Martin · backprop-123-1`: who it is for, and which problem.
    static func name(_ record: StudentRecord, _ problem: WorkedProblem) -> String {
        var parts = [record.student.paddedNumber]
        if let name = record.student.name { parts.append(name) }
        if let id = record.student.shownID { parts.append("(\(id))") }
        return parts.joined(separator: " ") + " · " + problem.id
    }

    /// An untitled section's category: its topic's title, or its problem file.
    static func untitled(_ section: HandoutSection, _ templates: TemplateLibrary) -> String {
        switch section.content {
        case .generated(let topic, _, _): templates.topicTitle(topic)
        case .fixed(let path, _, _): path
        }
    }

    /// `01`, `02` …: categories sort in section order.
    private static func format2(_ number: Int) -> String {
        number < 10 ? "0\(number)" : String(number)
    }
}
