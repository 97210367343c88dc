/// The one table that decides brackets, for every writer.
///
/// Higher binds tighter. A child gets brackets only when its precedence is
/// below what its place in the parent needs (`needsBrackets`), so a negative
/// number is bracketed as a factor or a subtrahend (`2 \cdot (-3)`,
/// `1 - (-2)`) but never after `=`, inside a function's own brackets
/// (`\min(-9, 3)`, `σ(-2.5)`) or in a vector.
enum FormulaPrecedence: Int, Comparable {
    case relation = 0
    /// `a + b`, `a - b`
    case additive = 10
    /// A leading minus (`-x`, a negative number) and `Σ_j …`, whose body
    /// runs to the end.
    case negation = 15
    /// `a \cdot b`, `a / b`, `y_i \ln p_i`, `1.2 \times 10^{5}`
    case multiplicative = 20
    /// `\ln x`: a function written without brackets.
    case function = 25
    /// `a^{b}`, `e^{x}`
    case power = 30
    /// Anything with its own brackets or none needed: symbols, numbers,
    /// `\max(…)`, `\frac{…}{…}` (in math), vectors.
    case atom = 40

    static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    /// Plain text writes fractions and exponentials inline (`1/3`,
    /// `exp(x)`), which changes their precedence; LaTeX and MathML share the
    /// math notation.
    enum Notation { case plain, math }

    static func of(_ formula: Formula, _ notation: Notation, policy: NumberPolicy) -> FormulaPrecedence {
        switch formula {
        case .number(let value, let digits):
            let shown = policy.show(value, digits: digits)
            if shown.negative { return .negation }
            switch shown.form {
            case .scientific: return .multiplicative
            case .fraction: return notation == .plain ? .multiplicative : .atom
            case .decimal, .nonFinite: return .atom
            }
        case .integer(let n): return n < 0 ? .negation : .atom
        case .symbol, .text, .vector, .matrix: return .atom
        case .relation: return .relation
        case .apply(let op, let operands):
            switch op {
            case .add, .subtract: return .additive
            case .multiply, .juxtapose, .times, .divide, .hadamard: return .multiplicative
            case .transpose: return .power
            case .fraction: return notation == .plain ? .multiplicative : .atom
            case .power: return .power
            case .exp: return notation == .plain ? .atom : .power
            case .negate, .sum: return .negation
            case .ln: return lnNeedsBrackets(operands[0]) ? .atom : .function
            // `∂/∂x (x z)`: an operator before its operand, like `\ln x`.
            case .partialOf: return .function
            case .max(let index), .min(let index): return index == nil ? .atom : .function
            case .squareRoot, .abs, .floor, .ceil, .call, .partial, .list: return .atom
            }
        }
    }

    /// `\ln S` for a plain symbol, `\ln(1.4)` and `\ln(a + b)` otherwise.
    static func lnNeedsBrackets(_ operand: Formula) -> Bool {
        if case .symbol = operand { return false }
        return true
    }

    /// Whether operand `index` of `op` must be bracketed. Operands that the
    /// notation already encloses (function arguments, fraction parts,
    /// exponents in math, vector entries) never are.
    ///
    /// A `Σ` runs to the end of what follows it, so it needs no brackets as
    /// the last factor of a product or after a leading minus
    /// (`\frac{1}{N} \sum_n L_n`, `-\sum_i y_i \ln p_i`); `isLast` says
    /// the operand ends its parent.
    static func needsBrackets(
        _ child: Formula, operand index: Int, of op: FormulaOperator, _ notation: Notation, policy: NumberPolicy,
        isLast: Bool = false
    ) -> Bool {
        let p = of(child, notation, policy: policy)
        let leadingMinus = p == .negation && !isSum(child)
        switch op {
        case .add:
            // A negative term after the first is written as a subtraction.
            return index == 0 ? p < .additive : p < .additive && !leadingMinus
        case .subtract:
            return index == 0 ? p < .additive : p < .multiplicative
        case .hadamard:
            // `r ⊙ (W h)`: a product beside ⊙ is bracketed on either side, so
            // the element-wise product never reads as part of a matrix product.
            return p <= .multiplicative
        case .multiply, .times, .divide:
            if index == 0 { return p < .multiplicative && !leadingMinus }
            return op == .divide ? p <= .multiplicative : p < .multiplicative && !(isLast && isSum(child))
        case .juxtapose:
            if index == 0 { return p < .function && !leadingMinus }
            return p < .function && !(isLast && isSum(child))
        case .fraction:
            guard notation == .plain else { return false }
            return index == 0 ? p < .multiplicative && !leadingMinus : p <= .multiplicative
        case .transpose:
            // (W^{2})^T: a superscripted symbol is bracketed too.
            if case .symbol(let s) = child, s.sup != nil { return true }
            return p < .atom
        case .power:
            return index == 0 ? p < .atom : notation == .plain && p < .atom
        case .negate:
            return p < .multiplicative && !isSum(child)
        case .sum:
            return p < .multiplicative
        case .partialOf:
            // The expression is bracketed unless it is a power, a call or an
            // atom (`∂/∂x (x + y)`, `∂/∂a σ(a)`); the variable sits below the line.
            return index == 0 && p < .power
        case .exp, .ln, .squareRoot, .abs, .max, .min, .floor, .ceil, .call, .partial, .list:
            return false
        }
    }

    /// How each term of a sum after the first is written, decided once for
    /// every writer: a term that starts with a minus sign becomes a
    /// subtraction of its magnitude (`a - 3`, not `a + (-3)`), and a term is
    /// bracketed only where precedence needs it.
    struct LaterTerm {
        let subtracted: Bool
        let term: Formula
        let bracketed: Bool
    }

    static func laterTerms(of terms: [Formula], _ notation: Notation, policy: NumberPolicy) -> [LaterTerm] {
        terms.dropFirst().map { term in
            let (negative, magnitude) = splitSign(term)
            return negative
                ? LaterTerm(
                    subtracted: true, term: magnitude,
                    bracketed: needsBrackets(magnitude, operand: 1, of: .subtract, notation, policy: policy))
                : LaterTerm(
                    subtracted: false, term: term,
                    bracketed: needsBrackets(term, operand: 0, of: .add, notation, policy: policy, isLast: true))
        }
    }

    /// The sign of a term written after `+`: a negative number or a
    /// negation gives `(true, its magnitude)`, so `a + (-3)` is written `a - 3`;
    /// so does a product led by one, so `a + (-3) \cdot 2` is `a - 3 \cdot 2`
    /// rather than `a + -3 \cdot 2`.
    static func splitSign(_ term: Formula) -> (negative: Bool, magnitude: Formula) {
        switch term {
        case .apply(let op, let factors) where (op == .multiply || op == .juxtapose) && !factors.isEmpty:
            let (negative, first) = splitSign(factors[0])
            return negative ? (true, .apply(op, [first] + factors.dropFirst())) : (false, term)
        case .number(let value, let digits) where value < 0: return (true, .number(-value, digits: digits))
        case .integer(let n) where n < 0: return (true, .integer(-n))
        case .apply(.negate, let operands): return (true, operands[0])
        default: return (false, term)
        }
    }

    private static func isSum(_ formula: Formula) -> Bool {
        if case .apply(.sum, _) = formula { return true }
        return false
    }
}
