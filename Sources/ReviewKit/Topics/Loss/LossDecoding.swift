/// Reads `loss`'s predictions and targets, whose shapes depend on each other
/// and on the loss; every mismatch is a located error.
enum LossDecoding {
    static let sumTolerance = 1e-9

    static func vector(_ v: [Double]) -> JSONValue { .array(v.map { .number($0) }) }

    static func predictions(_ field: Field) throws -> ([[Double]], Bool) {
        guard case .array(let items) = field.value.kind else {
            throw field.error("must be a vector of numbers or a matrix (one row per example), got \(field.describe())")
        }
        guard let first = items.first else { throw field.error("must have at least one entry, got an empty array") }
        if case .array = first.kind {
            let rows = try field.numberMatrix()
            guard !rows[0].isEmpty else {
                throw Field(value: first, path: field.path.appending(index: 0)).error("must have at least one entry, got an empty array")
            }
            guard rows.count * rows[0].count <= LossTopic.maxEntries else {
                throw field.error("has \(rows.count * rows[0].count) entries; at most \(LossTopic.maxEntries) are supported")
            }
            return (rows, true)
        }
        guard items.count <= LossTopic.maxEntries else {
            throw field.error("has \(items.count) entries; at most \(LossTopic.maxEntries) are supported")
        }
        return ([try field.numberArray()], false)
    }

    static func targets(_ field: Field, _ p: inout LossTopic.Problem) throws {
        if p.loss.rowWise {
            if p.isMatrix {
                let items = try field.array()
                guard items.count == p.predictions.count else {
                    throw field.error("must have one target per row of predictions (\(p.predictions.count) rows), got \(items.count)")
                }
                p.rowTargets = try items.enumerated().map { try rowTarget($1, p, row: $0) }
            } else {
                p.rowTargets = [try rowTarget(field, p, row: 0)]
            }
            return
        }
        let fields: [[Field]]
        if p.isMatrix {
            let rows = try field.array()
            guard rows.count == p.predictions.count else {
                throw field.error("must have the shape of predictions (\(p.predictions.count) rows), got \(rows.count) rows")
            }
            fields = try rows.map { row in
                guard case .array = row.value.kind else { throw row.error("must be a row of numbers, got \(row.describe())") }
                let entries = try row.array()
                guard entries.count == p.predictions[0].count else {
                    throw row.error("must have \(p.predictions[0].count) entries, like each row of predictions, got \(entries.count)")
                }
                return entries
            }
        } else {
            guard case .array = field.value.kind else { throw field.error("must be a vector of numbers, got \(field.describe())") }
            let entries = try field.array()
            guard entries.count == p.predictions[0].count else {
                throw field.error("must have the shape of predictions (\(p.predictions[0].count) entries), got \(entries.count)")
            }
            fields = [entries]
        }
        p.targets = try fields.map { try $0.map { try $0.number() } }
        for row in fields {
            for entry in row {
                let y = try entry.number()
                if p.loss == .hinge, y != 1, y != -1 { throw entry.error("must be 1 or -1 (a hinge label), got \(entry.describe())") }
                if p.loss == .bce, !(0...1).contains(y) { throw entry.error("must be in [0, 1] (a bce target), got \(entry.describe())") }
            }
        }
        try checkProbabilities(p, path: JSONPath.root.appending(key: "predictions"))
    }

    /// bce from probabilities: every p strictly inside (0, 1).
    static func checkProbabilities(_ p: LossTopic.Problem, path: JSONPath = JSONPath.root.appending(key: "predictions")) throws {
        guard p.loss == .bce, !p.fromLogits else { return }
        for (r, row) in p.predictions.enumerated() {
            for (c, x) in row.enumerated() where !(x > 0 && x < 1) {
                let at = p.isMatrix ? path.appending(index: r).appending(index: c) : path.appending(index: c)
                throw InputError(
                    path: at,
                    message: "must be a probability strictly between 0 and 1 for bce, got \(JSONWriter.format(number: x)) (set from_logits for logits)")
            }
        }
    }

    private static func rowTarget(_ field: Field, _ p: LossTopic.Problem, row: Int) throws -> LossTopic.RowTarget {
        let k = p.predictions[row].count
        let predictions = p.isMatrix ? JSONPath.root.appending(key: "predictions").appending(index: row) : JSONPath.root.appending(key: "predictions")
        if p.loss == .crossEntropy {
            let probabilities = p.predictions[row]
            for (j, x) in probabilities.enumerated() where x < 0 || x > 1 {
                throw InputError(path: predictions.appending(index: j), message: "must be a probability in [0, 1], got \(JSONWriter.format(number: x))")
            }
            let sum = probabilities.reduce(0, +)
            guard abs(sum - 1) <= sumTolerance else {
                throw InputError(path: predictions, message: "must sum to 1 (probabilities), got entries that sum to \(JSONWriter.format(number: sum))")
            }
        }
        let target: LossTopic.RowTarget
        switch field.value.kind {
        case .number:
            target = .index(try field.int(in: 0...k - 1))
        case .array where p.loss == .crossEntropy:
            let t = try field.numberArray()
            guard t.count == k else { throw field.error("must have \(k) entries (one per class), got \(t.count)") }
            for (entry, value) in zip(try field.array(), t) where value < 0 {
                throw entry.error("must be non-negative (a probability), got \(entry.describe())")
            }
            let sum = t.reduce(0, +)
            guard abs(sum - 1) <= sumTolerance else {
                throw field.error("must sum to 1, got entries that sum to \(JSONWriter.format(number: sum))")
            }
            target = .distribution(t)
        default:
            throw field.error(p.loss == .crossEntropy
                ? "must be a class index or a probability vector, got \(field.describe())"
                : "must be a class index, got \(field.describe())")
        }
        if p.loss == .crossEntropy {
            let t = distribution(target, classes: k)
            for (j, x) in p.predictions[row].enumerated() where x == 0 && t[j] != 0 {
                throw InputError(
                    path: predictions.appending(index: j),
                    message: "is 0 where the target is not: ln 0 is undefined")
            }
        }
        return target
    }

    static func distribution(_ t: LossTopic.RowTarget, classes: Int) -> [Double] {
        switch t {
        case .index(let k): return (0..<classes).map { $0 == k ? 1 : 0 }
        case .distribution(let y): return y
        }
    }

    static func encodeTargets(_ p: LossTopic.Problem) -> JSONValue {
        if p.loss.rowWise {
            let items: [JSONValue] = p.rowTargets.map {
                switch $0 {
                case .index(let k): return .number(k)
                case .distribution(let y): return vector(y)
                }
            }
            return p.isMatrix ? .array(items) : items[0]
        }
        return p.isMatrix ? .array(p.targets.map(vector)) : vector(p.targets[0])
    }

    /// A positive number for a field only some losses use.
    static func onlyWith(_ field: Field, _ p: LossTopic.Problem, _ kinds: [LossTopic.Kind]) throws -> Double {
        guard kinds.contains(p.loss) else {
            throw field.error("is used only by \(kinds.map(\.rawValue).joined(separator: " and ")), not by \(p.loss.rawValue)")
        }
        let x = try field.number()
        guard x > 0 else { throw field.error("must be a positive number, got \(field.describe())") }
        return x
    }
}
