import Foundation

/// The numbers of an unrolled RNN: the forward pass over every step and,
/// with targets, backpropagation through time. Numbers only; the worked
/// steps are recorded from these by `RNNTrace`.
enum RNNSolver {
    struct Forward: Sendable {
        /// a_t, s_t (T×n), o_t (T×k), one row per step.
        var a: [[Double]]
        var s: [[Double]]
        var o: [[Double]]
        /// Softmax only: m_t = max_i o_{t,i}, S_t = Σ_j e^{o_{t,j} − m_t},
        /// ŷ_t, and ln ŷ_t = o_t − m_t − ln S_t (log-sum-exp, the shared `Softmax`).
        var m: [Double]
        var sums: [Double]
        var yHat: [[Double]]
        var logYHat: [[Double]]
        /// y_t as a vector, nil where the step has no target.
        var y: [[Double]?]
        /// L_t (0 where there is no target) and L = Σ_t L_t.
        var losses: [Double]
        var loss: Double
    }

    struct Backward: Sendable {
        /// g_t = ∂L/∂o_t: ŷ_t − y_t (softmax) or o_t − y_t (linear); 0 without a target.
        var g: [[Double]]
        /// ∂L/∂s_t = Vᵀ g_t + Wᵀ δ_{t+1}, by both paths.
        var ds: [[Double]]
        /// δ_t = ∂L/∂a_t = ∂L/∂s_t ⊙ f′(a_t)
        var delta: [[Double]]
        /// f′(a_t), entry by entry.
        var derivative: [[Double]]
        /// The per-step terms δ_t x_tᵀ, δ_t s_{t−1}ᵀ, g_t s_tᵀ, and their sums.
        var termsU: [[[Double]]]
        var termsW: [[[Double]]]
        var termsV: [[[Double]]]
        var dU: [[Double]]
        var dW: [[Double]]
        var dV: [[Double]]
        var db: [Double]
        var dc: [Double]
    }

    static func forward(_ p: RNNTopic.Problem) -> Forward {
        var f = Forward(a: [], s: [], o: [], m: [], sums: [], yHat: [], logYHat: [], y: [], losses: [], loss: 0)
        var previous = p.initialState
        let k = p.outputs
        for t in 0..<p.steps {
            let a = MatrixMath.add(MatrixMath.add(MatrixMath.times(p.U, p.x[t]), MatrixMath.times(p.W, previous)), p.bias)
            let s = a.map(p.activation.value)
            let o = MatrixMath.add(MatrixMath.times(p.V, s), p.outputBias)
            let y = p.targets?[t].values(k: k)
            f.a.append(a); f.s.append(s); f.o.append(o); f.y.append(y)
            var loss = 0.0
            switch p.output {
            case .softmax:
                let softmax = Softmax(o)
                f.m.append(softmax.max)
                f.sums.append(softmax.sum)
                f.yHat.append(softmax.probabilities)
                f.logYHat.append(softmax.logProbabilities)
                if let y { loss = CrossEntropy(softmax, target: y).loss }
            case .linear:
                if let y { loss = 0.5 * zip(o, y).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } }
            }
            f.losses.append(loss)
            previous = s
        }
        f.loss = f.losses.reduce(0, +)
        return f
    }

    /// BPTT; with a slip, the backward pass a student making it writes
    /// (`RNNTopic.slipAnswers`).
    static func backward(_ p: RNNTopic.Problem, _ f: Forward, slip: RNNTopic.Slip? = nil) -> Backward {
        let T = p.steps, n = p.units, k = p.outputs
        var g = Array(repeating: Array(repeating: 0.0, count: k), count: T)
        var ds = Array(repeating: Array(repeating: 0.0, count: n), count: T)
        var delta = ds, derivative = ds
        let vT = MatrixMath.transpose(p.V), wT = MatrixMath.transpose(p.W)
        for t in stride(from: T - 1, through: 0, by: -1) {
            if let y = f.y[t] {
                let predicted = p.output == .softmax ? f.yHat[t] : f.o[t]
                g[t] = MatrixMath.subtract(predicted, y)
            }
            var state = MatrixMath.times(vT, g[t])
            if t + 1 < T, slip != .noBPTT { state = MatrixMath.add(state, MatrixMath.times(wT, delta[t + 1])) }
            ds[t] = state
            derivative[t] = zip(f.a[t], f.s[t]).map {
                // The slip takes f′ from a_t where it needs s_t: 1 − a², a(1 − a).
                p.activation.derivative(at: $0, output: slip == .derivativeOfPreactivation ? $0 : $1)
            }
            delta[t] = zip(state, derivative[t]).map(*)
        }
        let previous = [p.initialState] + f.s.dropLast()
        let termsU = (0..<T).map { MatrixMath.outer(delta[$0], p.x[$0]) }
        let termsW = (0..<T).map { MatrixMath.outer(delta[$0], previous[$0]) }
        let termsV = (0..<T).map { MatrixMath.outer(g[$0], f.s[$0]) }
        // The slip keeps only the t = T term of each sum.
        let kept = slip == .lastStepOnly ? T - 1 : 0
        func total(_ terms: [[[Double]]]) -> [[Double]] { terms.dropFirst(kept + 1).reduce(terms[kept], MatrixMath.add) }
        func total(_ terms: [[Double]]) -> [Double] { terms.dropFirst(kept + 1).reduce(terms[kept], MatrixMath.add) }
        return Backward(
            g: g, ds: ds, delta: delta, derivative: derivative, termsU: termsU, termsW: termsW, termsV: termsV,
            dU: total(termsU), dW: total(termsW), dV: total(termsV), db: total(delta), dc: total(g))
    }
}
