extension SolveError {
    /// A topic's `sheetLimit`: nil while `count` is within `limit`, else
    /// "`field`: has 1200 nodes; a worked sheet takes at most 1000
    /// (--format json gives the answers)", `what` saying what was counted.
    /// One sentence for every topic whose answers are fine in JSON past
    /// what anyone works on paper (backprop, kmeans, optimizer, gru, lstm).
    static func sheetLimit(at field: String, _ what: String, count: Int, limit: Int) -> SolveError? {
        guard count > limit else { return nil }
        return SolveError(at: field, "\(what); a worked sheet takes at most \(limit) (--format json gives the answers)")
    }
}
