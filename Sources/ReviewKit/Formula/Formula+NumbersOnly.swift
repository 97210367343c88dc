extension Formula {
    /// A bare number, or a vector or matrix of bare numbers: nothing left
    /// to work out, so a line need not show it before its value (mlp's
    /// `∂C/∂b = δ`, backprop's local gradient `∂/∂x (3·x) = 3`).
    var isNumbersOnly: Bool {
        switch self {
        case .number, .integer: return true
        case .vector(let entries): return entries.allSatisfy(\.isNumbersOnly)
        case .matrix(let rows): return rows.allSatisfy { $0.allSatisfy(\.isNumbersOnly) }
        default: return false
        }
    }
}
