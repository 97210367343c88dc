import Foundation

/// The activation functions every topic shares, each defined once: its
/// value, its derivative and how it is written. Backprop's engine takes its
/// forward and backward rules from here; the coming topics (MLP, RNN, …)
/// should too, so a convention such as relu'(0) = 0 lives in one place.
///
/// The values are the exact expressions the engine has always used, so
/// answers do not move by a bit: σ is computed without overflow (exp only of
/// a non-positive number) and relu is `max(x, 0)` (which keeps −0 as −0).
enum Activation: String, CaseIterable, Sendable {
    case sigmoid, tanh, relu

    func value(_ x: Double) -> Double {
        switch self {
        case .sigmoid:
            if x >= 0 { return 1 / (1 + Foundation.exp(-x)) }
            let e = Foundation.exp(x)
            return e / (1 + e)
        case .tanh: return Foundation.tanh(x)
        case .relu: return Swift.max(x, 0)
        }
    }

    /// f'(x), given x and the already computed y = f(x) (σ' and tanh' are
    /// cheapest from y).
    func derivative(at x: Double, output y: Double) -> Double {
        switch self {
        case .sigmoid: return y * (1 - y)  // σ' = σ(1 − σ)
        case .tanh: return 1 - y * y  // tanh' = 1 − tanh²
        case .relu: return x > 0 ? 1 : 0  // relu'(0) = 0 by convention
        }
    }

    /// f(x) as a formula: `σ(x)`, `tanh(x)`, `ReLU(x)`.
    func formula(_ x: Formula) -> Formula {
        switch self {
        case .sigmoid: return .call("sigma", x)
        case .tanh: return .call("tanh", x)
        case .relu: return .call("ReLU", x)
        }
    }

    /// f'(x) as a formula: `σ(x) (1 - σ(x))`, `1 - tanh(x)^2`, and for relu
    /// `H(x)`, the Heaviside step with H(0) = 0 (the convention above).
    func derivativeFormula(_ x: Formula) -> Formula {
        switch self {
        case .sigmoid: return .juxtapose(formula(x), 1 - formula(x))
        case .tanh: return 1 - .pow(formula(x), 2)
        case .relu: return .call("H", x)
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
        }
    }
}
