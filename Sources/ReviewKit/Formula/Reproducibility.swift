/// The rule every worked step on a sheet keeps: redoing it from its shown
/// operands gives its shown result to within one unit in the result's last
/// shown digit.
///
/// A step is a `.result` relation, `… = substituted ≈ result`. The check
/// evaluates `substituted` with every number rounded as shown
/// (`FormulaEvaluation`) and compares it, entry by entry, with the shown
/// result. Where the default digits cannot keep the rule (a quotient of two
/// rounded numbers, a long chain), `repaired` shows that step's operands
/// with more significant figures, one at a time, until it holds.
enum Reproducibility {
    /// One step that breaks the rule: what redoing it gives, what is shown,
    /// and the allowed distance.
    struct Violation: Equatable, CustomStringConvertible {
        var redone: Double
        var shown: Double
        var unit: Double

        var description: String { "redone \(redone), shown \(shown) (one unit is \(unit))" }
    }

    /// At most this many extra digits; past it the step is left as is (and
    /// `violations` reports it).
    static let maxExtraDigits = 8

    /// Every `.result` relation in `formula` that breaks the rule.
    static func violations(in formula: Formula, policy: NumberPolicy = .standard) -> [Violation] {
        var found: [Violation] = []
        visitResults(formula) { operand, result in
            found += check(operand, result, policy)
        }
        return found
    }

    /// `formula` with each step's operands given enough digits to keep the rule.
    static func repaired(_ formula: Formula, policy: NumberPolicy = .standard) -> Formula {
        switch formula {
        case .relation(.result, let left, let right):
            let left = repaired(left, policy: policy)
            return .relation(.result, replacingLastOperand(of: left) { operand in
                var digits = policy.significantDigits
                var candidate = operand
                while !check(candidate, right, policy).isEmpty, digits < policy.significantDigits + maxExtraDigits {
                    digits += 1
                    candidate = withDigits(operand, at: digits, policy)
                }
                return candidate
            }, right)
        case .relation(let relation, let left, let right):
            return .relation(relation, repaired(left, policy: policy), repaired(right, policy: policy))
        default:
            return formula
        }
    }

    private static func check(_ operand: Formula, _ result: Formula, _ policy: NumberPolicy) -> [Violation] {
        guard let redone = FormulaEvaluation.shownValue(of: operand, policy: policy),
            let shown = shownNumbers(result, policy), redone.count == shown.count
        else { return [] }
        return zip(redone, shown).compactMap { redone, shown in
            // A hair of slack for binary noise in the comparison itself.
            abs(redone - shown.value) <= shown.unit * (1 + 1e-9)
                ? nil : Violation(redone: redone, shown: shown.value, unit: shown.unit)
        }
    }

    private static func shownNumbers(_ result: Formula, _ policy: NumberPolicy) -> [ShownNumber]? {
        switch result {
        case .number(let value, let digits): return [policy.show(value, digits: digits)]
        case .integer(let n): return [policy.show(Double(n))]
        case .vector(let entries): return entries.flatMap { shownNumbers($0, policy) ?? [] }
        case .matrix(let rows): return rows.flatMap { $0 }.flatMap { shownNumbers($0, policy) ?? [] }
        default: return nil
        }
    }

    /// Calls `body(substituted, result)` for every `.result` relation.
    private static func visitResults(_ formula: Formula, _ body: (Formula, Formula) -> Void) {
        guard case .relation(let relation, let left, let right) = formula else { return }
        visitResults(left, body)
        if relation == .result { body(lastOperand(of: left), right) }
    }

    /// The right end of a chain `a = b = c` (that is `c`), or the formula.
    private static func lastOperand(of formula: Formula) -> Formula {
        if case .relation(_, _, let right) = formula { return right }
        return formula
    }

    private static func replacingLastOperand(of formula: Formula, _ transform: (Formula) -> Formula) -> Formula {
        if case .relation(let relation, let left, let right) = formula { return .relation(relation, left, transform(right)) }
        return transform(formula)
    }

    /// Every computed number in `formula` shown with at least `digits`
    /// significant figures.
    static func withDigits(_ formula: Formula, at digits: Int, _ policy: NumberPolicy) -> Formula {
        switch formula {
        case .number(let value, let old): return .number(value, digits: Swift.max(old ?? policy.significantDigits, digits))
        case .integer, .symbol, .text: return formula
        case .apply(let op, let operands): return .apply(op, operands.map { withDigits($0, at: digits, policy) })
        case .relation(let relation, let left, let right):
            return .relation(relation, withDigits(left, at: digits, policy), withDigits(right, at: digits, policy))
        case .vector(let entries): return .vector(entries.map { withDigits($0, at: digits, policy) })
        case .matrix(let rows): return .matrix(rows.map { $0.map { withDigits($0, at: digits, policy) } })
        }
    }
}
