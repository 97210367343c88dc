extension FieldSchema.Spec {
    /// One example's vector or a batch's matrix (a row per example), read by
    /// `Field.vectorOrRows` with whether it was a batch, and written back in
    /// the form it was given: softmax's `logits`, mlp's `input`.
    static func examples(
        _ name: String, _ rows: WritableKeyPath<Problem, [[Double]]> & Sendable,
        batch: WritableKeyPath<Problem, Bool> & Sendable, doc: String, maxRows: Int, maxColumns: Int, columns: String
    ) -> Self {
        .custom(
            name, type: "vector of numbers, or a matrix (a row per example)", doc: doc,
            read: { field, problem in
                let (values, isBatch) = try field.vectorOrRows(maxRows: maxRows, maxColumns: maxColumns, columns: columns)
                problem[keyPath: rows] = values
                problem[keyPath: batch] = isBatch
            },
            write: { problem in .rows(problem[keyPath: rows], batch: problem[keyPath: batch]) })
    }
}
