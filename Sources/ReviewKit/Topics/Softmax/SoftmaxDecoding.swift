import Foundation

/// Reads `logits` and `target`, whose shapes depend on each other: a vector
/// of logits takes one target, a matrix one target per row, and a target is
/// either a class index or a probability vector with one entry per class.
/// Every mismatch is reported at the place in the file that is wrong.
enum SoftmaxDecoding {
    /// How far a probability target's sum may be from 1 (the contract's 1e-9).
    static let sumTolerance = 1e-9
    /// Examples in a batch and classes per example. The sheet works every
    /// row by hand (a table of the class's numbers each), so these keep the
    /// largest sheet readable and its size bounded.
    static let maxRows = 1000
    static let maxClasses = 1000

    /// The logits as rows, and whether they were a matrix. A first element
    /// that is an array makes the whole value a matrix.
    static func logits(_ field: Field) throws -> (rows: [[Double]], isBatch: Bool) {
        guard case .array(let items) = field.value.kind else {
            throw field.error("must be a vector of numbers or a matrix (one row per example), got \(field.describe())")
        }
        guard let first = items.first else {
            throw field.error("must have at least one entry, got an empty array")
        }
        if case .array = first.kind {
            guard items.count <= maxRows else {
                throw field.error("has \(items.count) rows; at most \(maxRows) examples are supported")
            }
            let rows = try field.numberMatrix()
            try checkClasses(rows[0].count, Field(value: first, path: field.path.appending(index: 0)))
            if rows[0].isEmpty {
                throw Field(value: first, path: field.path.appending(index: 0))
                    .error("must have at least one entry, got an empty array")
            }
            return (rows, true)
        }
        try checkClasses(items.count, field)
        return ([try field.numberArray()], false)
    }

    private static func checkClasses(_ count: Int, _ field: Field) throws {
        guard count <= maxClasses else {
            throw field.error("has \(count) entries; at most \(maxClasses) classes are supported")
        }
    }

    /// One target per row: the value itself for a vector of logits, an
    /// array with one entry per row for a matrix.
    static func targets(_ field: Field, rows: Int, classes: Int, isBatch: Bool) throws -> [SoftmaxTopic.Target] {
        guard isBatch else {
            if case .array(let items) = field.value.kind, let first = items.first, case .array = first.kind {
                throw field.error(
                    "must be one class index or one probability vector, since logits is a single vector; got an array of rows")
            }
            return [try target(field, classes: classes)]
        }
        guard case .array(let items) = field.value.kind else {
            throw field.error(
                "must be an array with one target per row of logits (\(rows) \(rows == 1 ? "row" : "rows")), got \(field.describe())")
        }
        guard items.count == rows else {
            throw field.error(
                "must have one target per row of logits: \(rows) \(rows == 1 ? "row" : "rows"), got \(items.count) \(items.count == 1 ? "target" : "targets")")
        }
        return try field.array().map { try target($0, classes: classes) }
    }

    /// A class index in 0..<classes, or a probability vector of length
    /// `classes` that is non-negative and sums to 1.
    static func target(_ field: Field, classes: Int) throws -> SoftmaxTopic.Target {
        switch field.value.kind {
        case .number:
            return .index(try field.int(in: 0...classes - 1))
        case .array(let items):
            guard items.count == classes else {
                throw field.error(
                    "must have \(classes) \(classes == 1 ? "entry" : "entries") (one per class), got \(items.count)")
            }
            let y = try field.numberArray()
            for (entry, value) in zip(try field.array(), y) where value < 0 {
                throw entry.error("must be non-negative (a probability), got \(entry.describe())")
            }
            let sum = y.reduce(0, +)
            guard abs(sum - 1) <= sumTolerance else {
                throw field.error("must sum to 1, got entries that sum to \(String(format: "%.12g", sum))")
            }
            return .distribution(y)
        default:
            throw field.error("must be a class index or a probability vector, got \(field.describe())")
        }
    }
}
