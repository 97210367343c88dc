/// Walks a layer stack and records, layer by layer, every number a student
/// writes down: per spatial axis the effective kernel, the padding, the
/// numerator and quotient of the size rule and whether the division was
/// exact; then the flattened size, weights, biases and parameters.
///
/// Pure integer arithmetic, no wording. All sums and products are checked:
/// counts above 2^53 could not be written exactly as JSON numbers, so they
/// are an error rather than a silently rounded answer.
enum ConvSolver {
    /// One spatial axis (height or width) of a conv or pool layer.
    struct Axis: Sendable, Equatable {
        var input: Int
        var kernel: Int
        var dilation: Int
        /// D·(F − 1) + 1: how far a dilated kernel reaches.
        var effectiveKernel: Int
        var stride: Int
        /// Zeros before (top/left) and after (bottom/right) the input.
        var padBefore: Int
        var padAfter: Int
        /// Set for `"same"`: the output ⌈W/S⌉ is chosen first and the total
        /// padding max((out − 1)·S + F' − W, 0) follows from it.
        var same: Bool
        var totalPadding: Int { padBefore + padAfter }
        /// W + P_before + P_after − F'
        var numerator: Int
        /// ⌊numerator / S⌋ (a true floor, also for negative numerators)
        var quotient: Int
        var output: Int

        /// Whether the size rule's division leaves no remainder.
        var isExact: Bool { numerator % stride == 0 }
        /// For `"same"`: whether W/S is whole (otherwise the output rounds up).
        var sameIsExact: Bool { input % stride == 0 }
    }

    struct Layer: Sendable {
        var index: Int
        var layer: ConvModel.Layer
        var input: ConvModel.Shape
        var output: ConvModel.Shape
        /// Conv and pool only.
        var height: Axis?
        var width: Axis?
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

    /// 2^53: the largest count a JSON number (a double) holds exactly.
    static let maxCount = 1 << 53

    /// The size rule, or a student's wrong version of it (for mistake
    /// diagnosis: `ConvSlips`).
    enum SizeRule: Sendable {
        case floor
        /// ⌈·⌉ for ⌊·⌋.
        case ceiling
        /// W + P for W + 2P: explicit padding added on one side only.
        case paddingOnce
    }

    static func solve(_ problem: ConvTopic.Problem, rule: SizeRule = .floor) throws -> Result {
        var shape = problem.input
        var layers: [Layer] = []
        var total = 0
        for (index, layer) in problem.layers.enumerated() {
            let path = JSONPath.root.appending(key: "layers").appending(index: index)
            do {
                let solved = try self.layer(layer, index: index, input: shape, path: path, rule: rule)
                total = try add(total, solved.params)
                layers.append(solved)
                shape = solved.output
            } catch is Overflow {
                throw SolveError(path, "the numbers get too large to count exactly (above 2^53)")
            }
        }
        return Result(problem: problem, layers: layers, totalParams: total)
    }

    private static func layer(_ layer: ConvModel.Layer, index: Int, input: ConvModel.Shape, path: JSONPath,
                              rule: SizeRule) throws
        -> Layer
    {
        var result = Layer(index: index, layer: layer, input: input, output: input, weights: 0, biases: 0)
        switch (layer.kind, input) {
        case (.conv(let conv), .image(let h, let w, let c)):
            let padding: ConvModel.Pair? = switch conv.padding {
            case .explicit(let p): p
            case .valid: ConvModel.Pair(square: 0)
            case .same: nil
            }
            try axes(&result, h, w, kernel: conv.kernel, dilation: conv.dilation, stride: conv.stride, padding: padding,
                     path: path, rule: rule, channels: conv.filters)
            result.weights = try multiply([conv.kernel.height, conv.kernel.width, c, conv.filters])
            result.biases = conv.bias ? conv.filters : 0
        case (.pool(let pool), .image(let h, let w, let c)):
            try axes(&result, h, w, kernel: pool.kernel, dilation: ConvModel.Pair(square: 1), stride: pool.stride,
                     padding: pool.padding, path: path, rule: rule, channels: c)
        case (.fc(let fc), _):
            let n = try multiply(input.dimensions)
            result.flattened = n
            result.output = .flat(fc.units)
            result.weights = try multiply([n, fc.units])
            result.biases = fc.bias ? fc.units : 0
        default:
            // The decoder refuses conv and pool layers on flat shapes.
            preconditionFailure("conv or pool on a flat shape")
        }
        _ = try add(result.weights, result.biases)
        return result
    }

    /// Both spatial axes of a conv or pool layer and the image they make
    /// with `channels`; `padding` is nil for `"same"`.
    private static func axes(
        _ result: inout Layer, _ h: Int, _ w: Int, kernel: ConvModel.Pair, dilation: ConvModel.Pair,
        stride: ConvModel.Pair, padding: ConvModel.Pair?, path: JSONPath, rule: SizeRule, channels: Int
    ) throws {
        let height = try axis(h, kernel.height, dilation.height, stride.height, padding?.height, path: path, name: "height", rule: rule)
        let width = try axis(w, kernel.width, dilation.width, stride.width, padding?.width, path: path, name: "width", rule: rule)
        (result.height, result.width) = (height, width)
        result.output = .image(height: height.output, width: width.output, channels: channels)
    }

    /// The size rule along one axis. `pad` (zeros on each side) is nil for `"same"`.
    private static func axis(
        _ input: Int, _ kernel: Int, _ dilation: Int, _ stride: Int, _ pad: Int?,
        path: JSONPath, name: String, rule: SizeRule
    ) throws -> Axis {
        let effective = try add(try multiply([dilation, kernel - 1]), 1)
        var before = 0
        var after = 0
        if let pad {
            (before, after) = (pad, rule == .paddingOnce ? 0 : pad)
        } else {
            let output = input / stride + (input % stride == 0 ? 0 : 1)
            let reach = try add(try multiply([output - 1, stride]), effective)
            let total = max(reach - input, 0)
            before = total / 2
            after = total - before
        }
        let numerator = try add(try add(input, before), after) - effective
        let quotient = rule == .ceiling ? -floorDivide(-numerator, stride) : floorDivide(numerator, stride)
        let output = quotient + 1
        guard output >= 1 else {
            let effectiveNote = dilation == 1 ? "" : "; effective kernel \(effective) = \(dilation)·(\(kernel) − 1) + 1"
            throw SolveError(
                path,
                "output \(name) would be \(output): floor((\(input) + 2·\(before) − \(effective))/\(stride)) + 1 = \(output)\(effectiveNote)")
        }
        return Axis(
            input: input, kernel: kernel, dilation: dilation, effectiveKernel: effective, stride: stride,
            padBefore: before, padAfter: after, same: pad == nil,
            numerator: numerator, quotient: quotient, output: output)
    }

    /// ⌊a / b⌋ for b > 0, rounding toward −∞ (Swift's `/` rounds toward 0).
    static func floorDivide(_ a: Int, _ b: Int) -> Int {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }

    // MARK: Checked arithmetic

    private struct Overflow: Error {}

    private static func add(_ a: Int, _ b: Int) throws -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        guard !overflow, sum <= maxCount else { throw Overflow() }
        return sum
    }

    private static func multiply(_ factors: [Int]) throws -> Int {
        var product = 1
        for factor in factors {
            let (next, overflow) = product.multipliedReportingOverflow(by: factor)
            guard !overflow, next <= maxCount else { throw Overflow() }
            product = next
        }
        return product
    }
}
