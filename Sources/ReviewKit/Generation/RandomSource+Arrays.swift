/// Vectors and matrices of small numbers, the entries of most generated
/// problems (H and W in gcn, an image in convolve, a state in attention).
/// Entries are drawn row by row, left to right, so a seed gives the same
/// numbers as the loops these replace.
extension RandomSource {
    /// `count` integers in `range`, as numbers.
    mutating func integers(_ count: Int, in range: ClosedRange<Int>) -> [Double] {
        (0..<count).map { _ in Double(int(in: range)) }
    }

    /// A `rows`×`columns` matrix of integers in `range`.
    mutating func integers(rows: Int, columns: Int, in range: ClosedRange<Int>) -> [[Double]] {
        (0..<rows).map { _ in integers(columns, in: range) }
    }
}
