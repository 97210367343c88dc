/// A finished `review build` read back for grading: its title and
/// language, and per student (by roster id and folder) the problems of
/// their sheet, solved again from their `problems.json` so every answer and
/// slip is at hand.
struct GradedBuild {
    struct Student {
        var number: Int
        var id: String
        var folder: String
        var name: String?
        /// The variant code on their sheets (`manifest.json`'s `code`), as printed.
        var code: String? = nil
        var problems: [WorkedProblem]
    }

    var title: String
    var language: String
    var students: [Student]

    static func read(_ directory: String) throws -> GradedBuild {
        let manifestPath = directory + "/manifest.json"
        let bytes = try FileBytes.read(path: manifestPath, displayName: manifestPath, maxBytes: Limits.maxFileBytes)
        let manifest: JSONValue
        do {
            manifest = try JSONParser.parse(bytes)
        } catch let error as JSONSyntaxError {
            throw ProblemFileError(file: manifestPath, error)
        }
        func fail(_ message: String) -> ProblemFileError {
            ProblemFileError(file: manifestPath, location: nil, message: message)
        }
        guard case .string(let generator)? = manifest["generator"]?.kind, generator.hasPrefix("review "),
              case .array(let entries)? = manifest["students"]?.kind
        else { throw fail("not the manifest of a `review build` (no generator or students)") }
        var title = "", language = "en"
        if case .string(let text)? = manifest["title"]?.kind { title = text }
        if case .string(let text)? = manifest["lang"]?.kind { language = text }
        var students: [Student] = []
        for entry in entries {
            guard case .string(let folder)? = entry["folder"]?.kind, case .string(let id)? = entry["id"]?.kind,
                  isPlainName(folder)
            else { throw fail("a student without an id or folder") }
            var name: String?
            if case .string(let text)? = entry["name"]?.kind { name = text }
            var code: String?
            if case .string(let text)? = entry["code"]?.kind { code = text }
            let problems = try ProblemSolver.solve(files: [directory + "/" + folder + "/problems.json"], forSheets: false)
            students.append(Student(
                number: students.count + 1, id: id, folder: folder, name: name, code: code, problems: problems))
        }
        guard !students.isEmpty else { throw fail("the build has no students") }
        return GradedBuild(title: title, language: language, students: students)
    }

    /// A folder name inside the build: a manifest that names `../x` or
    /// `a/b` is not one review wrote, and is not followed.
    private static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && name != "." && name != ".." && !name.contains("/") && !name.contains("\0")
    }

    /// The student a CSV names, by roster id first, then by folder.
    func student(named key: String) -> Student? {
        students.first { $0.id == key } ?? students.first { $0.folder == key }
    }

    /// The student a CSV names by roster id, folder or the variant code on
    /// their sheet (typed as `review key` reads it: any case, with or
    /// without the hyphen); a well-formed code with a wrong check character
    /// or that no student of the build has is an error (the message), not
    /// a guess.
    func student(namedOrCoded key: String) -> Result<Student, StudentLookupError> {
        if let student = student(named: key) { return .success(student) }
        switch VariantCode.read(key) {
        case .failure(.malformed): return .failure(.unknown)
        case .failure(.wrongCheck):
            return .failure(.message(
                "variant code '\(key)': wrong check character: a character was mistyped or two were swapped"))
        case .success(let code):
            if let student = students.first(where: { $0.code == code.description }) { return .success(student) }
            return .failure(.message(
                "variant code '\(key)': no student of this build has it; was the sheet built from another handout or seed?"))
        }
    }

    enum StudentLookupError: Error {
        /// Neither an id, a folder nor a code.
        case unknown
        case message(String)
    }
}
