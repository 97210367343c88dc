/// Small builders so solver and presenter code reads like the math:
///
///     let shift: Formula = .symbol("z", sub: "i") - "m"        // z_i - m
///     let p: Formula = .frac(.exp(.symbol("a", sub: "i")), "S") // e^{a_i} / S
///     let line = "m" .= .max(z.map(Formula.number)) .= .number(2)
///
/// A string literal is a symbol (`"m"`, `"z"`), an integer literal an exact
/// integer and a float literal a computed number.
extension Formula: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral {
    init(stringLiteral name: String) { self = .symbol(Symbol(name: name)) }
    init(integerLiteral value: Int) { self = .integer(value) }
    init(floatLiteral value: Double) { self = .number(value) }

    static func symbol(_ name: String, sub: Formula? = nil, sup: Formula? = nil, accent: Accent? = nil, primes: Int = 0)
        -> Formula
    {
        .symbol(Symbol(name: name, sub: sub, sup: sup, accent: accent, primes: primes))
    }

    static func numbers(_ values: [Double]) -> [Formula] { values.map { .number($0) } }

    static func + (a: Formula, b: Formula) -> Formula {
        if case .apply(.add, let terms) = a { return .apply(.add, terms + [b]) }
        return .apply(.add, [a, b])
    }
    static func - (a: Formula, b: Formula) -> Formula { .apply(.subtract, [a, b]) }
    static func * (a: Formula, b: Formula) -> Formula {
        if case .apply(.multiply, let factors) = a { return .apply(.multiply, factors + [b]) }
        return .apply(.multiply, [a, b])
    }
    static func / (a: Formula, b: Formula) -> Formula { .apply(.divide, [a, b]) }
    static prefix func - (a: Formula) -> Formula { .apply(.negate, [a]) }

    static func sum(_ terms: [Formula]) -> Formula { terms.count == 1 ? terms[0] : .apply(.add, terms) }
    /// `28 \times 28 \times 6`: a shape or window as sizes.
    static func times(_ sizes: [Formula]) -> Formula { sizes.count == 1 ? sizes[0] : .apply(.times, sizes) }
    /// `A^T`.
    static func transpose(_ x: Formula) -> Formula { .apply(.transpose, [x]) }
    static func juxtapose(_ factors: Formula...) -> Formula { .apply(.juxtapose, factors) }
    static func frac(_ numerator: Formula, _ denominator: Formula) -> Formula { .apply(.fraction, [numerator, denominator]) }
    static func pow(_ base: Formula, _ exponent: Formula) -> Formula { .apply(.power, [base, exponent]) }
    static func sqrt(_ x: Formula) -> Formula { .apply(.squareRoot, [x]) }
    static func abs(_ x: Formula) -> Formula { .apply(.abs, [x]) }
    static func exp(_ x: Formula) -> Formula { .apply(.exp, [x]) }
    static func ln(_ x: Formula) -> Formula { .apply(.ln, [x]) }
    static func max(_ xs: [Formula]) -> Formula { .apply(.max(over: nil), xs) }
    static func min(_ xs: [Formula]) -> Formula { .apply(.min(over: nil), xs) }
    /// `max_i z_i`
    static func max(over index: Formula, _ x: Formula) -> Formula { .apply(.max(over: index), [x]) }
    /// `min_i z_i`
    static func min(over index: Formula, _ x: Formula) -> Formula { .apply(.min(over: index), [x]) }
    static func floor(_ x: Formula) -> Formula { .apply(.floor, [x]) }
    static func ceil(_ x: Formula) -> Formula { .apply(.ceil, [x]) }
    static func call(_ name: String, _ xs: Formula...) -> Formula { .apply(.call(name), xs) }
    static func partial(_ of: Formula, _ with: Formula) -> Formula { .apply(.partial, [of, with]) }
    /// `∂/∂with (expression)`: the derivative of an expression, as an operator.
    static func partialOf(_ expression: Formula, _ with: Formula) -> Formula { .apply(.partialOf, [expression, with]) }
    /// `Σ_{index} body`, or `Σ_{index}^{upper} body`.
    static func sum(over index: Formula?, to upper: Formula? = nil, _ body: Formula) -> Formula {
        .apply(.sum(index: index, upper: upper), [body])
    }
    /// `i+u, j+v`: indices side by side, for a subscript.
    static func list(_ items: Formula...) -> Formula { .apply(.list, items) }
    static func vector(_ values: [Double]) -> Formula { .vector(numbers(values)) }
    static func matrix(_ rows: [[Double]]) -> Formula { .matrix(rows.map(numbers)) }
}

infix operator .= : FormulaRelationPrecedence
infix operator .≈ : FormulaRelationPrecedence
infix operator .=≈ : FormulaRelationPrecedence
precedencegroup FormulaRelationPrecedence {
    higherThan: TernaryPrecedence
    associativity: left
    lowerThan: AdditionPrecedence
}

extension Formula {
    /// `a = b`
    static func .= (a: Formula, b: Formula) -> Formula { .relation(.equals, a, b) }
    /// `a ≈ b`
    static func .≈ (a: Formula, b: Formula) -> Formula { .relation(.approximately, a, b) }
    /// `a = b` or `a ≈ b`, whichever `b` as shown makes true (`Relation.result`).
    static func .=≈ (a: Formula, b: Formula) -> Formula { .relation(.result, a, b) }
}
