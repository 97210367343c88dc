import Foundation

/// The forward rule and the local derivative of one primitive, side by side.
///
/// Keeping them in one value per case (as micrograd keeps `_backward` next to
/// the forward computation) makes it easy to check each derivative against its
/// definition and impossible to add an operation without its derivative.
struct PrimitiveRule: Sendable {
    /// y = f(x₀, x₁, …)
    let forward: @Sendable (_ x: [Double]) -> Double
    /// ∂y/∂x_i, given the inputs and the already-computed output y.
    let derivative: @Sendable (_ i: Int, _ x: [Double], _ y: Double) -> Double
}

extension Primitive {
    /// The rule under the default kink, relu'(0) = 0.
    var rule: PrimitiveRule { rule(kink: .left) }

    /// The rule with relu's slope at exactly 0 taken from `kink`; every
    /// other primitive is the same under either convention.
    func rule(kink: Activation.Kink) -> PrimitiveRule {
        switch self {
        case .add:
            PrimitiveRule(forward: { $0[0] + $0[1] }, derivative: { _, _, _ in 1 })
        case .subtract:
            PrimitiveRule(forward: { $0[0] - $0[1] }, derivative: { i, _, _ in i == 0 ? 1 : -1 })
        case .multiply:
            PrimitiveRule(forward: { $0[0] * $0[1] }, derivative: { i, x, _ in x[1 - i] })
        case .divide:  // ∂/∂a = 1/b, ∂/∂b = −a/b²
            PrimitiveRule(forward: { $0[0] / $0[1] }, derivative: { i, x, _ in i == 0 ? 1 / x[1] : -x[0] / (x[1] * x[1]) })
        case .power:  // ∂/∂a = b·a^(b−1) (0 when b = 0), ∂/∂b = a^b·ln a
            PrimitiveRule(
                forward: { Foundation.pow($0[0], $0[1]) },
                derivative: { i, x, y in
                    if i == 0 { return x[1] == 0 ? 0 : x[1] * Foundation.pow(x[0], x[1] - 1) }
                    return y * Foundation.log(x[0])
                })
        case .negate:
            PrimitiveRule(forward: { -$0[0] }, derivative: { _, _, _ in -1 })
        case .exp:  // exp' = exp, which is the output
            PrimitiveRule(forward: { Foundation.exp($0[0]) }, derivative: { _, _, y in y })
        case .log:  // natural log; log' = 1/a
            PrimitiveRule(forward: { Foundation.log($0[0]) }, derivative: { _, x, _ in 1 / x[0] })
        case .sqrt:  // sqrt' = 1/(2√a)
            PrimitiveRule(forward: { $0[0].squareRoot() }, derivative: { _, _, y in 1 / (2 * y) })
        case .abs:  // abs'(0) = 0 by convention
            PrimitiveRule(forward: { Swift.abs($0[0]) }, derivative: { _, x, _ in x[0] > 0 ? 1 : (x[0] < 0 ? -1 : 0) })
        case .sigmoid: Self.rule(.sigmoid)
        case .tanh: Self.rule(.tanh)
        case .relu: Self.rule(.relu, kink: kink)
        case .sin:
            PrimitiveRule(forward: { Foundation.sin($0[0]) }, derivative: { _, x, _ in Foundation.cos(x[0]) })
        case .cos:
            PrimitiveRule(forward: { Foundation.cos($0[0]) }, derivative: { _, x, _ in -Foundation.sin(x[0]) })
        case .max:  // a tie sends the whole gradient to the first argument
            PrimitiveRule(forward: { Swift.max($0[0], $0[1]) }, derivative: { i, x, _ in (x[0] >= x[1]) == (i == 0) ? 1 : 0 })
        case .min:  // a tie sends the whole gradient to the first argument
            PrimitiveRule(forward: { Swift.min($0[0], $0[1]) }, derivative: { i, x, _ in (x[0] <= x[1]) == (i == 0) ? 1 : 0 })
        }
    }

    /// An activation's rule, from the one shared definition (`Activation`).
    private static func rule(_ activation: Activation, kink: Activation.Kink = .left) -> PrimitiveRule {
        PrimitiveRule(
            forward: { activation.value($0[0]) },
            derivative: { _, x, y in
                activation.derivative(at: x[0], output: y, alpha: activation.defaultAlpha ?? 0, kink: kink)
            })
    }

    /// The value of the operation at `inputs`.
    public func forward(_ inputs: [Double]) -> Double {
        rule.forward(inputs)
    }

    /// ∂output/∂inputs[operand].
    public func localGradient(_ operand: Int, inputs: [Double], output: Double) -> Double {
        rule.derivative(operand, inputs, output)
    }

    /// ∂output/∂input_i for every operand.
    public func localGradients(inputs: [Double], output: Double) -> [Double] {
        let rule = self.rule
        return inputs.indices.map { rule.derivative($0, inputs, output) }
    }

    /// The convention the local gradients rely on at `inputs`, if any.
    public func convention(inputs: [Double]) -> Convention? {
        switch self {
        case .relu where inputs[0] == 0: return .reluAtZero
        case .abs where inputs[0] == 0: return .absAtZero
        case .max where inputs[0] == inputs[1], .min where inputs[0] == inputs[1]: return .tieGoesToFirst
        default: return nil
        }
    }

    /// Why the operation is undefined at `inputs`, checked before computing so the
    /// message can name the cause rather than report a bare NaN or infinity.
    func domainError(_ x: [Double]) -> String? {
        switch self {
        case .log where x[0] <= 0: return "log of a non-positive value (\(x[0].plainDescription))"
        case .sqrt where x[0] < 0: return "sqrt of a negative value (\(x[0].plainDescription))"
        case .divide where x[1] == 0: return "division by zero"
        case .power where x[0] == 0 && x[1] < 0:
            return "zero raised to a negative power (\(x[1].plainDescription))"
        case .power where x[0] < 0 && x[1] != x[1].rounded():
            return "negative base (\(x[0].plainDescription)) raised to a non-integer power (\(x[1].plainDescription))"
        default: return nil
        }
    }

    /// Why ∂/∂operand is undefined at `x`, if it is; only asked when that gradient is needed.
    func gradientDomainError(_ operand: Int, _ x: [Double]) -> String? {
        if self == .power, operand == 1, x[0] <= 0 {
            return "gradient with respect to the exponent needs ln of the base, "
                + "which is undefined for a non-positive base (\(x[0].plainDescription))"
        }
        return nil
    }
}

