extension Field {
    /// Rejects an array of rows where one example's item belongs, since
    /// `owner` is a single vector: softmax's `target` against its `logits`,
    /// mlp's `target` against its `input`. `what` names the one item
    /// ("target", "class index or one probability vector").
    func rejectRows(_ what: String, since owner: String) throws {
        if case .array(let items) = value.kind, let first = items.first, case .array = first.kind {
            throw error("must be one \(what), since \(owner) is a single vector; got an array of rows")
        }
    }
}
