import Foundation

/// The value a reader gets by redoing a formula from the numbers as shown:
/// every `.number` is replaced by its shown (rounded) value first. Used by
/// the reproducibility rule, never by solvers (they keep full precision).
///
/// A vector or matrix evaluates to its entries in reading order; arithmetic
/// between a list and a single value broadcasts. Matrices written side by
/// side (`.juxtapose` of `.matrix` literals, `\hat{A} H` with the numbers
/// put in) multiply as matrices, as the notation means. Symbols, text and
/// relations have no value (nil).
enum FormulaEvaluation {
    static func shownValue(of formula: Formula, policy: NumberPolicy) -> [Double]? {
        switch formula {
        case .number(let value, let digits): return [policy.show(value, digits: digits).value]
        case .integer(let n): return [Double(n)]
        case .symbol, .text, .relation: return nil
        case .vector(let entries): return flatten(entries, policy)
        case .matrix(let rows): return flatten(rows.flatMap { $0 }, policy)
        case .apply(.juxtapose, let operands) where operands.count > 1 && operands.allSatisfy(\.isMatrix):
            return matrixProduct(operands, policy)
        case .apply(let op, let operands):
            var values: [[Double]] = []
            for operand in operands {
                guard let value = shownValue(of: operand, policy: policy) else { return nil }
                values.append(value)
            }
            return apply(op, values)
        }
    }

    /// The product of matrices, left to right, flattened in reading order;
    /// nil when the shapes do not chain.
    private static func matrixProduct(_ factors: [Formula], _ policy: NumberPolicy) -> [Double]? {
        var product: [[Double]]?
        for factor in factors {
            guard case .matrix(let rows) = factor else { return nil }
            var matrix: [[Double]] = []
            for row in rows {
                guard let values = flatten(row, policy), values.count == rows[0].count else { return nil }
                matrix.append(values)
            }
            guard let left = product else { product = matrix; continue }
            guard left.allSatisfy({ $0.count == matrix.count }) else { return nil }
            let columns = matrix.first?.count ?? 0
            product = left.map { row in
                (0..<columns).map { k in row.indices.reduce(0) { $0 + row[$1] * matrix[$1][k] } }
            }
        }
        return product?.flatMap { $0 }
    }

    private static func flatten(_ entries: [Formula], _ policy: NumberPolicy) -> [Double]? {
        var out: [Double] = []
        for entry in entries {
            guard let value = shownValue(of: entry, policy: policy), value.count == 1 else { return nil }
            out += value
        }
        return out
    }

    private static func apply(_ op: FormulaOperator, _ x: [[Double]]) -> [Double]? {
        switch op {
        case .add: return x.dropFirst().reduce(x[0]) { combine($0, $1, +) ?? [] }.nilIfEmpty
        case .subtract: return combine(x[0], x[1], -)
        case .multiply, .juxtapose, .times, .hadamard: return x.dropFirst().reduce(x[0]) { combine($0, $1, *) ?? [] }.nilIfEmpty
        case .divide, .fraction: return combine(x[0], x[1], /)
        case .power: return combine(x[0], x[1], Foundation.pow)
        case .negate: return x[0].map { -$0 }
        case .squareRoot: return x[0].map { $0.squareRoot() }
        case .abs: return x[0].map { Swift.abs($0) }
        case .exp: return x[0].map { Foundation.exp($0) }
        case .ln: return x[0].map { Foundation.log($0) }
        case .floor: return x[0].map { $0.rounded(.down) }
        case .ceil: return x[0].map { $0.rounded(.up) }
        case .max(let index): return index == nil ? x.flatMap { $0 }.max().map { [$0] } : nil
        case .min(let index): return index == nil ? x.flatMap { $0 }.min().map { [$0] } : nil
        case .call, .partial, .partialOf, .sum, .list, .transpose: return nil
        }
    }

    /// Entrywise, a single value broadcast against a list.
    private static func combine(_ a: [Double], _ b: [Double], _ f: (Double, Double) -> Double) -> [Double]? {
        if a.count == b.count { return zip(a, b).map(f) }
        if a.count == 1 { return b.map { f(a[0], $0) } }
        if b.count == 1 { return a.map { f($0, b[0]) } }
        return nil
    }
}

extension Formula {
    fileprivate var isMatrix: Bool {
        if case .matrix = self { return true }
        return false
    }
}

extension Array {
    fileprivate var nilIfEmpty: Self? { isEmpty ? nil : self }
}
