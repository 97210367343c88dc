import Testing
@testable import ReviewKit

/// Matrices written side by side multiply as matrices when a step is redone
/// from its shown numbers (gcn's `\hat{A} H`, `(\hat{A} H) W`). Expected
/// values are worked by hand.
@Suite struct MatrixProductEvaluationTests {
    private func m(_ rows: [[Double]]) -> Formula { .matrix(rows) }

    @Test func juxtaposedMatricesMultiplyRowByColumn() {
        // [1 2; 3 4] · [5; 6] = [1·5 + 2·6; 3·5 + 4·6] = [17; 39]
        let product = Formula.juxtapose(m([[1, 2], [3, 4]]), m([[5], [6]]))
        #expect(FormulaEvaluation.shownValue(of: product, policy: .standard) == [17, 39])
        // Three factors chain left to right: [1 1] · I · [2; 3] = [5].
        let chain = Formula.juxtapose(m([[1, 1]]), m([[1, 0], [0, 1]]), m([[2], [3]]))
        #expect(FormulaEvaluation.shownValue(of: chain, policy: .standard) == [5])
        // Shapes that do not chain have no value.
        #expect(FormulaEvaluation.shownValue(of: .juxtapose(m([[1, 2]]), m([[1, 2]])), policy: .standard) == nil)
    }

    @Test func aSquareProductIsCheckedAsAMatrixProduct() {
        // [1 2; 3 4] · I = [1 2; 3 4]; entry by entry it would be [1 0; 0 4].
        let step = Formula.juxtapose(m([[1, 2], [3, 4]]), m([[1, 0], [0, 1]])) .=≈ m([[1, 2], [3, 4]])
        #expect(Reproducibility.violations(in: step).isEmpty)
        // [1.23456  -1.23444] · [1; 1] = 0.00012; from the shown 1.235 and 1.234 it would be 0.001,
        // so the operands need their sixth digit.
        let cancelling = Formula.juxtapose(m([[1.23456, -1.23444]]), m([[1], [1]])) .=≈ m([[1.23456 - 1.23444]])
        #expect(Reproducibility.violations(in: cancelling).count == 1)
        #expect(Reproducibility.violations(in: Reproducibility.repaired(cancelling)).isEmpty)
    }
}
