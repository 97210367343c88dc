/// Each primitive's rule and local derivatives as formulas: the same
/// calculus the engine computes (`Primitive+Calculus`, `Activation`)
/// written down, kept out of the engine so it stays free of notation.
/// Backprop writes every node's rule and local gradient with it, the
/// optimizer its objective's derivatives (`ObjectiveDerivative`).
extension Primitive {
    /// The operation on `x`: `x_0 + x_1`, `\frac{a}{b}`, `σ(x)`; a power of
    /// Euler's number is `e^{x}`.
    func formula(_ x: [Formula], eulerBase: Bool = false) -> Formula {
        switch self {
        case .add: return x[0] + x[1]
        case .subtract: return x[0] - x[1]
        case .multiply: return x[0] * x[1]
        case .divide: return .frac(x[0], x[1])
        case .power: return eulerBase ? .exp(x[1]) : .pow(x[0], x[1])
        case .negate: return -x[0]
        case .exp: return .exp(x[0])
        case .log: return .ln(x[0])
        case .sqrt: return .sqrt(x[0])
        case .sigmoid, .tanh, .relu: return activation!.formula(x[0])
        case .abs, .sin, .cos: return .call(rawValue, x[0])
        case .max: return .max(x)
        case .min: return .min(x)
        }
    }

    /// ∂y/∂x_i for operands `x`. With `output` (y's value) an activation's
    /// derivative is written in terms of it, `0.7311 (1 - 0.7311)`, which a
    /// reader can redo by hand (`Activation.derivativeFromOutput`). Nil for
    /// max and min: their derivative is a choice (1 for the winning
    /// argument, 0 for the other), not a formula.
    func derivative(_ i: Int, _ x: [Formula], output: Formula? = nil, eulerBase: Bool = false) -> Formula? {
        switch self {
        case .add: return 1
        case .subtract: return i == 0 ? 1 : -1
        case .multiply: return x[1 - i]
        case .divide: return i == 0 ? .frac(1, x[1]) : -.frac(x[0], .pow(x[1], 2))
        case .power where i == 0:
            // A literal exponent is folded: `2 x`, `3 x^{2}`, not `2 x^{2 - 1}`.
            guard case .number(let b, Formula.literalDigits) = x[1] else { return x[1] * .pow(x[0], x[1] - 1) }
            return b == 2 ? x[1] * x[0] : x[1] * .pow(x[0], .literal(b - 1))
        case .power: return eulerBase ? .exp(x[1]) : .juxtapose(.pow(x[0], x[1]), .ln(x[0]))
        case .negate: return -1
        case .exp: return .exp(x[0])
        case .log: return .frac(1, x[0])
        case .sqrt: return .frac(1, 2 * .sqrt(x[0]))
        case .abs: return .call("sign", x[0])
        case .sigmoid, .tanh, .relu:
            let activation = activation!
            guard let output else { return activation.derivativeFormula(x[0]) }
            return activation.derivativeFromOutput(preActivation: x[0], output: output)
        case .sin: return .call("cos", x[0])
        case .cos: return -.call("sin", x[0])
        case .max, .min: return nil
        }
    }

    /// The shared definition behind sigmoid, tanh and relu; nil for the rest.
    var activation: Activation? { Activation(rawValue: rawValue) }
}
