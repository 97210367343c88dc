import Foundation

/// Runs the optimiser's steps: numbers only, no wording. Each step takes
/// the raw gradient g (from the objective through the backprop engine, or
/// from the list), adds the coupled penalties λθ + λ₁·sign(θ), updates the
/// rule's state (which starts at 0) and moves the parameters.
enum OptimizerSolver {
    struct Hyper: Sendable {
        var rule: OptimizerRule
        var learningRate: Double
        var momentum = 0.0, rho = 0.0, beta1 = 0.0, beta2 = 0.0, eps = 0.0
        var weightDecay = 0.0, l1 = 0.0
        /// A wrong rule a student may run instead (the contract's slips),
        /// so mistake diagnosis can compute the answers it gives.
        var variant: Variant = .right
        var penalised: Bool { weightDecay != 0 || l1 != 0 }
    }

    enum Variant: Sendable {
        case right
        /// m̂ = m, v̂ = v (`adam-no-bias-correction`)
        case noBiasCorrection
        /// v ← μv + ηg, then θ ← θ − ηv (`momentum-lr-twice`)
        case learningRateTwice
        /// θ ← θ − ηλθ after the step, λθ left out of g (`decoupled-decay`)
        case decoupledDecay
        /// G = g² of the step only (`adagrad-no-accumulate`)
        case noAccumulation
    }

    /// One step t (from 1), every vector indexed like the params.
    struct Step: Sendable {
        var t: Int
        var before: [Double]
        /// f(θ) before the step, with an objective.
        var value: Double?
        var gradient: [Double]
        /// g + λθ + λ₁ sign(θ)
        var total: [Double]
        /// velocity (momentum, nesterov), sum_sq (adagrad), square_avg (rmsprop), m (adam)
        var first: [Double] = []
        /// v (adam)
        var second: [Double] = []
        var mHat: [Double] = []
        var vHat: [Double] = []
        /// 1 − β₁^t and 1 − β₂^t (adam)
        var bias1 = 1.0, bias2 = 1.0
        /// What θ moves by: θ_after = θ_before − delta.
        var delta: [Double]
        var after: [Double]
    }

    struct Run: Sendable {
        var steps: [Step]
        var final: [Double]
        /// f at the final params, with an objective.
        var finalValue: Double?
    }

    /// Why a run stopped: the step (from 0) and what went wrong there.
    struct Failure: Error {
        var step: Int
        var message: String
    }

    /// The gradient source: the value and gradient of f at θ, or the given
    /// gradient of step k.
    typealias Gradient = (_ k: Int, _ theta: [Double]) throws(Failure) -> (value: Double?, gradient: [Double])

    static func run(start: [Double], steps: Int, hyper h: Hyper, gradient: Gradient, value: ([Double]) -> Double?)
        throws(Failure) -> Run
    {
        var theta = start
        let n = start.count
        var first = [Double](repeating: 0, count: n), second = first
        var out: [Step] = []
        for k in 0..<steps {
            let t = k + 1
            let (f, g) = try gradient(k, theta)
            let decay = h.variant == .decoupledDecay ? 0 : h.weightDecay
            let total = (0..<n).map { g[$0] + decay * theta[$0] + h.l1 * sign(theta[$0]) }
            var step = Step(t: t, before: theta, value: f, gradient: g, total: total, delta: [], after: [])
            var delta = [Double](repeating: 0, count: n)
            for i in 0..<n {
                let gi = total[i]
                switch h.rule {
                case .sgd:
                    delta[i] = h.learningRate * gi
                case .momentum:
                    first[i] = h.momentum * first[i] + (h.variant == .learningRateTwice ? h.learningRate * gi : gi)
                    delta[i] = h.learningRate * first[i]
                case .nesterov:
                    first[i] = h.momentum * first[i] + gi
                    delta[i] = h.learningRate * (gi + h.momentum * first[i])
                case .adagrad:
                    first[i] = (h.variant == .noAccumulation ? 0 : first[i]) + gi * gi
                    delta[i] = h.learningRate * gi / (first[i].squareRoot() + h.eps)
                case .rmsprop:
                    first[i] = h.rho * first[i] + (1 - h.rho) * gi * gi
                    delta[i] = h.learningRate * gi / (first[i].squareRoot() + h.eps)
                case .adam:
                    first[i] = h.beta1 * first[i] + (1 - h.beta1) * gi
                    second[i] = h.beta2 * second[i] + (1 - h.beta2) * gi * gi
                }
            }
            if h.rule == .adam {
                let corrected = h.variant != .noBiasCorrection
                step.bias1 = corrected ? 1 - Foundation.pow(h.beta1, Double(t)) : 1
                step.bias2 = corrected ? 1 - Foundation.pow(h.beta2, Double(t)) : 1
                step.mHat = first.map { $0 / step.bias1 }
                step.vHat = second.map { $0 / step.bias2 }
                for i in 0..<n { delta[i] = h.learningRate * step.mHat[i] / (step.vHat[i].squareRoot() + h.eps) }
            }
            step.first = first
            step.second = second
            if h.variant == .decoupledDecay {
                for i in 0..<n { delta[i] += h.learningRate * h.weightDecay * theta[i] }
            }
            step.delta = delta
            theta = (0..<n).map { theta[$0] - delta[$0] }
            step.after = theta
            let numbers = [f ?? 0] + g + total + first + second + step.mHat + step.vHat + delta + theta
            guard numbers.allSatisfy(\.isFinite) else {
                throw Failure(step: k, message: "the values stop being finite at step \(t) (θ or the rule's state overflows)")
            }
            out.append(step)
        }
        return Run(steps: out, final: theta, finalValue: value(theta))
    }

    /// sign(0) = 0, as the L1 penalty's subgradient is taken.
    static func sign(_ x: Double) -> Double { x > 0 ? 1 : x < 0 ? -1 : 0 }
}
