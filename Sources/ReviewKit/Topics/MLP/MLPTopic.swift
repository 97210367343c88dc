/// `mlp`: the forward and backward pass of a small fully connected network,
/// layer by layer in the notes' notation (z = W a + b, a = f(z), BP1–BP4),
/// with an optional gradient-descent step, e.g. Mazur's 2-2-2 network
/// (E = 0.298371109; after one step w5 = 0.35891648, w1 = 0.149780716).
enum MLPTopic: SchemaTopic, GeneratedTopic {
    typealias Generator = MLPGenerator

    /// A layer's f. `softmax` only on the last layer, under cross-entropy.
    enum LayerActivation: String, CaseIterable, Sendable {
        case sigmoid, tanh, relu, linear, softmax

        /// The shared definition, for every f but softmax (a vector function).
        var shared: Activation? {
            switch self {
            case .sigmoid: return .sigmoid
            case .tanh: return .tanh
            case .relu: return .relu
            case .linear: return .linear
            case .softmax: return nil
            }
        }
    }

    enum Loss: String, CaseIterable, Sendable {
        case mse
        case crossEntropy = "cross_entropy"
    }

    /// One example's target as written: a bare number (one output), a
    /// vector, or a class index (after softmax).
    enum Target: Sendable, Equatable {
        case number(Double)
        case vector([Double])
        case index(Int)

        func vector(outputs: Int) -> [Double] {
            switch self {
            case .number(let t): return [t]
            case .vector(let t): return t
            case .index(let k): return (0..<outputs).map { $0 == k ? 1 : 0 }
            }
        }
    }

    struct Layer: Sendable {
        /// W^l, n_l × n_{l−1}: row j holds the weights into neuron j.
        var weights: [[Double]] = []
        /// b^l (zeros when the file gives none).
        var biases: [Double] = []
        var activation = LayerActivation.sigmoid
    }

    struct Problem: Sendable {
        /// One row per example; a single vector is one row.
        var input: [[Double]]
        var isBatch: Bool
        var layers: [Layer]
        var loss = Loss.mse
        /// One per example.
        var targets: [Target]
        var learningRate: Double?
        var updateBiases = true
        var kink = Activation.Kink.left
    }

    typealias Solution = SolverSolution<Problem, MLPSolver.Result>

    static let name = "mlp"

    /// Sizes a sheet can show: a network drawn neuron by neuron, matrices
    /// written out in full.
    static let maxLayers = 6
    static let maxWidth = 16
    static let maxExamples = 16

    static let blank = Problem(input: [], isBatch: false, layers: [], targets: [])

    static let layerSchema = FieldSchema<Layer>([
        .custom(
            "weights", type: "n_l × n_{l−1} matrix", doc: "$W^l$: row $j$ holds the weights into neuron $j$ (the notes' $w^l_{jk}$)",
            read: { field, layer in layer.weights = try MLPDecoding.weights(field) },
            write: { .array($0.weights.map(MLPDecoding.vector)) }),
        .custom(
            "biases", type: "vector of n_l numbers", default: "0", doc: "$b^l$",
            read: { field, layer in layer.biases = try MLPDecoding.biases(field, count: layer.weights.count) },
            write: { MLPDecoding.vector($0.biases.isEmpty ? Array(repeating: 0, count: $0.weights.count) : $0.biases) }),
        .choice("activation", \.activation, default: .sigmoid, doc: "$f$; `softmax` only on the last layer, with `cross_entropy`"),
    ])

    static let schema = FieldSchema<Problem>([
        .examples(
            "input", \.input, batch: \.isBatch, doc: "$a^0$; a matrix is a batch", maxRows: maxExamples, maxColumns: maxWidth,
            columns: "neurons per layer"),
        .custom(
            "layers", type: "list of layers (table below)", doc: "from the first hidden layer to the output layer",
            read: { field, problem in problem.layers = try MLPDecoding.layers(field, inputWidth: problem.input[0].count) },
            write: { .array($0.layers.map { layerSchema.encodedObject($0) }) }),
        .choice("loss", \.loss, default: .mse, doc: "`mse`: $C = \\frac{1}{2} \\sum_j (t_j - a_j)^2$; `cross_entropy` after softmax or sigmoid"),
        .custom(
            "target", type: "vector (a number for one output), or after softmax a class index or distribution; one per row for a batch",
            doc: "$t$", read: { field, problem in problem.targets = try MLPDecoding.targets(field, problem) },
            write: { problem in
                problem.isBatch ? .array(problem.targets.map(MLPDecoding.target)) : MLPDecoding.target(problem.targets[0])
            }),
        .custom(
            "learning_rate", type: "number > 0", default: "none", doc: "$\\eta$: one step $W \\leftarrow W - \\eta \\frac{\\partial C}{\\partial W}$",
            read: { field, problem in
                let eta = try field.number()
                guard eta > 0 else { throw field.error("must be a positive number, got \(field.describe())") }
                problem.learningRate = eta
            },
            write: { $0.learningRate.map { .number($0) } ?? .null }),
        .bool("update_biases", \.updateBiases, default: true, doc: "`false` keeps every bias as given during the step"),
        .choice("kink", \.kink, default: .left, doc: "relu$'(0)$: `left` gives 0 (PyTorch), `right` gives 1 (the notes' table)"),
    ])

    // MARK: Solving

    static func solve(_ problem: Problem) throws -> Solution {
        let result = try MLPSolver.solve(problem)
        return Solution(problem: problem, result: result, trace: MLPTrace.record(problem, result))
    }

    static func answers(_ solution: Solution) -> JSONValue {
        let r = solution.result, batch = solution.problem.isBatch
        func vec(_ v: [Double]) -> JSONValue { MLPDecoding.vector(v) }
        func mat(_ m: [[Double]]) -> JSONValue { .array(m.map(vec)) }
        func perExample(_ values: [[Double]]) -> JSONValue { batch ? mat(values) : vec(values[0]) }
        let layers: [JSONValue] = solution.problem.layers.indices.map { l in
            var members: [(String, JSONValue)] = [
                ("z", perExample(r.examples.map { $0.z[l] })),
                ("a", perExample(r.examples.map { $0.a[l + 1] })),
                ("delta", perExample(r.examples.map { $0.delta[l] })),
                ("grad_weights", mat(r.gradWeights[l])),
                ("grad_biases", vec(r.gradBiases[l])),
            ]
            if let step = r.step {
                members.append(("new_weights", mat(step.weights[l])))
                members.append(("new_biases", vec(step.biases[l])))
            }
            return .object(members)
        }
        var members: [(String, JSONValue)] = [
            ("layers", .array(layers)),
            ("output", perExample(r.examples.map { $0.a.last! })),
            ("loss", .number(r.loss)),
        ]
        if let step = r.step { members.append(("new_loss", .number(step.loss))) }
        return .object(members)
    }

    static func present(_ problem: Problem, _ solution: Solution, in context: PresentationContext) -> Presentation {
        var presenter = MLPPresenter(solution: solution, templates: context.templates)
        return presenter.presentation()
    }
}

/// What the printed answer key shows (`FinalAnswers`): the network's output, the loss, every ∂C/∂W (the point of
/// BP1–BP4) and, after a step, the new loss.
extension MLPTopic {
    static let finalAnswers: FinalAnswers = ["output", "loss", "layers[].grad_weights", "new_loss"]
}
