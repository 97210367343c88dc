/// `conv`: feature-map sizes and parameter counts of a stack of `conv`,
/// `pool` and `fc` layers, e.g. the course notes' 32×32×3 image through six
/// 5×5×3 kernels (28×28×6, 456 parameters), LeNet-5 or VGG16.
enum ConvTopic: SchemaTopic, PresentedTopic, GeneratedTopic {
    typealias Presenter = ConvPresenter
    typealias Generator = ConvGenerator

    struct Problem: Sendable, Equatable {
        var input: ConvModel.Shape
        var layers: [ConvModel.Layer]
    }

    struct Solution: Sendable, TracedSolution {
        var result: ConvSolver.Result
        /// Every worked step, recorded once (`ConvTrace`).
        var trace: Trace
    }

    static let name = "conv"

    // MARK: Reading and writing problems

    static let blank = Problem(input: .flat(0), layers: [])

    /// Every default is written out, so a reader of the echoed problem sees
    /// what was assumed (stride 1, padding 0, bias on, pool stride = kernel …).
    static let schema = FieldSchema<Problem>([
        .custom(
            "input", type: "`{\"height\", \"width\", \"channels\"}` (table below), `[H, W, C]` or `[N]`",
            doc: "the input's shape; `[N]` is a flat vector, which only fc layers take",
            read: { field, problem in problem.input = try ConvDecoder.shape(field) },
            write: { problem in
                guard case .image(let h, let w, let c) = problem.input else { return problem.input.json }
                return imageSchema.encodedObject(Image(height: h, width: w, channels: c))
            }),
        .custom(
            "layers", type: "array of layer objects, each by its `type` (tables below)",
            doc: "the stack, applied in order",
            read: { field, problem in problem.layers = try ConvDecoder.layers(field, after: problem.input) },
            write: { problem in .array(problem.layers.map(layerSchemas.encode)) }),
    ])

    /// `input` written as an object; a struct of its own so its keys can be declared.
    struct Image: Sendable {
        var height = 0, width = 0, channels = 0
    }

    static let imageSchema = FieldSchema<Image>([
        .positiveInt("height", \.height, doc: "$H$"),
        .positiveInt("width", \.width, doc: "$W$"),
        .positiveInt("channels", \.channels, doc: "$C$"),
    ])

    typealias Layer = ConvModel.Layer

    /// One schema per layer `type`, so each kind's keys, defaults and "did you
    /// mean" come from its own declaration.
    static let layerSchemas = TaggedSchemas<Layer>(
        tagKey: "type",
        variants: [
            .init(tag: "conv", blank: Layer(kind: .conv(.init(filters: 0, kernel: .init(square: 0)))), schema: FieldSchema([
                layerName,
                .positiveInt("filters", \.conv.filters, doc: "number of kernels (output channels)"),
                .sizePair("kernel", \.conv.kernel, doc: "kernel size $F$"),
                .sizePair("stride", \.conv.stride, default: "1", doc: "step $S$"),
                .padding(
                    "padding", \.conv.padding, default: "0",
                    doc: "zeros $P$ on each side; `\"same\"` is TensorFlow's rule, `\"valid\"` is 0"),
                .sizePair("dilation", \.conv.dilation, default: "1", doc: "spacing $D$ of the kernel taps"),
                .bool("bias", \.conv.bias, default: true, doc: "one bias per filter"),
            ])),
            .init(tag: "pool", blank: Layer(kind: .pool(.init(kernel: .init(square: 0), stride: .init(square: 0)))), schema: FieldSchema([
                layerName,
                .custom(
                    "kernel", type: "integer > 0 or `[h, w]`", doc: "window size (also the stride, unless given)",
                    read: { field, layer in
                        layer.pool.kernel = try field.sizePair(positive: true)
                        layer.pool.stride = layer.pool.kernel
                    },
                    write: { $0.pool.kernel.json }),
                .sizePair("stride", \.pool.stride, default: "kernel", doc: "step; non-overlapping windows by default"),
                .sizePair("padding", \.pool.padding, positive: false, default: "0", doc: "zeros on each side"),
                .choice("mode", \.pool.mode, default: .max, doc: "max or average pooling (no parameters either way)"),
            ])),
            .init(tag: "fc", blank: Layer(kind: .fc(.init(units: 0))), schema: FieldSchema([
                layerName,
                .positiveInt("units", \.fc.units, doc: "outputs; the input is flattened first"),
                .bool("bias", \.fc.bias, default: true, doc: "one bias per unit"),
            ])),
        ],
        tagOf: { $0.kind.typeName })

    private static let layerName = FieldSchema<Layer>.Spec.optionalString(
        "name", \.name, doc: "a label shown in the tables, e.g. `C1`")

    /// The README's tables: the problem's fields, `input` as an object, and
    /// one table per layer type.
    static var markdownTables: String {
        [schema.markdownTable(), "`input` as an object:", imageSchema.markdownTable(), layerSchemas.markdownTables()]
            .joined(separator: "\n\n")
    }

    static func solve(_ problem: Problem) throws -> Solution {
        let result = try ConvSolver.solve(problem)
        return Solution(result: result, trace: ConvTrace.record(result))
    }

    static func answers(_ solution: Solution) -> JSONValue {
        let solution = solution.result
        return .object([
            ("layers", .array(solution.layers.map { layer in
                .object([
                    ("output", layer.output.json), ("weights", .number(layer.weights)),
                    ("biases", .number(layer.biases)), ("params", .number(layer.params)),
                ])
            })),
            ("output", (solution.layers.last?.output ?? solution.problem.input).json),
            ("total_params", .number(solution.totalParams)),
        ])
    }
}

/// A layer seen as its kind, so each kind's schema can name its fields by key
/// path (`\.conv.filters`). Only that kind's schema uses the view, and only
/// on a layer of that kind (its `blank`, or one `TaggedSchemas` picked by tag).
extension ConvModel.Layer {
    fileprivate var conv: ConvModel.Conv {
        get { if case .conv(let conv) = kind { conv } else { preconditionFailure("not a conv layer") } }
        set { kind = .conv(newValue) }
    }

    fileprivate var pool: ConvModel.Pool {
        get { if case .pool(let pool) = kind { pool } else { preconditionFailure("not a pool layer") } }
        set { kind = .pool(newValue) }
    }

    fileprivate var fc: ConvModel.FullyConnected {
        get { if case .fc(let fc) = kind { fc } else { preconditionFailure("not an fc layer") } }
        set { kind = .fc(newValue) }
    }
}

/// What the printed answer key shows (`FinalAnswers`): the output shape H × W × C and the total parameter count.
extension ConvTopic {
    static let finalAnswers: FinalAnswers = ["output", "total_params"]
}
