/// The readers behind `RNNTopic.schema`. Each field is checked against the
/// fields read before it (x fixes d, U fixes n, V fixes k), and a misfitting
/// shape names the field and both sizes, as the contract asks:
/// `W: 2×3, expected 2×2`.
enum RNNDecoder {
    /// Steps, and units / inputs / outputs: far above an exam problem, low
    /// enough that the largest sheet stays readable and quick.
    static let maxSteps = 100
    static let maxSize = 50

    /// x: at least one step of at least one number.
    static func inputs(_ field: Field) throws -> [[Double]] {
        let x = try field.numberMatrix()
        guard !x.isEmpty else { throw field.error("must have at least one row (one per step), got an empty matrix") }
        try field.checkSize(x.count, atMost: maxSteps, "rows", of: "steps")
        try field.checkColumns(x, atMost: maxSize, of: "inputs")
        return x
    }

    /// A matrix of `rows` × `columns`; nil `rows` lets this field set the
    /// size (U sets n, V sets k).
    static func matrix(_ field: Field, rows: Int?, columns: Int) throws -> [[Double]] {
        let m = try field.numberMatrix()
        let shape = "\(m.count)×\(m.first?.count ?? 0)"
        if let rows, m.count != rows || m[0].count != columns {
            throw field.error("\(shape), expected \(rows)×\(columns)")
        }
        guard !m.isEmpty else { throw field.error("0×0, expected at least 1×\(columns)") }
        guard m.count <= maxSize else { throw field.error("has \(m.count) rows; at most \(maxSize) are supported") }
        guard m[0].count == columns else { throw field.error("\(shape), expected \(m.count)×\(columns)") }
        return m
    }

    /// b, c or s0: `count` numbers.
    static func vector(_ field: Field, count: Int) throws -> [Double] {
        let v = try field.numberArray()
        guard v.count == count else {
            throw field.error("\(v.count) \(v.count == 1 ? "entry" : "entries"), expected \(count)")
        }
        return v
    }

    /// One target per step: `null`, a class index or probability vector
    /// (softmax), k numbers or one number when k = 1 (linear).
    static func targets(_ field: Field, for problem: RNNTopic.Problem) throws -> [RNNTopic.Target] {
        let k = problem.outputs
        return try field.onePer("step", of: "", count: problem.steps, noun: "target") { item in
            if case .null = item.value.kind { return .none }
            switch problem.output {
            case .softmax:
                switch try item.classTarget(classes: k) {
                case .index(let c): return .index(c)
                case .distribution(let y): return .vector(y)
                }
            case .linear:
                if case .number = item.value.kind {
                    guard k == 1 else {
                        throw item.error("must be \(k) numbers (one per output), got \(item.describe())")
                    }
                    return .scalar(try item.number())
                }
                guard case .array = item.value.kind else {
                    throw item.error("must be \(k) numbers (one per output) or null, got \(item.describe())")
                }
                let y = try item.numberArray()
                guard y.count == k else { throw item.error("\(y.count) \(y.count == 1 ? "entry" : "entries"), expected \(k)") }
                return .vector(y)
            }
        }
    }
}
