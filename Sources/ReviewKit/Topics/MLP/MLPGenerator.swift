/// Makes `mlp` problems a student can work by hand: two inputs, two-neuron
/// layers, weights with one decimal in [−1, 1] (never 0), inputs and
/// targets in tenths.
///
/// - easy: a 2-2-1 or 2-2-2 sigmoid network, mse, no biases, no update.
/// - standard: a 2-2-2 sigmoid network with biases and a step (Mazur-like),
///   or a tanh layer under softmax + cross-entropy with a class index.
/// - hard: three layers mixing tanh, relu and sigmoid, or a batch of 2;
///   both with a step and frozen biases.
enum MLPGenerator: ProblemGenerator {
    typealias Layer = MLPTopic.Layer

    static func generate(_ random: inout RandomSource, difficulty: Difficulty) -> MLPTopic.Problem {
        switch difficulty {
        case .easy:
            let outputs = random.int(in: 1...2)
            let layers = [layer(&random, 2, 2, .sigmoid, bias: false), layer(&random, outputs, 2, .sigmoid, bias: false)]
            return problem(&random, layers, rows: 1)
        case .standard:
            if random.chance(0.5) {
                let layers = [layer(&random, 2, 2, .sigmoid, bias: true), layer(&random, 2, 2, .sigmoid, bias: true)]
                var p = problem(&random, layers, rows: 1)
                p.learningRate = random.pick([0.5, 1])
                p.updateBiases = random.chance(0.5)
                return p
            }
            let classes = random.int(in: 2...3)
            let layers = [layer(&random, 2, 2, .tanh, bias: random.chance(0.5)), layer(&random, classes, 2, .softmax, bias: false)]
            var p = problem(&random, layers, rows: 1)
            p.loss = .crossEntropy
            p.targets = [.index(random.int(in: 0...classes - 1))]
            return p
        case .hard:
            var p: MLPTopic.Problem
            if random.chance(0.5) {
                let hidden = random.shuffled([MLPTopic.LayerActivation.tanh, .relu])
                let layers = [
                    layer(&random, 2, 2, hidden[0], bias: true), layer(&random, 2, 2, hidden[1], bias: true),
                    layer(&random, random.int(in: 1...2), 2, .sigmoid, bias: true),
                ]
                p = problem(&random, layers, rows: 1)
            } else {
                let layers = [layer(&random, 2, 2, .sigmoid, bias: true), layer(&random, random.int(in: 1...2), 2, .sigmoid, bias: true)]
                p = problem(&random, layers, rows: 2)
            }
            p.learningRate = random.pick([0.5, 1])
            p.updateBiases = false
            return p
        }
    }

    private static func problem(_ random: inout RandomSource, _ layers: [Layer], rows: Int) -> MLPTopic.Problem {
        let outputs = layers.last!.weights.count
        let input = (0..<rows).map { _ in (0..<2).map { _ in random.tenths(in: 0...1) } }
        let targets: [MLPTopic.Target] = (0..<rows).map { _ in
            let t = (0..<outputs).map { _ in random.tenths(in: 0...1) }
            return outputs == 1 ? .number(t[0]) : .vector(t)
        }
        return MLPTopic.Problem(input: input, isBatch: rows > 1, layers: layers, targets: targets)
    }

    private static func layer(
        _ random: inout RandomSource, _ rows: Int, _ columns: Int, _ f: MLPTopic.LayerActivation, bias: Bool
    ) -> Layer {
        let weights = (0..<rows).map { _ in (0..<columns).map { _ in weight(&random) } }
        let shared = random.tenths(in: 0...1)
        let biases = (0..<rows).map { _ in bias ? shared : 0 }
        return Layer(weights: weights, biases: biases, activation: f)
    }

    /// One decimal in [−1, 1], not 0.
    private static func weight(_ random: inout RandomSource) -> Double {
        while true {
            let w = random.tenths(in: -1...1)
            if w != 0 { return w }
        }
    }
}
