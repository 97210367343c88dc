extension SolveError {
    /// A topic's `sheetLimit`, worded once: nil while `size` ≤ `limit`,
    /// else, at `field`, what was counted (`"has 120 nodes"`) and "a worked
    /// sheet takes at most 100 (--format json gives the answers)", since the
    /// answers themselves are fine.
    static func sheetLimit(
        _ size: Int, atMost limit: Int, at field: String, _ counted: @autoclosure () -> String
    ) -> SolveError? {
        guard size > limit else { return nil }
        return SolveError(at: field, "\(counted()); a worked sheet takes at most \(limit) (--format json gives the answers)")
    }
}
