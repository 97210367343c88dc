/// Counts what one run has asked for so far, so that many problems that are
/// each within their topic's limits cannot together ask for a sheet of
/// gigabytes (`Limits.maxProblemsPerRun`, `Limits.maxWorkedValues`).
struct WorkBudget {
    private(set) var problems = 0
    private(set) var values = 0
    /// A worked sheet shows every value, JSON answers only list them: the
    /// first gets `Limits.maxWorkedValues`, the second `Limits.maxAnswerValues`.
    let forSheets: Bool

    private var valueLimit: Int { forSheets ? Limits.maxWorkedValues : Limits.maxAnswerValues }

    /// Before solving: one more problem.
    mutating func admit(_ raw: RawProblem) throws {
        problems += 1
        guard problems <= Limits.maxProblemsPerRun else {
            throw raw.fileError(InputError(path: raw.field.path, message:
                "one run may solve at most \(Limits.maxProblemsPerRun) problems; split the files into several runs"))
        }
    }

    /// After solving: the values its steps recorded.
    mutating func charge(_ problem: WorkedProblem, _ raw: RawProblem) throws {
        if forSheets, let limit = problem.sheetLimit {
            throw raw.fileError(
                InputError(path: JSONPath(raw.field.path.components + limit.path.components), message: limit.message))
        }
        values += problem.trace.steps.reduce(0) { $0 + 1 + $1.value.count }
        guard values <= valueLimit else {
            throw raw.fileError(InputError(path: raw.field.path, message:
                "the problems up to here record more than \(valueLimit) intermediate values, "
                    + "too many for one \(forSheets ? "sheet" : "run"); make the problems smaller or split them into several runs"))
        }
    }

    /// Numbers (and other leaves) inside a step's value.
    static func count(_ value: JSONValue) -> Int {
        switch value.kind {
        case .array(let items): return items.reduce(0) { $0 + count($1) }
        case .object(let members): return members.reduce(0) { $0 + count($1.value) }
        default: return 1
        }
    }
}
