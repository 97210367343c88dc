import Foundation

/// The arithmetic of a convolution layer and its pooling, in the order a
/// student does it: the size rule per axis (with TensorFlow's "same"
/// padding), the padded image, the kernels (rotated 180° under `flip`),
/// every window's products and their sum plus the bias, the activation and
/// every pooling window. Numbers only; nothing here is worded.
enum ConvolveSolver {
    /// One output entry: its window of the padded image (C×kh×kw), the
    /// products with the kernel in (c, u, v) order, and the value with the bias.
    struct Entry: Sendable {
        var window: [[[Double]]]
        var products: [Double]
        var sum: Double
        var value: Double
    }

    /// One pooling window of an activated map and the value it gives.
    struct PoolEntry: Sendable {
        var window: [[Double]]
        var value: Double
    }

    struct Result: Sendable {
        /// The size rule per axis (`WindowAxis`, shared with `conv`).
        var height: WindowAxis
        var width: WindowAxis
        /// C×H′×W′: the image with its zeros.
        var padded: [[[Double]]]
        /// F×C×kh×kw as applied: rotated 180° when `flip` is set.
        var kernels: [[[[Double]]]]
        var bias: [Double]
        /// F×oh×ow
        var entries: [[[Entry]]]
        /// F×oh×ow, with the bias, before the activation.
        var maps: [[[Double]]]
        var activated: [[[Double]]]
        var poolHeight: WindowAxis?
        var poolWidth: WindowAxis?
        var poolEntries: [[[PoolEntry]]]?
        var pooled: [[[Double]]]?
    }

    /// Every product is a recorded operand of a worked step, so this bounds
    /// the memory one problem may ask for.
    static let maxProducts = 1_000_000

    static func solve(_ p: ConvolveTopic.Problem) throws -> Result {
        let (h, w) = (p.image[0].count, p.image[0][0].count)
        let (kh, kw) = (p.kernels[0][0].count, p.kernels[0][0][0].count)
        let pads = p.padding.perSide
        for pad in [pads?.height, pads?.width].compactMap({ $0 }) where pad > ConvolveDecoder.maxSide {
            throw SolveError(at: "padding", "must be at most \(ConvolveDecoder.maxSide) zeros on each side, got \(pad)")
        }
        // Sides, kernels and padding are at most `maxSide`, so the checked
        // size rule cannot overflow here; the stride only divides.
        let (height, width) = try CheckedCount.solving(at: JSONPath.root.appending(key: "stride")) {
            (try WindowAxis(input: h, kernel: kh, stride: p.stride.height, pad: pads?.height),
             try WindowAxis(input: w, kernel: kw, stride: p.stride.width, pad: pads?.width))
        }
        let field = p.manyKernels ? "kernels" : "kernel"
        for (axis, name) in [(height, "height"), (width, "width")] where axis.output < 1 {
            throw SolveError(
                at: field,
                "output \(name) would be \(axis.output): floor((\(axis.input) + \(axis.padBefore + axis.padAfter) − \(axis.kernel))/\(axis.stride)) + 1 = \(axis.output); the kernel is larger than the padded image")
        }
        let taps = p.channels * kh * kw
        guard (try? CheckedCount.product([p.filters, height.output, width.output, taps], limit: maxProducts)) != nil else {
            throw SolveError(at: field, "needs more than \(maxProducts) products (filters × output entries × taps); make the image or the kernels smaller")
        }
        let padded = p.image.map { pad($0, height, width) }
        let kernels = p.flip ? p.kernels.map { $0.map(rotate180) } : p.kernels
        let bias = (0..<p.filters).map { p.bias.value($0) }
        var entries: [[[Entry]]] = []
        for (f, kernel) in kernels.enumerated() {
            var map: [[Entry]] = []
            for i in 0..<height.output {
                var row: [Entry] = []
                for j in 0..<width.output {
                    let window = padded.map { channel in
                        (0..<kh).map { u in (0..<kw).map { v in channel[i * height.stride + u][j * width.stride + v] } }
                    }
                    var products: [Double] = []
                    for c in window.indices {
                        for u in 0..<kh { for v in 0..<kw { products.append(window[c][u][v] * kernel[c][u][v]) } }
                    }
                    let sum = products.reduce(0, +)
                    row.append(Entry(window: window, products: products, sum: sum, value: sum + bias[f]))
                }
                map.append(row)
            }
            try FiniteCheck.require(map.map { $0.map(\.value) }, "the feature map", in: "filter \(f)", at: "image")
            entries.append(map)
        }
        let maps = entries.map { $0.map { $0.map(\.value) } }
        let activated = maps.map { $0.map { $0.map { p.activation.function?.value($0) ?? $0 } } }
        var result = Result(
            height: height, width: width, padded: padded, kernels: kernels, bias: bias, entries: entries, maps: maps,
            activated: activated)
        if let pool = p.pool { try self.pool(pool, &result) }
        return result
    }

    static func pad(_ m: [[Double]], _ height: WindowAxis, _ width: WindowAxis) -> [[Double]] {
        let columns = width.padBefore + m[0].count + width.padAfter
        let zeros = Array(repeating: 0.0, count: columns)
        let rows = m.map { Array(repeating: 0.0, count: width.padBefore) + $0 + Array(repeating: 0.0, count: width.padAfter) }
        return Array(repeating: zeros, count: height.padBefore) + rows + Array(repeating: zeros, count: height.padAfter)
    }

    /// K rotated by 180°: rows and columns both reversed.
    static func rotate180(_ k: [[Double]]) -> [[Double]] {
        k.reversed().map { $0.reversed() }
    }

    private static func pool(_ pool: ConvolveTopic.Pool, _ result: inout Result) throws {
        let (mh, mw) = (result.height.output, result.width.output)
        let stride = pool.step
        guard pool.kernel.height <= mh, pool.kernel.width <= mw else {
            throw SolveError(
                JSONPath.root.appending(key: "pool").appending(key: "kernel"),
                "a \(pool.kernel.height)×\(pool.kernel.width) window is larger than the \(mh)×\(mw) feature map")
        }
        // The window fits the map, so the size rule cannot overflow.
        let ph = try WindowAxis(input: mh, kernel: pool.kernel.height, stride: stride.height, pad: 0)
        let pw = try WindowAxis(input: mw, kernel: pool.kernel.width, stride: stride.width, pad: 0)
        let entries = result.activated.map { map in
            (0..<ph.output).map { i in
                (0..<pw.output).map { j -> PoolEntry in
                    let window = (0..<ph.kernel).map { u in (0..<pw.kernel).map { v in map[i * ph.stride + u][j * pw.stride + v] } }
                    let values = window.flatMap { $0 }
                    let value = pool.mode == .max ? values.max()! : values.reduce(0, +) / Double(values.count)
                    return PoolEntry(window: window, value: value)
                }
            }
        }
        result.poolHeight = ph
        result.poolWidth = pw
        result.poolEntries = entries
        result.pooled = entries.map { $0.map { $0.map(\.value) } }
    }
}
