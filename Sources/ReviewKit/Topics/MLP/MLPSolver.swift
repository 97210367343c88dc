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

    static func solve(_ p: MLPTopic.Problem) throws -> Result {
        let targets = p.targets.map { $0.vector(outputs: p.layers.last!.weights.count) }
        var examples = try zip(p.input, targets).map { try forward(p.layers, $0, $1, p.loss) }
        for n in examples.indices { backward(p, &examples[n], targets[n]) }
        let m = Double(examples.count)
        let loss = examples.reduce(0) { $0 + $1.loss } / m
        let gradWeights = p.layers.indices.map { l in
            p.layers[l].weights.indices.map { j in
                p.layers[l].weights[j].indices.map { k in examples.reduce(0) { $0 + $1.delta[l][j] * $1.a[l][k] } / m }
            }
        }
        let gradBiases = p.layers.indices.map { l in
            p.layers[l].biases.indices.map { j in examples.reduce(0) { $0 + $1.delta[l][j] } / m }
        }
        var result = Result(examples: examples, loss: loss, gradWeights: gradWeights, gradBiases: gradBiases)
        if let eta = p.learningRate {
            var layers = p.layers
            for l in layers.indices {
                layers[l].weights = zip(layers[l].weights, gradWeights[l]).map { zip($0, $1).map { $0 - eta * $1 } }
                if p.updateBiases { layers[l].biases = zip(layers[l].biases, gradBiases[l]).map { $0 - eta * $1 } }
            }
            let after = try zip(p.input, targets).map { try forward(layers, $0, $1, p.loss, stepped: true) }
            result.step = Step(
                weights: layers.map(\.weights), biases: layers.map(\.biases), examples: after,
                loss: after.reduce(0) { $0 + $1.loss } / m)
        }
        return result
    }

    /// z^l = W^l a^{l−1} + b^l, a^l = f(z^l), and C_x.
    static func forward(
        _ layers: [MLPTopic.Layer], _ input: [Double], _ t: [Double], _ loss: MLPTopic.Loss, stepped: Bool = false
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
        e.loss = lossValue(e.z.last!, e.a.last!, t, loss, layers.last!.activation)
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
        guard let shared = f.shared else {
            let m = z.max()!
            let e = z.map { Foundation.exp($0 - m) }
            let s = e.reduce(0, +)
            return e.map { $0 / s }
        }
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

    /// BP1: δ^L = (a^L − t) ⊙ f'(z^L) (mse) or a^L − t (cross-entropy);
    /// BP2: δ^l = ((W^{l+1})ᵀ δ^{l+1}) ⊙ f'(z^l), with the weights as given.
    static func backward(_ p: MLPTopic.Problem, _ e: inout Example, _ t: [Double]) {
        let layers = p.layers
        let L = layers.count - 1
        e.slope = layers.indices.map { l in
            guard let f = layers[l].activation.shared else { return [] }
            return zip(e.z[l], e.a[l + 1]).map { f.derivative(at: $0, output: $1, alpha: 0, kink: p.kink) }
        }
        e.delta = Array(repeating: [], count: layers.count)
        let error = zip(e.a[L + 1], t).map { $0 - $1 }
        e.delta[L] = p.loss == .mse ? zip(error, e.slope[L]).map { $0 * $1 } : error
        for l in stride(from: L - 1, through: 0, by: -1) {
            let next = layers[l + 1].weights
            e.delta[l] = e.z[l].indices.map { k in
                sum(next.indices.map { next[$0][k] * e.delta[l + 1][$0] }) * e.slope[l][k]
            }
        }
    }
}
