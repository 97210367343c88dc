/// Builders for worked vector steps, shared by the topics that multiply
/// matrices by vectors and vectors entry by entry (gated cells, RNNs):
///
///     .juxtapose(.matrix(W), .column(h))      // W h with the numbers put in
///     .column(Formula.rowProducts(W, h))      // each entry written out: 0.5 · 1 + (−0.5) · 0
///     .hadamard(.vector(f), .vector(c))       // f ⊙ c
///
/// A column is a one-column matrix, so `FormulaEvaluation` multiplies
/// `W` by it as the notation means, and the reproducibility check can redo
/// the product from the shown numbers.
extension Formula {
    /// A column vector: a matrix with one entry per row.
    static func column(_ values: [Double]) -> Formula { .matrix(values.map { [.number($0)] }) }

    /// A column vector of formulas (entries written out).
    static func column(_ entries: [Formula]) -> Formula { .matrix(entries.map { [$0] }) }

    /// `a ⊙ b`: the element-wise (Hadamard) product.
    static func hadamard(_ a: Formula, _ b: Formula) -> Formula {
        if case .apply(.hadamard, let factors) = a { return .apply(.hadamard, factors + [b]) }
        return .apply(.hadamard, [a, b])
    }

    /// The products of one matrix row with a vector, `m_1 · v_1, m_2 · v_2, …`,
    /// as terms of a sum a student writes out.
    static func rowTerms(_ row: [Double], _ v: [Double]) -> [Formula] {
        zip(row, v).map { .number($0) * .number($1) }
    }

    /// Entry k of `M v` written out for every row k: `Σ_j M_kj · v_j` as a sum of products.
    static func rowProducts(_ m: [[Double]], _ v: [Double]) -> [Formula] {
        m.map { .sum(rowTerms($0, v)) }
    }

    /// `a_k · b_k` for every k: an element-wise product written out.
    static func entryProducts(_ a: [Double], _ b: [Double]) -> [Formula] {
        zip(a, b).map { .number($0) * .number($1) }
    }
}
