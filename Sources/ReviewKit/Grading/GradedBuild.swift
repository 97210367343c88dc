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
            let problems = try Workbook.solve(files: [directory + "/" + folder + "/problems.json"], forSheets: false)
            students.append(Student(number: students.count + 1, id: id, folder: folder, name: name, problems: problems))
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
}
