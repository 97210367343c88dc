extension NumberPolicy {
    /// What every writer does before writing: gives each step's operands
    /// the digits the reproducibility rule needs, then turns every
    /// `Relation.result` into `=` or `≈` by whether its right side is shown
    /// exactly. Doing it here, once, keeps the three notations in step.
    func prepared(_ formula: Formula) -> Formula {
        resolvingResults(Reproducibility.repaired(formula, policy: self))
    }

    private func resolvingResults(_ formula: Formula) -> Formula {
        switch formula {
        case .relation(let relation, let left, let right):
            let resolved = relation == .result ? (isShownExactly(right) ? .equals : .approximately) : relation
            return .relation(resolved, resolvingResults(left), resolvingResults(right))
        case .apply(let op, let operands): return .apply(op, operands.map(resolvingResults))
        case .vector(let entries): return .vector(entries.map(resolvingResults))
        case .matrix(let rows): return .matrix(rows.map { $0.map(resolvingResults) })
        case .number, .integer, .symbol, .text: return formula
        }
    }

    /// Whether every number in `formula` is shown without rounding.
    func isShownExactly(_ formula: Formula) -> Bool {
        switch formula {
        case .number(let value, let digits): return show(value, digits: digits).isExact
        case .integer, .symbol, .text: return true
        case .apply(_, let operands): return operands.allSatisfy(isShownExactly)
        case .relation(_, let left, let right): return isShownExactly(left) && isShownExactly(right)
        case .vector(let entries): return entries.allSatisfy(isShownExactly)
        case .matrix(let rows): return rows.allSatisfy { $0.allSatisfy(isShownExactly) }
        }
    }
}
