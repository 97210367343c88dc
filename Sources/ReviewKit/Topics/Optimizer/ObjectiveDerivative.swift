/// The objective's partial derivatives written once in symbols (∂f/∂x = 2x),
/// built over the parser's post-order nodes (`ParsedExpression.nodeFormulas`)
/// with each primitive's rule from `Primitive.derivative` (the same calculus
/// the engine computes), then
/// tidied: zero terms dropped, factors of 1 dropped, number factors
/// multiplied out (10 · 2y is 20y). The engine still gives every number;
/// this is only what the sheet writes above them.
///
/// Nil when the expression uses max or min (their derivative is a choice,
/// not a formula) or is too long to be worth writing out.
enum ObjectiveDerivative {
    static let maxNodes = 200

    static func partial(_ parsed: ParsedExpression, wrt name: String, params: Set<String>) -> Formula? {
        guard parsed.nodes.count <= maxNodes else { return nil }
        let eIsConstant = !params.contains("e")
        let built = parsed.nodeFormulas(eIsConstant: eIsConstant)
        var derivative: [Formula?] = []
        for node in parsed.nodes {
            switch node.kind {
            case .number:
                derivative.append(nil)
            case .variable(let variable):
                derivative.append(variable == name ? .integer(1) : nil)
            case .operation(let op, let operands):
                let x = operands.map { built[$0] }
                let isEuler = parsed.isEulerBase(operands, eIsConstant: eIsConstant)
                var total: Formula?
                for (i, operand) in operands.enumerated() {
                    guard let inner = derivative[operand] else { continue }
                    guard let local = op.derivative(i, x, eulerBase: isEuler) else { return nil }
                    total = plus(total, times(local, inner))
                }
                derivative.append(total)
            }
        }
        return derivative.last.flatMap { $0 } ?? .integer(0)
    }

    /// `formula` with each param's symbol replaced by its value.
    static func substitute(_ formula: Formula, _ values: [Formula: Formula]) -> Formula {
        if let value = values[formula] { return value }
        switch formula {
        case .apply(let op, let operands): return .apply(op, operands.map { substitute($0, values) })
        case .relation(let r, let a, let b): return .relation(r, substitute(a, values), substitute(b, values))
        case .vector(let entries): return .vector(entries.map { substitute($0, values) })
        case .matrix(let rows): return .matrix(rows.map { $0.map { substitute($0, values) } })
        case .number, .integer, .symbol, .text: return formula
        }
    }

    // MARK: Tidying

    private static func plus(_ a: Formula?, _ b: Formula?) -> Formula? {
        guard let a else { return b }
        guard let b else { return a }
        if case .apply(.negate, let inner) = b { return a - inner[0] }
        if factors(b).0 < 0, let flipped = times(.integer(-1), b) { return a - flipped }
        return a + b
    }

    /// A product as a number times the other factors.
    private static func factors(_ f: Formula) -> (Double, [Formula]) {
        switch f {
        case .integer(let n): return (Double(n), [])
        case .number(let v, _): return (v, [])
        case .apply(.negate, let inner):
            let (c, rest) = factors(inner[0])
            return (-c, rest)
        case .apply(.multiply, let operands):
            return operands.reduce((1.0, [Formula]())) { acc, operand in
                let (c, rest) = factors(operand)
                return (acc.0 * c, acc.1 + rest)
            }
        default: return (1, [f])
        }
    }

    private static func times(_ a: Formula, _ b: Formula) -> Formula? {
        let (ca, fa) = factors(a), (cb, fb) = factors(b)
        let c = ca * cb, rest = fa + fb
        if c == 0 { return nil }
        let number: Formula = c == c.rounded() && abs(c) < 1e9 ? .integer(Int(c)) : .number(c)
        if rest.isEmpty { return number }
        let product: Formula = rest.count == 1 ? rest[0] : .apply(.multiply, rest)
        if c == 1 { return product }
        if c == -1 { return -product }
        return .apply(.multiply, [number] + rest)
    }
}
