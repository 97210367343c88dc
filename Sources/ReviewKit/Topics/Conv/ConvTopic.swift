/// `conv`: feature-map sizes and parameter counts of a stack of `conv`,
/// `pool` and `fc` layers, e.g. the course notes' 32×32×3 image through six
/// 5×5×3 kernels (28×28×6, 456 parameters), LeNet-5 or VGG16.
enum ConvTopic: Topic {
    struct Problem: Sendable, Equatable {
        var input: ConvModel.Shape
        var layers: [ConvModel.Layer]
    }

    struct Solution: Sendable {
        var result: ConvSolver.Result
        /// Every worked step, recorded once (`ConvTrace`).
        var trace: Trace
    }

    static let name = "conv"
    static let fields = ConvDecoder.fields

    static func decode(_ object: ObjectFields) throws -> Problem {
        try ConvDecoder.decode(object)
    }

    /// Every default written out, so a reader of the JSON sees what was
    /// assumed (stride 1, padding 0, bias on, pool stride = kernel …).
    static func encode(_ problem: Problem) -> [(String, JSONValue)] {
        let input: JSONValue
        switch problem.input {
        case .image(let h, let w, let c):
            input = .object([("height", .number(h)), ("width", .number(w)), ("channels", .number(c))])
        case .flat:
            input = problem.input.json
        }
        return [("input", input), ("layers", .array(problem.layers.map(encode)))]
    }

    private static func encode(_ layer: ConvModel.Layer) -> JSONValue {
        var fields: [(String, JSONValue)] = [("type", .string(layer.kind.typeName))]
        if let name = layer.name { fields.append(("name", .string(name))) }
        switch layer.kind {
        case .conv(let conv):
            fields += [
                ("filters", .number(conv.filters)), ("kernel", conv.kernel.json), ("stride", conv.stride.json),
                ("padding", conv.padding.json), ("dilation", conv.dilation.json), ("bias", .bool(conv.bias)),
            ]
        case .pool(let pool):
            fields += [
                ("kernel", pool.kernel.json), ("stride", pool.stride.json), ("padding", pool.padding.json),
                ("mode", .string(pool.mode.rawValue)),
            ]
        case .fc(let fc):
            fields += [("units", .number(fc.units)), ("bias", .bool(fc.bias))]
        }
        return .object(fields)
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

    static func steps(_ solution: Solution) -> [Step] {
        solution.trace.jsonSteps()
    }

    static func generate(_ random: inout RandomSource, difficulty: Difficulty) -> Problem {
        ConvGenerator.generate(&random, difficulty: difficulty)
    }

    static func present(_ problem: Problem, _ solution: Solution, in context: PresentationContext) -> Presentation {
        var presenter = ConvPresenter(solution: solution, templates: context.templates)
        return presenter.presentation()
    }
}
