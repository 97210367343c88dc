/// Walks a layer stack and records, layer by layer, every number a student
/// writes down: per spatial axis the effective kernel, the padding, the
/// numerator and quotient of the size rule and whether the division was
/// exact; then the flattened size, weights, biases and parameters.
///
/// Pure integer arithmetic, no wording. All sums and products are checked:
/// counts above 2^53 could not be written exactly as JSON numbers, so they
/// are an error rather than a silently rounded answer.
enum ConvSolver {
    struct Layer: Sendable {
        var index: Int
        var layer: ConvModel.Layer
        var input: ConvModel.Shape
        var output: ConvModel.Shape
        /// Conv and pool only.
        var height: WindowAxis?
        var width: WindowAxis?
        /// Fc only: the length of the input after flattening (H·W·C, or N).
        var flattened: Int?
        var weights: Int
        var biases: Int
        var params: Int { weights + biases }
    }

    struct Result: Sendable {
        var problem: ConvTopic.Problem
        var layers: [Layer]
        var totalParams: Int
    }

    static func solve(_ problem: ConvTopic.Problem, rule: WindowAxis.Rule = .floor) throws -> Result {
        var shape = problem.input
        var layers: [Layer] = []
        var total = 0
        for (index, layer) in problem.layers.enumerated() {
            let path = JSONPath.root.appending(key: "layers").appending(index: index)
            let solved = try CheckedCount.solving(at: path) {
                let solved = try self.layer(layer, index: index, input: shape, path: path, rule: rule)
                total = try CheckedCount.sum(total, solved.params)
                return solved
            }
            layers.append(solved)
            shape = solved.output
        }
        return Result(problem: problem, layers: layers, totalParams: total)
    }

    private static func layer(_ layer: ConvModel.Layer, index: Int, input: ConvModel.Shape, path: JSONPath,
                              rule: WindowAxis.Rule) throws
        -> Layer
    {
        var result = Layer(index: index, layer: layer, input: input, output: input, weights: 0, biases: 0)
        switch (layer.kind, input) {
        case (.conv(let conv), .image(let h, let w, let c)):
            try axes(&result, h, w, kernel: conv.kernel, dilation: conv.dilation, stride: conv.stride, padding: conv.padding.perSide,
                     path: path, rule: rule, channels: conv.filters)
            result.weights = try CheckedCount.product([conv.kernel.height, conv.kernel.width, c, conv.filters])
            result.biases = conv.bias ? conv.filters : 0
        case (.pool(let pool), .image(let h, let w, let c)):
            try axes(&result, h, w, kernel: pool.kernel, dilation: SizePair(square: 1), stride: pool.stride,
                     padding: pool.padding, path: path, rule: rule, channels: c)
        case (.fc(let fc), _):
            let n = try CheckedCount.product(input.dimensions)
            result.flattened = n
            result.output = .flat(fc.units)
            result.weights = try CheckedCount.product([n, fc.units])
            result.biases = fc.bias ? fc.units : 0
        default:
            // The decoder refuses conv and pool layers on flat shapes.
            preconditionFailure("conv or pool on a flat shape")
        }
        _ = try CheckedCount.sum(result.weights, result.biases)
        return result
    }

    /// Both spatial axes of a conv or pool layer, each by the size rule
    /// (`padding` is nil for `"same"`), and the image they make with `channels`.
    private static func axes(
        _ result: inout Layer, _ h: Int, _ w: Int, kernel: SizePair, dilation: SizePair,
        stride: SizePair, padding: SizePair?, path: JSONPath, rule: WindowAxis.Rule, channels: Int
    ) throws {
        var axes: [WindowAxis] = []
        for (input, side, name) in [(h, \SizePair.height, "height"), (w, \SizePair.width, "width")] {
            let (kernel, dilation, stride) = (kernel[keyPath: side], dilation[keyPath: side], stride[keyPath: side])
            let axis = try WindowAxis(
                input: input, kernel: kernel, dilation: dilation, stride: stride, pad: padding?[keyPath: side], rule: rule)
            guard axis.output >= 1 else {
                let (effective, output) = (axis.effectiveKernel, axis.output)
                let effectiveNote = dilation == 1 ? "" : "; effective kernel \(effective) = \(dilation)·(\(kernel) − 1) + 1"
                throw SolveError(
                    path,
                    "output \(name) would be \(output): floor((\(input) + 2·\(axis.padBefore) − \(effective))/\(stride)) + 1 = \(output)\(effectiveNote)")
            }
            axes.append(axis)
        }
        (result.height, result.width) = (axes[0], axes[1])
        result.output = .image(height: axes[0].output, width: axes[1].output, channels: channels)
    }
}
