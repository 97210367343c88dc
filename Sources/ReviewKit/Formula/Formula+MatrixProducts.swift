/// Column and row vectors written as matrices, for steps that multiply a
/// matrix by a vector (`U x_t`, `Vᵀ g_t`) or form an outer product
/// (`δ_t x_tᵀ`). Written side by side (`.juxtapose`), matrices multiply as
/// matrices in `FormulaEvaluation`, so such a step can be redone from the
/// numbers as shown. Shared by the sequence topics (rnn, attention, …).
extension Formula {
    /// `v` as an n×1 matrix.
    static func columnVector(_ v: [Double]) -> Formula { .matrix(v.map { [$0] }) }

    /// `v` as a 1×n matrix (a transposed column vector).
    static func rowVector(_ v: [Double]) -> Formula { .matrix([v]) }

    /// `M v` with the numbers put in: the matrix beside the column vector.
    static func matrixTimesVector(_ m: [[Double]], _ v: [Double]) -> Formula {
        .juxtapose(.matrix(m), .columnVector(v))
    }

    /// `u vᵀ` with the numbers put in: a column beside a row.
    static func outerProduct(_ u: [Double], _ v: [Double]) -> Formula {
        .juxtapose(.columnVector(u), .rowVector(v))
    }
}

/// The small matrix arithmetic the sequence topics' solvers share (numbers
/// only; no formulas). A sum that is only rounding noise of its terms
/// (0.1 + 0.2 − 0.3 = 5.6e-17) is 0, as the math and a student's hand get:
/// a sheet would otherwise show 5.551 × 10⁻¹⁷, and relu′ of that noise is 1
/// where relu′(0) is 0.
enum MatrixMath {
    /// Σ terms, or 0 when the sum is below 1e-12 of Σ |terms|.
    static func sum(_ terms: [Double]) -> Double {
        let total = terms.reduce(0, +)
        let scale = terms.reduce(0) { $0 + Swift.abs($1) }
        return total.withoutNoise(scale: scale)
    }

    /// M v for an m×n matrix and an n-vector.
    static func times(_ m: [[Double]], _ v: [Double]) -> [Double] {
        m.map { row in sum(zip(row, v).map(*)) }
    }

    /// Mᵀ
    static func transpose(_ m: [[Double]]) -> [[Double]] {
        guard let columns = m.first?.count else { return [] }
        return (0..<columns).map { j in m.map { $0[j] } }
    }

    /// u vᵀ
    static func outer(_ u: [Double], _ v: [Double]) -> [[Double]] {
        u.map { a in v.map { a * $0 } }
    }

    /// Entry by entry a + b (same shapes).
    static func add(_ a: [Double], _ b: [Double]) -> [Double] { zip(a, b).map { sum([$0, $1]) } }

    /// Entry by entry a − b (same shapes).
    static func subtract(_ a: [Double], _ b: [Double]) -> [Double] { zip(a, b).map { sum([$0, -$1]) } }

    static func add(_ a: [[Double]], _ b: [[Double]]) -> [[Double]] { zip(a, b).map { add($0, $1) } }

    static func zeros(_ rows: Int, _ columns: Int) -> [[Double]] {
        Array(repeating: Array(repeating: 0, count: columns), count: rows)
    }
}
