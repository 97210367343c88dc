/// Reads `mlp`'s shapes, which depend on each other: each layer's weights
/// must fit the layer below, its biases its own width, the target the
/// output layer (and the loss). Every mismatch is a located error.
enum MLPDecoding {
    /// How far a probability target's sum may be from 1 (the contract's 1e-9).
    static let sumTolerance = 1e-9

    static func vector(_ v: [Double]) -> JSONValue { .array(v.map { .number($0) }) }

    static func target(_ t: MLPTopic.Target) -> JSONValue {
        switch t {
        case .number(let x): return .number(x)
        case .vector(let v): return vector(v)
        case .index(let k): return .number(k)
        }
    }

    private static func width(_ count: Int, _ field: Field) throws {
        guard count >= 1 else { throw field.error("must have at least one entry, got an empty array") }
        guard count <= MLPTopic.maxWidth else {
            throw field.error("has \(count) entries; at most \(MLPTopic.maxWidth) neurons per layer are supported")
        }
    }

    static func weights(_ field: Field) throws -> [[Double]] {
        let rows = try field.numberMatrix()
        guard !rows.isEmpty else { throw field.error("must have at least one row (one per neuron), got an empty array") }
        guard rows.count <= MLPTopic.maxWidth else {
            throw field.error("has \(rows.count) rows; at most \(MLPTopic.maxWidth) neurons per layer are supported")
        }
        try width(rows[0].count, Field(value: try field.array()[0].value, path: field.path.appending(index: 0)))
        return rows
    }

    static func biases(_ field: Field, count: Int) throws -> [Double] {
        let b = try field.numberArray()
        guard b.count == count else {
            throw field.error("must have \(count) \(count == 1 ? "entry" : "entries") (one per neuron, as weights has rows), got \(b.count)")
        }
        return b
    }

    static func layers(_ field: Field, inputWidth: Int) throws -> [MLPTopic.Layer] {
        var below = inputWidth
        var index = 0
        let items = try field.array()
        let layers = try MLPTopic.layerSchema.decodeList(field, count: 1...MLPTopic.maxLayers, noun: "layer") { object in
            var layer = try MLPTopic.layerSchema.decode(object, into: MLPTopic.Layer())
            let columns = layer.weights[0].count
            if columns != below {
                let what = index == 0 ? "the input has \(below)" : "layer \(index - 1) has \(below) neurons"
                throw InputError(
                    path: object.path.appending(key: "weights"),
                    message: "must have \(below) columns, one per neuron below (\(what)), got \(columns)")
            }
            if layer.biases.isEmpty { layer.biases = Array(repeating: 0, count: layer.weights.count) }
            if layer.activation == .softmax, index != items.count - 1 {
                throw InputError(
                    path: object.path.appending(key: "activation"),
                    message: "softmax is allowed only on the last layer, got it on hidden layer \(index)")
            }
            below = layer.weights.count
            index += 1
            return layer
        }
        return layers
    }

    /// One target per example; checked against the output layer and the loss
    /// (both read before it).
    static func targets(_ field: Field, _ problem: MLPTopic.Problem) throws -> [MLPTopic.Target] {
        let output = problem.layers.last!
        let loss = JSONPath.root.appending(key: "loss")
        switch (output.activation, problem.loss) {
        case (.softmax, .mse):
            throw InputError(path: loss, message: "must be \"cross_entropy\" when the last layer is softmax, got \"mse\"")
        case (.tanh, .crossEntropy), (.relu, .crossEntropy), (.linear, .crossEntropy):
            throw InputError(
                path: loss,
                message: "\"cross_entropy\" needs a sigmoid or softmax output layer, got \(output.activation.rawValue)")
        default: break
        }
        guard problem.isBatch else {
            try field.rejectRows("target", since: "input")
            return [try target(field, problem)]
        }
        let rows = problem.input.count
        guard case .array(let items) = field.value.kind, items.count == rows else {
            throw field.error("must have one target per row of input (\(rows) rows), got \(field.describe())")
        }
        return try field.array().map { try target($0, problem) }
    }

    private static func target(_ field: Field, _ problem: MLPTopic.Problem) throws -> MLPTopic.Target {
        let output = problem.layers.last!
        let n = output.weights.count
        let softmax = output.activation == .softmax
        let sigmoidCE = output.activation == .sigmoid && problem.loss == .crossEntropy
        switch field.value.kind {
        case .number:
            if softmax { return .index(try field.int(in: 0...n - 1)) }
            guard n == 1 else {
                throw field.error("must have \(n) entries (one per output neuron), got \(field.describe())")
            }
            let t = try field.number()
            if sigmoidCE { try probability(t, field) }
            return .number(t)
        case .array:
            let t = try field.numberArray()
            guard t.count == n else {
                throw field.error("must have \(n) \(n == 1 ? "entry" : "entries") (one per output neuron), got \(t.count)")
            }
            if softmax {
                for (entry, value) in zip(try field.array(), t) where value < 0 {
                    throw entry.error("must be non-negative (a probability), got \(entry.describe())")
                }
                let sum = t.reduce(0, +)
                guard abs(sum - 1) <= sumTolerance else {
                    throw field.error("must sum to 1, got entries that sum to \(JSONWriter.format(number: sum))")
                }
            } else if sigmoidCE {
                for (entry, value) in zip(try field.array(), t) { try probability(value, entry) }
            }
            return .vector(t)
        default:
            throw field.error(
                softmax ? "must be a class index or a probability vector, got \(field.describe())"
                    : "must be a vector of \(n) numbers, got \(field.describe())")
        }
    }

    private static func probability(_ t: Double, _ field: Field) throws {
        guard t >= 0, t <= 1 else {
            throw field.error("must be in [0, 1] for a sigmoid cross-entropy target, got \(field.describe())")
        }
    }
}
