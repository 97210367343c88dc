/// The data of a `conv` problem: an input shape and a stack of `conv`,
/// `pool` and `fc` layers, with every default already filled in.
///
/// Sizes that may differ along height and width (kernel, stride, padding,
/// dilation) are kept as a `Pair` even when the file gave one integer,
/// so the solver never has to ask which form was written.
enum ConvModel {
    /// A size along height and width, e.g. a 3×5 kernel.
    struct Pair: Sendable, Equatable {
        var height: Int
        var width: Int

        init(_ height: Int, _ width: Int) {
            self.height = height
            self.width = width
        }

        init(square n: Int) { self.init(n, n) }

        var isSquare: Bool { height == width }

        /// One integer when square, `[h, w]` otherwise: the form a person
        /// would write in a problem file.
        var json: JSONValue {
            isSquare ? .number(height) : .array([.number(height), .number(width)])
        }
    }

    /// A tensor shape between layers: an image `[H, W, C]` or a flat vector `[N]`.
    enum Shape: Sendable, Equatable {
        case image(height: Int, width: Int, channels: Int)
        case flat(Int)

        var dimensions: [Int] {
            switch self {
            case .image(let h, let w, let c): return [h, w, c]
            case .flat(let n): return [n]
            }
        }

        var json: JSONValue { .array(dimensions.map { .number($0) }) }
    }

    /// How a conv layer pads: explicit zeros (also what `"valid"` means,
    /// kept apart only so the sheet and the re-encoded problem say "valid"),
    /// or TensorFlow's `"same"`, which picks the padding from the output size.
    enum Padding: Sendable, Equatable {
        case explicit(Pair)
        case valid
        case same

        var json: JSONValue {
            switch self {
            case .explicit(let pair): return pair.json
            case .valid: return .string("valid")
            case .same: return .string("same")
            }
        }
    }

    enum PoolMode: String, Sendable, CaseIterable {
        case max, avg
    }

    struct Conv: Sendable, Equatable {
        var filters: Int
        var kernel: Pair
        var stride = Pair(square: 1)
        var padding = Padding.explicit(Pair(square: 0))
        var dilation = Pair(square: 1)
        var bias = true
    }

    struct Pool: Sendable, Equatable {
        var kernel: Pair
        /// Defaults to the kernel (non-overlapping windows).
        var stride: Pair
        var padding = Pair(square: 0)
        var mode = PoolMode.max
    }

    struct FullyConnected: Sendable, Equatable {
        var units: Int
        var bias = true
    }

    enum Kind: Sendable, Equatable {
        case conv(Conv)
        case pool(Pool)
        case fc(FullyConnected)

        var typeName: String {
            switch self {
            case .conv: return "conv"
            case .pool: return "pool"
            case .fc: return "fc"
            }
        }
    }

    struct Layer: Sendable, Equatable {
        /// An optional label such as `C1` or `conv3_2` (an extension of the
        /// contract: published networks name their layers).
        var name: String?
        var kind: Kind
    }
}
