/// The whole expression as LaTeX for the question, e.g.
/// `x \cdot e^{(x \cdot 3) \cdot \max(x, y)}`.
///
/// Built bottom-up over the parser's flat post-order nodes (no recursion),
/// parenthesising a child only where the tree needs it. Very large
/// expressions are shown as their source text instead: nobody reads a
/// 10,000-node formula, and building it would cost quadratic time.
enum ExpressionLaTeX {
    static let maxNodes = 400

    static func render(_ parsed: ParsedExpression, eIsConstant: Bool) -> String {
        guard parsed.nodes.count <= maxNodes else {
            return "\\texttt{\(MathNotation.escape(parsed.source))}"
        }
        // (text, precedence): 1 sums, 2 products, 3 negation, 4 powers, 5 atoms
        var rendered: [(String, Int)] = []
        rendered.reserveCapacity(parsed.nodes.count)
        for node in parsed.nodes {
            switch node.kind {
            case .number(let value, _):
                rendered.append((NumberFormat.latex(value, decimals: 6), 5))
            case .variable(let name):
                rendered.append((name == "e" && eIsConstant ? "e" : MathNotation.name(name), 5))
            case .operation(let op, let operands):
                rendered.append(combine(op, operands.map { rendered[$0] }))
            }
        }
        return rendered.last?.0 ?? ""
    }

    private static func combine(_ op: Primitive, _ a: [(String, Int)]) -> (String, Int) {
        func wrap(_ child: (String, Int), below level: Int) -> String {
            child.1 < level ? "(\(child.0))" : child.0
        }
        switch op {
        case .add: return ("\(wrap(a[0], below: 1)) + \(wrap(a[1], below: 2))", 1)
        case .subtract: return ("\(wrap(a[0], below: 1)) - \(wrap(a[1], below: 2))", 1)
        case .multiply: return ("\(wrap(a[0], below: 2)) \\cdot \(wrap(a[1], below: 4))", 2)
        case .divide: return ("\\frac{\(a[0].0)}{\(a[1].0)}", 5)
        case .power: return ("\(wrap(a[0], below: 5))^{\(a[1].0)}", 4)
        case .negate: return ("-\(wrap(a[0], below: 4))", 3)
        case .exp: return ("\\exp(\(a[0].0))", 5)
        case .log: return ("\\ln(\(a[0].0))", 5)
        case .sqrt: return ("\\sqrt{\(a[0].0)}", 5)
        case .abs: return ("\\lvert \(a[0].0) \\rvert", 5)
        case .sigmoid: return ("\\sigma(\(a[0].0))", 5)
        case .tanh: return ("\\tanh(\(a[0].0))", 5)
        case .relu: return ("\\operatorname{relu}(\(a[0].0))", 5)
        case .sin: return ("\\sin(\(a[0].0))", 5)
        case .cos: return ("\\cos(\(a[0].0))", 5)
        case .max: return ("\\max(\(a[0].0), \(a[1].0))", 5)
        case .min: return ("\\min(\(a[0].0), \(a[1].0))", 5)
        }
    }
}
