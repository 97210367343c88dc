/// The data of a `conv` problem: an input shape and a stack of `conv`,
/// `pool` and `fc` layers, with every default already filled in.
///
/// Sizes that may differ along height and width (kernel, stride, padding,
/// dilation) are kept as a `SizePair` even when the file gave one integer,
/// so the solver never has to ask which form was written; they, how a conv
/// layer pads and the pooling mode are shared with `convolve`
/// (`Input/SizePair.swift`).
enum ConvModel {
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

    struct Conv: Sendable, Equatable {
        var filters: Int
        var kernel: SizePair
        var stride = SizePair(square: 1)
        var padding = Padding.explicit(SizePair(square: 0))
        var dilation = SizePair(square: 1)
        var bias = true
    }

    struct Pool: Sendable, Equatable {
        var kernel: SizePair
        /// Defaults to the kernel (non-overlapping windows).
        var stride: SizePair
        var padding = SizePair(square: 0)
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
