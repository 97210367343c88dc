/// `review diagnose`: a problem file and a student's answers in, one
/// `ProblemDiagnosis` per problem answered out. Every check happens before
/// anything is reported, so bad input gives one error line and no report.
public enum DiagnosisRun {
    /// - Parameters:
    ///   - file: the problem file (`-` for standard input).
    ///   - answers: `--answer PATH=VALUE` arguments, already split.
    ///   - answerFile: `--answers FILE.json`: shaped like `answers` (one
    ///     problem), or like `--format json` output (`{"results": [{"id",
    ///     "answers"}]}`) for several.
    ///   - id: which problem of the file `answers` are for (needed when
    ///     the file has more than one).
    public static func run(file: String, answers: [GivenAnswer], answerFile: String?, id: String?) throws
        -> [ProblemDiagnosis]
    {
        let problems = try ProblemSolver.solve(files: [file], forSheets: false)
        var byProblem: [(WorkedProblem, [GivenAnswer], String)] = []
        if !answers.isEmpty {
            byProblem.append((try pick(problems, id: id, file: file), answers, "--answer"))
        }
        if let answerFile {
            for (answerID, given) in try read(answerFile) {
                let problem = try pick(problems, id: answerID ?? id, file: file)
                byProblem.append((problem, given, answerFile))
            }
        }
        guard !byProblem.isEmpty else {
            throw UsageError(message: "no answers given; use --answer PATH=VALUE or --answers FILE.json")
        }
        return try byProblem.map { try Diagnosis.diagnose($0.0, $0.1, source: $0.2) }
    }

    private static func pick(_ problems: [WorkedProblem], id: String?, file: String) throws -> WorkedProblem {
        if let id {
            guard let problem = problems.first(where: { $0.id == id }) else {
                throw UsageError(message: "\(file) has no problem '\(id)'; its ids are "
                    + problems.prefix(8).map(\.id).joined(separator: ", "))
            }
            return problem
        }
        guard problems.count == 1 else {
            throw UsageError(message: "\(file) has \(problems.count) problems; say which with --id (one of "
                + problems.prefix(8).map(\.id).joined(separator: ", ") + ")")
        }
        return problems[0]
    }

    /// The answers in a file, per problem id (nil: the file's only problem).
    private static func read(_ path: String) throws -> [(String?, [GivenAnswer])] {
        let name = path == "-" ? "<stdin>" : path
        let bytes = try FileBytes.read(path: path, displayName: name, maxBytes: Limits.maxFileBytes)
        let json: JSONValue
        do {
            json = try JSONParser.parse(bytes)
        } catch let error as JSONSyntaxError {
            throw ProblemFileError(file: name, error)
        }
        do {
            guard case .object(let members) = json.kind else {
                throw InputError(path: .root, message: "expected an object shaped like `answers`")
            }
            // `{"results": [...]}` as `--format json` prints it; anything else is shaped like `answers`.
            guard let results = members.first(where: { $0.key == "results" })?.value else {
                return [(nil, try GivenAnswer.leaves(json, under: ""))]
            }
            guard case .array(let items) = results.kind else {
                throw InputError(path: JSONPath.root.appending(key: "results"), message: "expected a list")
            }
            return try items.enumerated().map { i, item in
                let at = JSONPath.root.appending(key: "results").appending(index: i)
                guard case .object(let fields) = item.kind,
                      let answers = fields.first(where: { $0.key == "answers" })?.value
                else { throw InputError(path: at, message: "expected {\"id\": …, \"answers\": {…}}") }
                var id: String?
                if let idField = fields.first(where: { $0.key == "id" })?.value {
                    guard case .string(let text) = idField.kind else {
                        throw InputError(path: at.appending(key: "id"), message: "expected a string")
                    }
                    id = text
                }
                return (id, try GivenAnswer.leaves(answers, under: ""))
            }
        } catch let error as InputError {
            throw ProblemFileError(file: name, error)
        }
    }
}
