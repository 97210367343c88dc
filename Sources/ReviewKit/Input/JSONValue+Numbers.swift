/// Numbers, vectors and matrices as JSON, the way every topic writes its
/// problem fields and answers: one helper instead of a copy per topic.
extension JSONValue {
    /// `[1, 2.5, 3]`.
    static func numbers(_ values: [Double]) -> JSONValue { .array(values.map { .number($0) }) }

    /// `[[1, 0], [0, 1]]`, a row per array.
    static func rows(_ rows: [[Double]]) -> JSONValue { .array(rows.map(numbers)) }

    /// A batch's rows as a matrix, or a single example's one row as a vector.
    static func rows(_ rows: [[Double]], batch: Bool) -> JSONValue { batch ? .rows(rows) : .numbers(rows[0]) }
}
