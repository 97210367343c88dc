@testable import ReviewKit

/// Solves the problems in a JSON text as if it were a file named `name`.
func solve(json: String, name: String = "test.json") throws -> [WorkedProblem] {
    let value = try JSONParser.parse(Array(json.utf8))
    return try ProblemFileReader.split(value, source: ProblemSource(displayName: name, stem: "test"))
        .map(ProblemSolver.solve)
}

/// The one-line error a bad problem gives, as `review` would print it after
/// `review: error: `; nil when the problem solves.
func errorLine(json: String, name: String = "test.json") -> String? {
    do {
        _ = try solve(json: json, name: name)
        return nil
    } catch let error as ProblemFileError {
        return error.description
    } catch {
        return "unexpected error: \(error)"
    }
}

extension JSONValue {
    /// The number at a path of keys and indices, e.g. `answers.at("gradient", "x")`.
    func at(_ steps: Any...) -> JSONValue? {
        var current: JSONValue? = self
        for step in steps {
            guard let value = current else { return nil }
            switch (step, value.kind) {
            case (let key as String, .object(let members)):
                current = members.first { $0.key == key }?.value
            case (let index as Int, .array(let items)):
                current = items.indices.contains(index) ? items[index] : nil
            default:
                return nil
            }
        }
        return current
    }

    var double: Double? {
        if case .number(let value, _) = kind { return value }
        return nil
    }

    var doubles: [Double]? {
        guard case .array(let items) = kind else { return nil }
        let values = items.compactMap(\.double)
        return values.count == items.count ? values : nil
    }

    var matrix: [[Double]]? {
        guard case .array(let rows) = kind else { return nil }
        let values = rows.compactMap(\.doubles)
        return values.count == rows.count ? values : nil
    }
}

/// |a − b| ≤ tolerance · max(1, |b|)
func close(_ a: Double?, _ b: Double, tolerance: Double = 1e-9) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= tolerance * max(1, abs(b))
}
