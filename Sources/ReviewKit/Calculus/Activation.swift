import Foundation

/// The activation functions every topic shares, each defined once: its
/// value, its derivative and how it is written. Backprop's engine takes its
/// forward and backward rules from here; the coming topics (MLP, RNN, …)
/// should too, so a convention such as relu'(0) = 0 lives in one place.
///
/// The values are the exact expressions the engine has always used, so
/// answers do not move by a bit: σ is computed without overflow (exp only of
/// a non-positive number) and relu is `max(x, 0)` (which keeps −0 as −0).
///
/// `leaky_relu`, `elu`, `softplus` and `linear` were added for `mlp` and
/// `activation`; backprop's grammar has none of them (its primitives map
/// onto the first three cases by name only).
enum Activation: String, CaseIterable, Sendable {
    case sigmoid, tanh, relu
    case leakyRelu = "leaky_relu", elu, softplus, linear

    /// Which slope relu, leaky relu and elu take at exactly 0 (the
    /// contract's `kink`): `left`, that of x < 0 (PyTorch's and backprop's
    /// relu'(0) = 0), or `right`, that of x > 0 (the notes' table, 000 l.32).
    enum Kink: String, CaseIterable, Sendable {
        case left, right
    }

    /// α's default where the function has one: PyTorch's negative_slope
    /// 0.01 for leaky relu, 1 for elu; nil for the rest.
    var defaultAlpha: Double? {
        switch self {
        case .leakyRelu: return 0.01
        case .elu: return 1
        default: return nil
        }
    }

    /// Whether f has a kink at 0 (so the `kink` convention matters there).
    var hasKink: Bool { self == .relu || self == .leakyRelu || self == .elu }

    func value(_ x: Double) -> Double {
        value(x, alpha: defaultAlpha ?? 0)
    }

    /// f(x) with α for leaky relu and elu (ignored by the others).
    func value(_ x: Double, alpha: Double) -> Double {
        switch self {
        case .sigmoid:
            if x >= 0 { return 1 / (1 + Foundation.exp(-x)) }
            let e = Foundation.exp(x)
            return e / (1 + e)
        case .tanh: return Foundation.tanh(x)
        case .relu: return Swift.max(x, 0)
        case .leakyRelu: return x > 0 ? x : alpha * x
        case .elu: return x > 0 ? x : alpha * Foundation.expm1(x)
        // ln(1 + e^x) = max(x, 0) + ln(1 + e^{−|x|}): never overflows.
        case .softplus: return Swift.max(x, 0) + Foundation.log1p(Foundation.exp(-Swift.abs(x)))
        case .linear: return x
        }
    }

    /// f'(x), given x and the already computed y = f(x) (σ' and tanh' are
    /// cheapest from y).
    func derivative(at x: Double, output y: Double) -> Double {
        derivative(at: x, output: y, alpha: defaultAlpha ?? 0, kink: .left)
    }

    /// f'(x) with α and the convention at the kink x = 0.
    func derivative(at x: Double, output y: Double, alpha: Double, kink: Kink) -> Double {
        let right = x > 0 || (x == 0 && kink == .right)
        switch self {
        case .sigmoid: return y * (1 - y)  // σ' = σ(1 − σ)
        case .tanh: return 1 - y * y  // tanh' = 1 − tanh²
        case .relu: return right ? 1 : 0  // relu'(0) = 0 under the default kink
        case .leakyRelu: return right ? 1 : alpha
        case .elu: return right ? 1 : alpha * Foundation.exp(x)
        case .softplus: return Activation.sigmoid.value(x)  // softplus' = σ
        case .linear: return 1
        }
    }

    /// f(x) as a formula: `σ(x)`, `tanh(x)`, `ReLU(x)`.
    func formula(_ x: Formula) -> Formula {
        switch self {
        case .sigmoid: return .call("sigma", x)
        case .tanh: return .call("tanh", x)
        case .relu: return .call("ReLU", x)
        case .leakyRelu: return .call("LeakyReLU", x)
        case .elu: return .call("ELU", x)
        case .softplus: return .call("softplus", x)
        case .linear: return x
        }
    }

    /// f'(x) as a formula: `σ(x) (1 - σ(x))`, `1 - tanh(x)^2`, and for relu
    /// `H(x)`, the Heaviside step with H(0) = 0 (the convention above).
    func derivativeFormula(_ x: Formula) -> Formula {
        switch self {
        case .sigmoid: return .juxtapose(formula(x), 1 - formula(x))
        case .tanh: return 1 - .pow(formula(x), 2)
        case .relu: return .call("H", x)
        case .leakyRelu, .elu: return .call(rawValue == "elu" ? "ELU'" : "LeakyReLU'", x)
        case .softplus: return .call("sigma", x)
        case .linear: return 1
        }
    }
}

extension Activation {
    /// f'(a) written with the output y = f(a), as a student redoes it from
    /// values already on the sheet: `y (1 - y)` for σ, `1 - y^2` for tanh,
    /// and for relu `H(a)`, the step with H(0) = 0 (ReLU's convention).
    /// `a` and `y` may be symbols or numbers.
    func derivativeFromOutput(preActivation a: Formula, output y: Formula) -> Formula {
        switch self {
        case .sigmoid: return .juxtapose(y, 1 - y)
        case .tanh: return 1 - .pow(y, 2)
        case .relu: return .call("H", a)
        // Only σ, tanh and relu have a form in y that rnn uses; the others are written in a.
        case .leakyRelu, .elu, .softplus, .linear: return derivativeFormula(a)
        }
    }
}
