/// Everything a build makes for one student: their problems, the seeds
/// behind them, and the files of their folder (paths inside the folder).
struct StudentPacket: Sendable {
    struct SectionProblem: Sendable {
        var section: HandoutSection
        var problem: WorkedProblem
    }

    struct SectionSeed: Sendable {
        var section: Int
        var seed: UInt64
    }

    var student: Student
    var variant: UInt64
    /// Printed on the sheets; `review key` finds the student by it.
    var code: VariantCode
    /// One per generated section, in section order.
    var sectionSeeds: [SectionSeed]
    var problems: [SectionProblem]
    var files: [PlannedFile]

    /// What stays once the files are written.
    var record: StudentRecord {
        StudentRecord(
            student: student, variant: variant, code: code, sectionSeeds: sectionSeeds,
            problems: problems.map {
                .init(
                    section: $0.section.number, sectionTitle: $0.section.title, id: $0.problem.id,
                    topic: $0.problem.topic, answersJSON: JSONWriter.compact($0.problem.answers),
                    summary: AnswerSummary.short($0.problem.answers))
            })
    }
}

/// What the answer key, the index and the manifest need of a student whose
/// files are already written: their answers, not their sheets, so a class
/// of any size is held in memory only a few students at a time. Answers are
/// kept as compact JSON text (a tenth of the memory of a `JSONValue` tree)
/// and as the key's one-line summary.
struct StudentRecord: Sendable {
    struct Answered: Sendable {
        var section: Int
        var sectionTitle: String?
        var id: String
        var topic: String
        var answersJSON: String
        var summary: String

        /// The answers as JSON again: the text was written from a
        /// `JSONValue` by `JSONWriter`, so it parses back to the same values.
        var answers: JSONValue {
            (try? JSONParser.parse(Array(answersJSON.utf8))) ?? .null
        }
    }

    var student: Student
    var variant: UInt64
    var code: VariantCode
    var sectionSeeds: [StudentPacket.SectionSeed]
    var problems: [Answered]
}

/// Makes one student's packet. It reads nothing but the handout and the
/// student, so students can be made in any order, on any core, and a
/// student's files never depend on who else is on the roster.
enum StudentSheets {
    static func make(_ handout: Handout, _ student: Student, page: MarkdownPage) throws -> StudentPacket {
        var packet = try problems(handout, student)
        packet.files = files(for: packet, handout, page: page)
        return packet
    }

    /// The student's problems and seeds, without their files: what
    /// `review key` needs to print their answers.
    static func problems(_ handout: Handout, _ student: Student) throws -> StudentPacket {
        let variant = Variant.student(handoutSeed: handout.seed, studentID: student.id)
        var seeds: [StudentPacket.SectionSeed] = []
        var problems: [StudentPacket.SectionProblem] = []
        var variety = HandoutVariety(handout)
        for section in handout.sections {
            let worked: [WorkedProblem]
            switch section.content {
            case .generated(let topic, let count, let difficulty):
                let seed = Variant.section(variant: variant, section: section.number)
                seeds.append(.init(section: section.number, seed: seed))
                let options = try handout.generationOptions(for: section) { Variant.section(variant: variant, section: $0) }
                worked = try variety.generate(topic: topic, count: count, seed: seed, difficulty: difficulty, options: options)
            case .fixed(_, _, let fixed):
                worked = fixed
            }
            problems += worked.map {
                var problem = $0.titled(section.title)
                problem.points = section.points
                return .init(section: section, problem: problem)
            }
        }
        return StudentPacket(
            student: student, variant: variant,
            code: VariantCode(handoutSeed: handout.seed, studentID: student.id),
            sectionSeeds: seeds, problems: problems, files: [])
    }

    /// `problems.json`, then questions and solutions in each format. Each
    /// problem is worded once and each sheet laid out once, whatever the
    /// number of formats.
    private static func files(for packet: StudentPacket, _ handout: Handout, page: MarkdownPage) -> [PlannedFile] {
        let problems = packet.problems.map(\.problem)
        var files = [PlannedFile(path: "problems.json", contents: problemFile(problems))]
        let subtitle = page.line("handout/student", subtitleContext(packet, handout))
        let questions = sheet(problems, handout, solutions: false, subtitle: subtitle, code: packet.code, page: page)
        let solutions = sheet(problems, handout, solutions: true, subtitle: subtitle, code: packet.code, page: page)
        let presentations = solutions.presentations()
        let rendered = handout.formats.contains(where: { $0 != .json })
        let textFormats = handout.formats.filter { $0 != .json }
        let questionTexts = rendered ? questions.render(formats: textFormats, presentations: presentations) : []
        let solutionTexts = solutions.render(formats: handout.formats, presentations: presentations)
        for (index, format) in handout.formats.enumerated() {
            let ext = format.fileExtension
            if format == .json {
                files.append(PlannedFile(path: "questions.json", contents: questionDocument(packet, handout)))
            } else {
                files.append(PlannedFile(path: "questions.\(ext)", contents: questionTexts[textFormats.firstIndex(of: format)!]))
            }
            files.append(PlannedFile(path: "solutions.\(ext)", contents: solutionTexts[index]))
        }
        if handout.practice {
            var practice = solutions
            practice.options.practice = true
            practice.options.format = .html
            files.append(PlannedFile(path: "practice.html", contents: practice.render(formats: [.html], presentations: presentations)[0]))
        }
        return files
    }

    /// The problems exactly as `review solve` reads them back.
    static func problemFile(_ problems: [WorkedProblem]) -> String {
        JSONWriter.pretty(.object([("problems", .array(problems.map(\.problem)))])) + "\n"
    }

    /// JSON solutions are what `review solve problems.json --format json`
    /// prints, byte for byte; other formats carry the student's line and
    /// variant code, and question sheets a blank box per final answer
    /// (they are what a paper exam hands out).
    private static func sheet(
        _ problems: [WorkedProblem], _ handout: Handout, solutions: Bool, subtitle: String, code: VariantCode,
        page: MarkdownPage
    ) -> Sheet {
        var options = Sheet.Options()
        options.language = handout.language
        options.includeSolutions = solutions
        options.answerBoxes = !solutions
        options.code = code.description
        options.title = page.line(solutions ? "handout/solutions-title" : "handout/questions-title", ["title": .text(handout.title)])
        options.subtitle = subtitle
        return Sheet(problems: problems, options: options)
    }

    /// The JSON question sheet: who it is for, and the problems without answers.
    private static func questionDocument(_ packet: StudentPacket, _ handout: Handout) -> String {
        JSONWriter.pretty(.object([
            ("generator", .string(ReviewVersion.generator)),
            ("title", .string(handout.title)),
            ("seed", .number(Int(handout.seed))),
            ("variant", .number(Int(packet.variant))),
            ("code", .string(packet.code.description)),
            ("student", packet.student.json()),
            ("problems", .array(packet.problems.map { questionJSON($0.problem) })),
        ])) + "\n"
    }

    /// A problem as its question sheet shows it: under the section's title,
    /// never the problem file's own (which may carry the answer).
    private static func questionJSON(_ problem: WorkedProblem) -> JSONValue {
        guard case .object(let members) = problem.problem.kind else { return problem.problem }
        var kept: [Member] = []
        for member in members where member.key != "title" {
            kept.append(member)
            if member.key == "id", let title = problem.sectionTitle {
                kept.append(Member(key: "title", value: .string(title)))
            }
        }
        return JSONValue(.object(kept))
    }

    private static func subtitleContext(_ packet: StudentPacket, _ handout: Handout) -> TemplateObject {
        var context: TemplateObject = [
            "number": .text(packet.student.paddedNumber), "seed": .text(String(handout.seed)),
            "variant": .text(String(packet.variant)),
        ]
        if let name = packet.student.name { context["name"] = .text(name) }
        if let id = packet.student.shownID { context["id"] = .text(id) }
        return context
    }
}

extension Student {
    /// The id, when it says something the name and number do not.
    var shownID: String? {
        id == name || id == paddedNumber ? nil : id
    }

    func json() -> JSONValue {
        var members: [(String, JSONValue)] = [("number", .number(number)), ("id", .string(id))]
        if let name { members.append(("name", .string(name))) }
        members.append(("folder", .string(folder)))
        return .object(members)
    }
}

/// One file of a build: its path inside the output directory and its text.
public struct PlannedFile: Sendable, Equatable {
    public var path: String
    public var contents: String

    public init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }
}
