import Foundation

/// Reads a handout file (see the contract's "Handouts" section) into a
/// checked `Handout`, failing with the contract's one-line located errors:
/// `final.json: sections[1].topic: unknown topic 'bakprop' (did you mean 'backprop'?)`.
///
/// Everything a build needs from disk is read here, up front: the roster
/// file and every fixed problem file (solved once, shared by all students).
/// So a bad handout, a bad roster or a bad problem fails before any sheet
/// is generated, and long before anything is written.
public enum HandoutReader {
    static let fields = ["title", "seed", "students", "lang", "formats", "sections"]
    static let sectionFields = ["title", "topic", "count", "difficulty", "problems", "subject", "points"]
    /// The largest seed: JSON numbers stay exact up to 2^53.
    static let maxSeed = (1 << 53) - 1

    /// Reads `path` (`-` is standard input). Paths inside the handout (a
    /// roster, problem files) are relative to the handout's folder.
    /// `drawSeed` is called only when the file gives no seed.
    public static func read(path: String, drawSeed: () -> UInt64 = { UInt64.random(in: 1...999_999) }) throws
        -> Handout
    {
        let source = ProblemSource(path: path)
        let bytes = try FileBytes.read(path: path, displayName: source.displayName, maxBytes: Limits.maxFileBytes)
        let value: JSONValue
        do {
            value = try YAMLReader.parseDataFile(bytes, name: source.displayName)
        } catch let error as JSONSyntaxError {
            throw ProblemFileError(file: source.displayName, error)
        }
        return try decode(value, source: source, folder: path == "-" ? "" : folder(of: path), drawSeed: drawSeed)
    }

    /// Decodes an already-parsed handout; `folder` is where relative paths start.
    static func decode(_ value: JSONValue, source: ProblemSource, folder: String, drawSeed: () -> UInt64) throws
        -> Handout
    {
        do {
            // Titles and names as short as a problem's title; paths may be long.
            try TextLimits.check(Field(value: value), longTexts: ["problems": 4096, "students": 4096])
            let object = try Field(value: value).object(allowedKeys: fields)
            let seedField = object.optional("seed")
            let seed = try seedField.map { UInt64(try $0.int(in: 0...maxSeed)) }
            var formats = try readFormats(object.optional("formats"))
            let practice = formats.extras.contains("practice")
            let pdf = formats.extras.contains("pdf")
            if pdf && !formats.sheets.contains(.latex) { formats.sheets.append(.latex) }  // the PDF's source
            if !formats.extras.isEmpty && formats.sheets.isEmpty { formats.sheets = [.html] }
            let language = try object.optional("lang")?.oneOf(Sheet.languages) ?? "en"
            let sections = try readSections(try object.required("sections"), folder: folder)
            let studentsField = try object.required("students")
            let students = try RosterReader.students(studentsField, folder: folder)
            var rosterFile: String?
            if case .string(let path) = studentsField.value.kind { rosterFile = resolve(path, in: folder) }
            let chosenSeed = try seedWithDistinctCodes(seed, field: seedField, students: students, drawSeed: drawSeed)
            var handout = Handout(
                source: source, title: try object.optional("title")?.string() ?? source.stem,
                seed: chosenSeed, seedWasDrawn: seed == nil, language: language, formats: formats.sheets,
                sections: sections, students: students)
            handout.rosterFile = rosterFile
            handout.practice = practice
            handout.moodle = formats.extras.contains("moodle")
            handout.qti = formats.extras.contains("qti")
            handout.pdf = pdf
            let total = handout.students.count * handout.problemsPerStudent
            guard total <= Limits.maxHandoutProblems else {
                throw InputError(
                    path: .root,
                    message: "the handout asks for \(total) problems in all (students × problems each); "
                        + "at most \(Limits.maxHandoutProblems)")
            }
            return handout
        } catch let error as InputError {
            throw RawProblem(field: Field(value: value), index: 0, source: source).fileError(error)
        }
    }

    /// The handout's seed, such that no two students share a variant code
    /// (`review key` must find exactly one student by a code): a seed the
    /// file gives is refused if two would (about once in 70,000 full
    /// rosters), a drawn one is drawn again.
    private static func seedWithDistinctCodes(
        _ given: UInt64?, field: Field?, students: [Student], drawSeed: () -> UInt64
    ) throws -> UInt64 {
        let ids = students.map(\.id)
        if let given, let field {
            if let message = VariantCode.sharedMessage(ids, seed: given) { throw field.error(message) }
            return given
        }
        var seed = drawSeed()
        while let message = VariantCode.sharedMessage(ids, seed: seed) {
            let next = drawSeed()
            guard next != seed else { throw InputError(path: .root, message: message) }
            seed = next
        }
        return seed
    }

    // MARK: Formats

    /// Formats that are files of their own, not sheets: `practice` (a
    /// practice page per student), `moodle` (the class as Moodle XML) and
    /// `qti` (the class as a QTI 1.2 package for Canvas) and `pdf` (each
    /// question sheet compiled, beside its LaTeX).
    static let extraFormats = ["practice", "moodle", "qti", "pdf"]

    /// A list of format names (or one name), in the order given; the
    /// `extraFormats` are returned apart, as flags.
    private static func readFormats(_ field: Field?) throws -> (sheets: [OutputFormat], extras: [String]) {
        guard let field else { return ([.html], []) }
        let names = OutputFormat.allCases.map(\.rawValue) + extraFormats
        let items: [Field]
        if case .string = field.value.kind {
            items = [field]
        } else {
            guard case .array = field.value.kind else {
                throw field.error("must be a list of formats (\(names.joined(separator: ", "))), got \(field.describe())")
            }
            items = try field.array()
        }
        guard !items.isEmpty else { throw field.error("must name at least one format") }
        var formats: [OutputFormat] = []
        var extras: [String] = []
        for item in items {
            let name = try item.oneOf(names)
            guard let format = OutputFormat(rawValue: name) else {
                guard !extras.contains(name) else { throw item.error("format \"\(name)\" is listed twice") }
                extras.append(name)
                continue
            }
            guard !formats.contains(format) else { throw item.error("format \"\(format.rawValue)\" is listed twice") }
            formats.append(format)
        }
        return (formats, extras)
    }

    // MARK: Sections

    private static func readSections(_ field: Field, folder: String) throws -> [HandoutSection] {
        guard case .array = field.value.kind else { throw field.error("must be an array of sections, got \(field.describe())") }
        let items = try field.array()
        guard !items.isEmpty else { throw field.error("must hold at least one section") }
        return try items.enumerated().map { index, item in
            try readSection(item, number: index + 1, folder: folder)
        }
    }

    private static func readSection(_ field: Field, number: Int, folder: String) throws -> HandoutSection {
        let object = try field.object(allowedKeys: sectionFields)
        let title = try object.optional("title")?.string()
        // An extension of the contract: each problem's points, printed beside its heading.
        let points = try object.optional("points")?.int(in: 1...Limits.maxSectionPoints)
        switch (object.optional("topic"), object.optional("problems")) {
        case (let topicField?, nil):
            let topic = try topicField.string()
            guard TopicRegistry.names.contains(topic) else {
                throw topicField.error(ProblemSolver.unknownTopicMessage(topic))
            }
            let count = try object.optional("count")?.int(in: 1...Limits.maxGeneratedProblems) ?? 1
            let difficulty = try object.optional("difficulty")
                .map { Difficulty(rawValue: try $0.oneOf(Difficulty.allCases.map(\.rawValue)))! } ?? .standard
            var subject: String?
            if let subjectField = object.optional("subject") {
                guard topic == ConceptsTopic.name else {
                    throw subjectField.error("only a '\(ConceptsTopic.name)' section takes 'subject'")
                }
                let name = try subjectField.string()
                guard ConceptBank.shared.subject(name) != nil else {
                    throw subjectField.error(ConceptsGenerator.unknownSubjectMessage(name))
                }
                subject = name
            }
            return HandoutSection(
                number: number, title: title, content: .generated(topic: topic, count: count, difficulty: difficulty),
                subject: subject, points: points)
        case (nil, let problemsField?):
            for key in ["count", "difficulty", "subject"] where object.contains(key) {
                throw InputError(
                    path: object.path.appending(key: key),
                    message: "only a generated section (one with 'topic') takes '\(key)'")
            }
            let path = try problemsField.string()
            let file = resolve(path, in: folder)
            guard FileManager.default.fileExists(atPath: file) else { throw problemsField.error("no such file: \(file)") }
            // Problem-file errors name the problem file itself, where the fix is.
            let problems = try ProblemSolver.solve(files: [file])
            return HandoutSection(
                number: number, title: title, content: .fixed(path: path, file: file, problems: problems), points: points)
        case (.some, .some):
            throw InputError(
                path: object.path,
                message: "a section has either 'topic' (generated problems) or 'problems' (a problem file), not both")
        case (nil, nil):
            throw InputError(path: object.path, message: "missing required field 'topic' or 'problems'")
        }
    }

    // MARK: Paths

    /// The folder part of `path` (`problems/final.json` → `problems`), or ``.
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// `path` as seen from the current directory: absolute paths as they
    /// are, relative ones below the handout's folder.
    static func resolve(_ path: String, in folder: String) -> String {
        if path.hasPrefix("/") || folder.isEmpty { return path }
        return folder.hasSuffix("/") ? folder + path : folder + "/" + path
    }
}
