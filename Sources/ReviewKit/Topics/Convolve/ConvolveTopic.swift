/// `convolve`: a convolution and pooling worked number by number, e.g. the
/// notes' 5×5 binary image with a 3×3 kernel (first entry 4, map
/// [[4,3,4],[2,4,3],[2,3,4]]). The solution shows the size rule, the padded
/// image, each window's products and their sum, every map, the activation
/// and each pooling window, because the exam asks "卷积核在图片上如何计算".
///
/// No kernel flip by default: the cross-correlation libraries compute and
/// the notes' forward pass describes ("对应位置求积再求和"); `flip: true`
/// rotates each kernel 180° first (the notes' definition 6.1.1).
enum ConvolveTopic: SchemaTopic, GeneratedTopic {
    typealias Generator = ConvolveGenerator

    /// The bias as the file gave it: one number for every filter, or one per filter.
    enum Bias: Sendable, Equatable {
        case shared(Double)
        case perFilter([Double])

        func value(_ filter: Int) -> Double {
            switch self {
            case .shared(let b): return b
            case .perFilter(let b): return b[filter]
            }
        }
    }

    struct Pool: Sendable, Equatable {
        var mode = PoolMode.max
        var kernel = SizePair(square: 2)
        /// nil: the kernel (non-overlapping windows).
        var stride: SizePair?

        var step: SizePair { stride ?? kernel }
    }

    struct Problem: Sendable {
        /// C×H×W; an H×W image is one channel.
        var image: [[[Double]]]
        /// Whether the file wrote the image channels first (C×H×W).
        var imageHasChannels = false
        /// F×C×kh×kw.
        var kernels: [[[[Double]]]] = []
        /// How the filters were written: `kernels` (F×C×kh×kw), or `kernel`
        /// as kh×kw or C×kh×kw. Kept so `encode` writes them back alike.
        var manyKernels = false
        var kernelHasChannels = false
        var bias = Bias.shared(0)
        var stride = SizePair(square: 1)
        var padding = Padding.explicit(SizePair(square: 0))
        var flip = false
        var activation = OptionalActivation.none
        var pool: Pool?

        var channels: Int { image.count }
        var filters: Int { kernels.count }
        var hasBias: Bool {
            switch bias {
            case .shared(let b): return b != 0
            case .perFilter(let b): return b.contains { $0 != 0 }
            }
        }
    }

    typealias Solution = SolverSolution<Problem, ConvolveSolver.Result>

    static let name = "convolve"

    // MARK: Reading and writing problems

    static let blank = Problem(image: [])

    static let poolSchema = FieldSchema<Pool>([
        .choice("mode", \.mode, default: .max, doc: "max or average of each window"),
        .custom(
            "kernel", type: "integer > 0 or `[h, w]`", doc: "window size",
            read: { field, pool in pool.kernel = try field.sizePair(positive: true) },
            write: { $0.kernel.json }),
        .custom(
            "stride", type: "integer > 0 or `[h, w]`", default: "kernel", doc: "step; non-overlapping windows by default",
            read: { field, pool in pool.stride = try field.sizePair(positive: true) },
            write: { $0.step.json }),
    ])

    static let schema = FieldSchema<Problem>([
        .custom(
            "image", type: "H×W matrix or C×H×W (channels first)",
            doc: "the input $X$; at most \(ConvolveDecoder.maxSide)×\(ConvolveDecoder.maxSide), \(ConvolveDecoder.maxChannels) channels",
            read: { field, problem in (problem.image, problem.imageHasChannels) = try ConvolveDecoder.image(field) },
            write: { problem in problem.imageHasChannels ? tensor3(problem.image) : matrix(problem.image[0]) }),
        .custom(
            "kernel", type: "kh×kw matrix or C×kh×kw", default: "none",
            doc: "one filter $K$ with the image's channels; give it or `kernels`",
            read: { field, problem in
                let (k, channels) = try ConvolveDecoder.kernel(field, image: problem.image)
                problem.kernels = [k]
                problem.kernelHasChannels = channels
            },
            write: { problem in
                problem.manyKernels ? .null : problem.kernelHasChannels ? tensor3(problem.kernels[0]) : matrix(problem.kernels[0][0])
            }),
        .custom(
            "kernels", type: "F×C×kh×kw", default: "none",
            doc: "F filters (PyTorch's layout), each with the image's channels, all one size",
            read: { field, problem in
                problem.kernels = try ConvolveDecoder.kernels(field, image: problem.image)
                problem.manyKernels = true
            },
            write: { problem in problem.manyKernels ? .array(problem.kernels.map(tensor3)) : .null }),
        .custom(
            "bias", type: "number or one per filter", default: "0", doc: "$b_f$, added to every entry of map $f$",
            read: { field, problem in problem.bias = try ConvolveDecoder.bias(field, filters: problem.filters) },
            write: { problem in
                switch problem.bias {
                case .shared(let b): return .number(b)
                case .perFilter(let b): return .array(b.map { .number($0) })
                }
            }),
        .sizePair("stride", \.stride, default: "1", doc: "step $S$ of the window"),
        .padding(
            "padding", \.padding, default: "0",
            doc: "zeros $P$ on each side; `\"same\"` is TensorFlow's rule as in `conv` (an odd total puts the extra zero bottom/right)"),
        .bool("flip", \.flip, default: false, doc: "`true` rotates each kernel 180° first (convolution proper); `false` is the cross-correlation libraries compute"),
        .choice("activation", \.activation, default: .none, doc: "applied after the bias"),
        .custom(
            "pool", type: "object (table below)", default: "none", doc: "pooling of each activated map, no padding",
            read: { field, problem in problem.pool = try poolSchema.decodeObject(field, into: Pool()) },
            write: { problem in problem.pool.map { poolSchema.encodedObject($0) } ?? .null }),
    ])

    /// The README's tables: the problem's fields, then `pool`'s.
    static var markdownTables: String {
        schema.markdownTable() + "\n\n`pool` as an object:\n\n" + poolSchema.markdownTable()
    }

    /// Exactly one of `kernel` and `kernels`, checked before the schema reads.
    static func decode(_ object: ObjectFields) throws -> Problem {
        try object.either("kernel", or: "kernels")
        return try schema.decode(object, into: blank)
    }

    static func matrix(_ rows: [[Double]]) -> JSONValue { .array(rows.map { .array($0.map { .number($0) }) }) }
    static func tensor3(_ t: [[[Double]]]) -> JSONValue { .array(t.map(matrix)) }

    // MARK: Solving

    static func solve(_ problem: Problem) throws -> Solution {
        let result = try ConvolveSolver.solve(problem)
        return Solution(problem: problem, result: result, trace: ConvolveTrace.record(problem, result))
    }

    /// Output entries a worked sheet takes: each gets a row with all its
    /// products (JSON answers go up to the decoder's limits).
    static let maxSheetEntries = 400

    static func sheetLimit(_ solution: Solution) -> SolveError? {
        let r = solution.result
        let entries = r.maps.count * r.height.output * r.width.output
        return .sheetLimit(
            entries, atMost: maxSheetEntries, at: solution.problem.manyKernels ? "kernels" : "kernel",
            "gives \(entries) output entries")
    }

    static func answers(_ solution: Solution) -> JSONValue {
        let r = solution.result
        var members: [(String, JSONValue)] = [
            ("padded", tensor3(r.padded)),
            ("feature_maps", tensor3(r.maps)),
            ("activated", tensor3(r.activated)),
        ]
        if let pooled = r.pooled { members.append(("pooled", tensor3(pooled))) }
        return .object(members)
    }

    static func present(_ problem: Problem, _ solution: Solution, in context: PresentationContext) -> Presentation {
        var presenter = ConvolvePresenter(solution: solution, templates: context.templates)
        return presenter.presentation()
    }
}

/// What the printed answer key shows (`FinalAnswers`): the last map asked for: pooled when there is a pool, else
/// the activated one.
extension ConvolveTopic {
    static let finalAnswers: FinalAnswers = ["pooled | activated"]
}
