/// A class's answers as CSV, `student,problem,answer,value` (UTF-8, BOM and
/// CRLF accepted, the header required, columns found by name): each row one
/// number a student gave for one answer of one problem of their sheet.
/// `student` is the roster id, the folder name or the variant code printed
/// on the sheet (what a paper exam carries).
/// Every row is checked against the build before anything is graded, so a
/// typo in a student id, problem number or answer path is a located error
/// and nothing is written.
struct ClassAnswers {
    struct Row {
        var line: Int
        var student: GradedBuild.Student
        /// 0-based index into the student's problems.
        var problem: Int
        var path: String
        /// As typed; empty for a blank.
        var value: String
    }

    var rows: [Row]

    static let columns = ["student", "problem", "answer", "value"]

    static func read(path: String, build: GradedBuild) throws -> ClassAnswers {
        let source = ProblemSource(path: path)
        let file = source.displayName
        let bytes = try FileBytes.read(path: path, displayName: file, maxBytes: Limits.maxFileBytes)
        func fail(_ line: Int?, _ message: String) -> ProblemFileError {
            ProblemFileError(file: file, location: line.map { "line \($0)" }, message: message)
        }
        func fail(_ line: Int, _ column: Int, _ message: String) -> ProblemFileError {
            ProblemFileError(file: file, location: "line \(line), column \(column)", message: message)
        }
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        if let bad = UTF8Check.firstInvalidOffset(in: bytes, from: start) {
            throw fail(bytes[..<bad].filter { $0 == 0x0A }.count + 1, "the file is not valid UTF-8")
        }
        let records = try RosterCSV.records(String(decoding: bytes[start...], as: UTF8.self)) { fail($0, $1) }
        guard let header = records.first else { throw fail(nil, "no answers in the file") }
        let names = header.cells.map { $0.trimmingWhitespace().lowercased() }
        var index: [String: Int] = [:]
        for column in columns {
            guard let i = names.firstIndex(of: column) else {
                throw fail(header.line, "the header needs the columns \(columns.joined(separator: ",")); '\(column)' is missing")
            }
            index[column] = i
        }
        var rows: [Row] = []
        var firstLine: [String: Int] = [:]
        for record in records.dropFirst() {
            func cell(_ column: String) -> String {
                let i = index[column]!
                return record.cells.indices.contains(i) ? record.cells[i].trimmingWhitespace() : ""
            }
            func column(_ name: String) -> Int { index[name]! + 1 }
            for (i, text) in record.cells.enumerated() {
                if let problem = ControlCharacters.problem(in: text) { throw fail(record.line, i + 1, problem) }
            }
            let key = cell("student")
            let student: GradedBuild.Student
            switch build.student(namedOrCoded: key) {
            case .success(let found): student = found
            case .failure(.message(let message)): throw fail(record.line, column("student"), message)
            case .failure(.unknown):
                let known = build.students.prefix(5).map(\.id).joined(separator: ", ")
                throw fail(record.line, column("student"),
                           "no student '\(key)' in the build (students are \(known)\(build.students.count > 5 ? ", …" : ""))")
            }
            guard let number = Int(cell("problem")), (1...student.problems.count).contains(number) else {
                throw fail(record.line, column("problem"),
                           "problem '\(cell("problem"))' is not on \(key)'s sheet (problems 1 to \(student.problems.count))")
            }
            let path = cell("answer")
            let answers = AnswerLeaves(student.problems[number - 1].answers)
            // Multiple-choice paths (`choice`) come from the problem's choices, not its numbers.
            let choicePaths = student.problems[number - 1].choices(build.language).map(\.path)
            guard answers.value(at: path) != nil || choicePaths.contains(path) else {
                let paths = answers.paths + choicePaths
                let shown = paths.prefix(6).joined(separator: ", ")
                throw fail(record.line, column("answer"),
                           "problem \(number) has no answer '\(path)' (its answers are \(shown)\(paths.count > 6 ? ", …" : ""))")
            }
            let id = "\(student.folder)\u{0}\(number)\u{0}\(path)"
            if let first = firstLine[id] {
                throw fail(record.line, "\(key), problem \(number), \(path) is answered twice (first on line \(first))")
            }
            firstLine[id] = record.line
            rows.append(Row(line: record.line, student: student, problem: number - 1, path: path, value: cell("value")))
        }
        guard !rows.isEmpty else { throw fail(nil, "no answers in the file") }
        return ClassAnswers(rows: rows)
    }
}
