import Foundation

/// The numbers of an `mlp` problem, no wording: per example the forward
/// pass, the loss and the deltas (BP1, BP2); then the batch-mean gradients
/// (BP3, BP4) and, with a learning rate, one step and the loss after it.
///
/// Layers are indexed from 0 here (`layers[0]` is the notes' layer 1);
/// `a[0]` is the input, so `a[l + 1] = f(z[l])`.
enum MLPSolver {
    struct Example: Sendable {
        var z: [[Double]] = []
        /// a^0 (the input) … a^L.
        var a: [[Double]] = []
        /// f'(z^l) per layer (empty for a softmax layer, whose δ needs none).
        var slope: [[Double]] = []
        /// ∂C_x/∂z^l per layer (this example's own, not divided by m).
        var delta: [[Double]] = []
        /// C_x
        var loss: Double = 0
    }

    struct Step: Sendable {
        var weights: [[[Double]]]
        var biases: [[Double]]
        /// The forward pass of every example with the new parameters.
        var examples: [Example]
        var loss: Double
    }

    struct Result: Sendable {
        var examples: [Example]
        /// C: the mean of the examples' losses.
        var loss: Double
        var gradWeights: [[[Double]]]
        var gradBiases: [[Double]]
        var step: Step?
    }

    /// A rule students get wrong, for the contract's `mlp` slips
    /// (topics-networks.md): the whole pass is redone with it, so the
    /// mistake carries into every later value as on a student's sheet.
    enum Variant: Sendable, Equatable {
        /// The contract's rules.
        case right
        /// C = Σ_j (t_j − a_j)² without the ½: C, δ^L and every gradient doubled.
        case mseNoHalf
        /// δ^L = a − t under mse: f'(z^L) left out.
        case noOutputDerivative
        /// δ^l_j = (Σ_m δ^{l+1}_m a^l_j) f'(z^l_j): ∂C/∂w_mj's a_j taken for w_mj.
        case hiddenDeltaFromGrad
        /// δ^l through W^{l+1} after its step (the weights updated on the way down).
        case updatedWeightsBackward
        /// The batch's gradients summed, not averaged.
        case batchSum
    }

    static func solve(_ p: MLPTopic.Problem, variant: Variant = .right) throws -> Result {
        let targets = p.targets.map { $0.vector(outputs: p.layers.last!.weights.count) }
        let half = variant != .mseNoHalf
        var examples = try zip(p.input, targets).map { try forward(p.layers, $0, $1, p.loss, half: half) }
        let m = Double(examples.count)
        let divisor = variant == .batchSum ? 1 : m
        for n in examples.indices { outputDelta(p, &examples[n], targets[n], variant) }
        let L = p.layers.count - 1
        var gradWeights = Array(repeating: [[Double]](), count: p.layers.count)
        var gradBiases = Array(repeating: [Double](), count: p.layers.count)
        for l in stride(from: L, through: 0, by: -1) {
            if l < L {
                var next = p.layers[l + 1].weights
                if variant == .updatedWeightsBackward, let eta = p.learningRate { next = stepped(next, gradWeights[l + 1], eta) }
                for n in examples.indices { hiddenDelta(&examples[n], l, next, variant) }
            }
            gradWeights[l] = p.layers[l].weights.indices.map { j in
                p.layers[l].weights[j].indices.map { k in examples.reduce(0) { $0 + $1.delta[l][j] * $1.a[l][k] } / divisor }
            }
            gradBiases[l] = p.layers[l].biases.indices.map { j in examples.reduce(0) { $0 + $1.delta[l][j] } / divisor }
        }
        let loss = examples.reduce(0) { $0 + $1.loss } / m
        var result = Result(examples: examples, loss: loss, gradWeights: gradWeights, gradBiases: gradBiases)
        if let eta = p.learningRate {
            var layers = p.layers
            for l in layers.indices {
                layers[l].weights = stepped(layers[l].weights, gradWeights[l], eta)
                if p.updateBiases { layers[l].biases = zip(layers[l].biases, gradBiases[l]).map { $0 - eta * $1 } }
            }
            let after = try zip(p.input, targets).map { try forward(layers, $0, $1, p.loss, stepped: true, half: half) }
            result.step = Step(
                weights: layers.map(\.weights), biases: layers.map(\.biases), examples: after,
                loss: after.reduce(0) { $0 + $1.loss } / m)
        }
        return result
    }

    /// W − η ∂C/∂W.
    static func stepped(_ weights: [[Double]], _ gradient: [[Double]], _ eta: Double) -> [[Double]] {
        zip(weights, gradient).map { zip($0, $1).map { $0 - eta * $1 } }
    }

    /// z^l = W^l a^{l−1} + b^l, a^l = f(z^l), and C_x.
    static func forward(
        _ layers: [MLPTopic.Layer], _ input: [Double], _ t: [Double], _ loss: MLPTopic.Loss, stepped: Bool = false,
        half: Bool = true
    ) throws -> Example {
        var e = Example()
        e.a = [input]
        for (l, layer) in layers.enumerated() {
            let below = e.a[l]
            let z = zip(layer.weights, layer.biases).map { row, b in sum(zip(row, below).map { $0 * $1 } + [b]) }
            guard z.allSatisfy(\.isFinite) else {
                throw SolveError(
                    JSONPath.root.appending(key: "layers").appending(index: l).appending(key: "weights"),
                    "z = W a + b is not finite in this layer\(stepped ? " after the step" : ""): the values are too large")
            }
            e.z.append(z)
            e.a.append(activate(z, layer.activation))
        }
        e.loss = lossValue(e.z.last!, e.a.last!, t, loss, layers.last!.activation) * (half || loss != .mse ? 1 : 2)
        guard e.loss.isFinite else { throw SolveError(at: "target", "the loss is not finite: the values are too large") }
        return e
    }

    /// A sum whose terms cancel to within rounding is 0, as in exact
    /// arithmetic: softmax's δ = (p, −p) through equal weights gives
    /// 0.9p − 0.9p, which doubles leave as 5e-17.
    static func sum(_ terms: [Double]) -> Double {
        let total = terms.reduce(0, +)
        let scale = terms.reduce(0) { $0 + Swift.abs($1) }
        return Swift.abs(total) <= 1e-14 * scale ? 0 : total
    }

    static func activate(_ z: [Double], _ f: MLPTopic.LayerActivation) -> [Double] {
        guard let shared = f.shared else { return Softmax(z).probabilities }
        return z.map { shared.value($0) }
    }

    /// ln a_j from z: stable where a_j rounds to 0 or 1.
    static func lossValue(
        _ z: [Double], _ a: [Double], _ t: [Double], _ loss: MLPTopic.Loss, _ f: MLPTopic.LayerActivation
    ) -> Double {
        switch (loss, f) {
        case (.mse, _):
            return 0.5 * zip(t, a).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        case (.crossEntropy, .softmax):
            let m = z.max()!
            let logSum = m + Foundation.log(z.reduce(0) { $0 + Foundation.exp($1 - m) })
            return zip(t, z).reduce(0) { $0 + ($1.0 == 0 ? 0 : -$1.0 * ($1.1 - logSum)) }
        case (.crossEntropy, _):
            // −[t ln σ(z) + (1 − t) ln(1 − σ(z))] = t·softplus(−z) + (1 − t)·softplus(z)
            return zip(t, z).reduce(0) { sum, tz in
                let (t, z) = tz
                return sum + (t == 0 ? 0 : t * Activation.softplus.value(-z))
                    + (t == 1 ? 0 : (1 - t) * Activation.softplus.value(z))
            }
        }
    }

    /// BP1: f'(z^l) of every layer, then δ^L = (a^L − t) ⊙ f'(z^L) (mse)
    /// or a^L − t (cross-entropy).
    static func outputDelta(_ p: MLPTopic.Problem, _ e: inout Example, _ t: [Double], _ variant: Variant = .right) {
        let layers = p.layers
        let L = layers.count - 1
        e.slope = layers.indices.map { l in
            guard let f = layers[l].activation.shared else { return [] }
            return zip(e.z[l], e.a[l + 1]).map { f.derivative(at: $0, output: $1, alpha: 0, kink: p.kink) }
        }
        e.delta = Array(repeating: [], count: layers.count)
        var error = zip(e.a[L + 1], t).map { $0 - $1 }
        if variant == .mseNoHalf && p.loss == .mse { error = error.map { 2 * $0 } }
        e.delta[L] = p.loss == .mse && variant != .noOutputDerivative ? zip(error, e.slope[L]).map { $0 * $1 } : error
    }

    /// BP2: δ^l = ((W^{l+1})ᵀ δ^{l+1}) ⊙ f'(z^l), with `next` = W^{l+1}
    /// (as given, unless the variant stepped it).
    static func hiddenDelta(_ e: inout Example, _ l: Int, _ next: [[Double]], _ variant: Variant = .right) {
        let above = e.delta[l + 1], activation = e.a[l + 1]
        e.delta[l] = e.z[l].indices.map { k in
            sum(next.indices.map { (variant == .hiddenDeltaFromGrad ? activation[k] : next[$0][k]) * above[$0] }) * e.slope[l][k]
        }
    }
}
