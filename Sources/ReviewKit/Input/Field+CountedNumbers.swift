extension Field {
    /// An array of exactly `count` numbers, one per something a field read
    /// before it fixed: "has 3 entries, expected 2 (one per filter)" for
    /// convolve's bias, "(one per column of weights)" for gcn's.
    func numberArray(count: Int, onePer: String) throws -> [Double] {
        let numbers = try numberArray()
        guard numbers.count == count else {
            throw error("has \(counted(numbers.count, "entry", "entries")), expected \(count) (one per \(onePer))")
        }
        return numbers
    }
}
