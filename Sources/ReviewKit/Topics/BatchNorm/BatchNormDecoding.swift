/// Reads the `batchnorm` fields whose shape depends on `x`: a per-feature
/// field is a number when `x` is one vector and a list of d numbers when it
/// is a matrix; `grad_output` has the shape of `x`.
enum BatchNormDecoding {
    static func x(_ field: Field, into problem: inout BatchNormTopic.Problem) throws {
        guard case .array(let items) = field.value.kind else {
            throw field.error("must be a matrix (a row per example) or a vector of numbers, got \(field.describe())")
        }
        guard let first = items.first else { throw field.error("must have at least one example, got an empty array") }
        guard items.count <= BatchNormTopic.maxExamples else {
            throw field.error("has \(items.count) examples; at most \(BatchNormTopic.maxExamples) are supported")
        }
        if case .array = first.kind {
            let rows = try field.numberMatrix()
            let row0 = Field(value: first, path: field.path.appending(index: 0))
            guard !rows[0].isEmpty else { throw row0.error("must have at least one feature, got an empty array") }
            guard rows[0].count <= BatchNormTopic.maxFeatures else {
                throw row0.error("has \(rows[0].count) features; at most \(BatchNormTopic.maxFeatures) are supported")
            }
            problem.x = rows
            problem.isVector = false
        } else {
            problem.x = try field.numberArray().map { [$0] }
            problem.isVector = true
        }
    }

    static func perFeature(_ field: Field, _ problem: BatchNormTopic.Problem, nonNegative: Bool) throws -> [Double] {
        let values: [Double]
        if problem.isVector {
            guard case .number = field.value.kind else {
                throw field.error("must be a number, since x is one feature (a vector), got \(field.describe())")
            }
            values = [try field.number()]
        } else {
            guard case .array(let items) = field.value.kind else {
                throw field.error("must be an array with one number per feature (\(problem.d)), got \(field.describe())")
            }
            guard items.count == problem.d else {
                throw field.error("must have \(problem.d) \(problem.d == 1 ? "entry" : "entries") (one per feature), got \(items.count)")
            }
            values = try field.numberArray()
        }
        if nonNegative, let (i, value) = values.enumerated().first(where: { $0.element < 0 }) {
            let at = problem.isVector ? field : Field(value: try field.array()[i].value, path: field.path.appending(index: i))
            throw at.error("must be ≥ 0 (a variance), got \(JSONWriter.format(number: value))")
        }
        return values
    }

    static func gradOutput(_ field: Field, _ problem: BatchNormTopic.Problem) throws -> [[Double]] {
        if problem.isVector {
            guard case .array(let items) = field.value.kind, items.allSatisfy({ if case .array = $0.kind { false } else { true } }) else {
                throw field.error("must be a vector of \(problem.m) numbers, the shape of x, got \(field.describe())")
            }
            let values = try field.numberArray()
            guard values.count == problem.m else {
                throw field.error("must have the shape of x: \(problem.m) values, got \(values.count)")
            }
            return values.map { [$0] }
        }
        let rows = try field.numberMatrix()
        guard rows.count == problem.m, rows.allSatisfy({ $0.count == problem.d }) else {
            let shape = rows.isEmpty ? "0 rows" : "\(rows.count)×\(rows[0].count)"
            throw field.error("must have the shape of x: \(problem.m)×\(problem.d), got \(shape)")
        }
        return rows
    }
}
