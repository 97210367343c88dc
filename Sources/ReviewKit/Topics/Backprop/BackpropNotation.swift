/// How each primitive is written on a sheet: its forward formula and its
/// local derivatives, in LaTeX and in plain text (for JSON `steps`).
///
/// The numbers come from the engine (`Primitive+Calculus`); this file only
/// writes them down. Operands arrive already written: a node's name, or a
/// number, parenthesised when negative.
enum BackpropNotation {
    enum Style { case latex, plain }

    /// The right-hand side of `name = …` for an operation.
    static func formula(_ op: Primitive, _ a: [String], style: Style) -> String {
        let x = a[0]
        let y = a.count > 1 ? a[1] : ""
        switch style {
        case .latex:
            switch op {
            case .add: return "\(x) + \(y)"
            case .subtract: return "\(x) - \(y)"
            case .multiply: return "\(x) \\cdot \(y)"
            case .divide: return "\\frac{\(x)}{\(y)}"
            case .power: return "\(x)^{\(exponent(y))}"
            case .negate: return "-\(x)"
            case .exp: return "e^{\(exponent(x))}"
            case .log: return "\\ln(\(x))"
            case .sqrt: return "\\sqrt{\(x)}"
            case .abs: return "\\lvert \(x) \\rvert"
            case .sigmoid: return "\\sigma(\(x))"
            case .tanh: return "\\tanh(\(x))"
            case .relu: return "\\operatorname{relu}(\(x))"
            case .sin: return "\\sin(\(x))"
            case .cos: return "\\cos(\(x))"
            case .max: return "\\max(\(x), \(y))"
            case .min: return "\\min(\(x), \(y))"
            }
        case .plain:
            switch op {
            case .add: return "\(x) + \(y)"
            case .subtract: return "\(x) - \(y)"
            case .multiply: return "\(x) * \(y)"
            case .divide: return "\(x) / \(y)"
            case .power: return "\(x)^\(y)"
            case .negate: return "-\(x)"
            case .max, .min: return "\(op.rawValue)(\(x), \(y))"
            default: return "\(op.rawValue)(\(x))"
            }
        }
    }

    /// An exponent needs no parentheses around a negative number: `e^{-1}`.
    static func exponent(_ operand: String) -> String {
        guard operand.hasPrefix("(-"), operand.hasSuffix(")"),
            !operand.dropFirst().dropLast().contains(where: { "()".contains($0) })
        else { return operand }
        return String(operand.dropFirst().dropLast())
    }

    /// ∂node/∂operand `i` in symbols (LaTeX), given the operands and the
    /// node itself (for rules like σ(1−σ) that are easiest in terms of the
    /// output).
    static func localDerivative(_ op: Primitive, _ a: [String], operand i: Int, baseIsE: Bool = false) -> String {
        let x = a[0]
        let y = a.count > 1 ? a[1] : ""
        switch op {
        case .add: return "1"
        case .subtract: return i == 0 ? "1" : "-1"
        case .multiply: return i == 0 ? y : x
        case .divide: return i == 0 ? "\\frac{1}{\(y)}" : "-\\frac{\(x)}{\(y)^{2}}"
        case .power:
            if i == 0 { return "\(y) \\cdot \(x)^{\(y) - 1}" }
            return baseIsE ? "e^{\(exponent(y))}" : "\(x)^{\(exponent(y))} \\ln(\(x))"
        case .negate: return "-1"
        case .exp: return "e^{\(exponent(x))}"
        case .log: return "\\frac{1}{\(x)}"
        case .sqrt: return "\\frac{1}{2\\sqrt{\(x)}}"
        case .abs: return "\\operatorname{sign}(\(x))"
        case .sigmoid: return "\\sigma(\(x))\\,(1 - \\sigma(\(x)))"
        case .tanh: return "1 - \\tanh^{2}(\(x))"
        case .relu: return "[\(x) > 0]"
        case .sin: return "\\cos(\(x))"
        case .cos: return "-\\sin(\(x))"
        case .max: return i == 0 ? "[\(x) \\ge \(y)]" : "[\(y) > \(x)]"
        case .min: return i == 0 ? "[\(x) \\le \(y)]" : "[\(y) < \(x)]"
        }
    }
}
