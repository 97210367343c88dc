extension FiniteCheck {
    /// The contract: a matrix that overflows is an error at the field whose
    /// numbers made it, naming what overflowed and its first bad entry
    /// ("ÂH overflows at row 2, column 0"), never an `inf` or `NaN` on a
    /// sheet. `place` narrows the entry where one matrix is among several
    /// (convolve's "the feature map overflows at filter 1, row 0, column 2").
    static func require(_ matrix: [[Double]], _ what: String, in place: String? = nil, at field: String) throws {
        for (i, row) in matrix.enumerated() {
            if let j = row.firstIndex(where: { !$0.isFinite }) {
                let entry = (place.map { "\($0), " } ?? "") + "row \(i), column \(j)"
                throw SolveError(at: field, "\(what) overflows at \(entry): the numbers are too large")
            }
        }
    }
}
