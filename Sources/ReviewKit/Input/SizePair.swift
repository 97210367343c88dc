/// A size along height and width (a 3×5 kernel, a stride of 2), and a
/// padding: the field kinds `conv` and `convolve` share. A file may write
/// one integer for a square size or `[h, w]`; both read into a `SizePair`,
/// so solvers never ask which form was written, and writing one back gives
/// the form a person would write.
struct SizePair: Sendable, Equatable {
    var height: Int
    var width: Int

    init(_ height: Int, _ width: Int) {
        self.height = height
        self.width = width
    }

    init(square n: Int) { self.init(n, n) }

    var isSquare: Bool { height == width }

    /// One integer when square, `[h, w]` otherwise.
    var json: JSONValue {
        isSquare ? .number(height) : .array([.number(height), .number(width)])
    }
}

/// How a layer pads: explicit zeros (also what `"valid"` means, kept apart
/// only so the sheet and the echoed problem say "valid"), or TensorFlow's
/// `"same"`, which picks the padding from the output size.
enum Padding: Sendable, Equatable {
    case explicit(SizePair)
    case valid
    case same

    /// The zeros on each side, `0` for `"valid"`; nil for `"same"`, whose
    /// padding follows from the output size (`WindowAxis`).
    var perSide: SizePair? {
        switch self {
        case .explicit(let pair): return pair
        case .valid: return SizePair(square: 0)
        case .same: return nil
        }
    }

    var json: JSONValue {
        switch self {
        case .explicit(let pair): return pair.json
        case .valid: return .string("valid")
        case .same: return .string("same")
        }
    }
}

/// How a pooling window sums up what it covers: its largest entry or
/// their mean (`conv`'s pool layers, `convolve`'s pooling).
enum PoolMode: String, Sendable, CaseIterable {
    case max, avg
}

extension Field {
    /// An integer, or `[h, w]`. A bad number is reported with the integer
    /// reader's own wording ("must be a positive integer, got -3").
    func sizePair(positive: Bool) throws -> SizePair {
        let read: (Field) throws -> Int = { positive ? try $0.positiveInt() : try $0.nonNegativeInt() }
        switch value.kind {
        case .number:
            return SizePair(square: try read(self))
        case .array(let items) where items.count == 2:
            let values = try array().map(read)
            return SizePair(values[0], values[1])
        case .array(let items):
            throw error("must be a pair [h, w], got an array of \(items.count)")
        default:
            let kind = positive ? "a positive integer" : "a non-negative integer"
            throw error("must be \(kind) or a pair [h, w], got \(describe())")
        }
    }

    /// A size pair of zeros, `"same"` or `"valid"`.
    func padding() throws -> Padding {
        guard case .string(let text) = value.kind else { return .explicit(try sizePair(positive: false)) }
        switch text {
        case "same": return .same
        case "valid": return .valid
        default:
            var message = "must be a non-negative integer, a pair [h, w], \"same\" or \"valid\", got \(describe())"
            if let near = closestMatch(to: text, in: ["same", "valid"]) { message += " (did you mean \"\(near)\"?)" }
            throw error(message)
        }
    }
}

extension FieldSchema.Spec {
    /// A size that may differ along height and width (kernel, stride, …).
    static func sizePair(
        _ name: String, _ keyPath: WritableKeyPath<Problem, SizePair> & Sendable, positive: Bool = true,
        default defaultValue: String? = nil, doc: String
    ) -> Self {
        .custom(
            name, type: "integer \(positive ? ">" : "≥") 0 or `[h, w]`", default: defaultValue, doc: doc,
            read: { field, problem in problem[keyPath: keyPath] = try field.sizePair(positive: positive) },
            write: { $0[keyPath: keyPath].json })
    }

    /// Zeros on each side, `"same"` or `"valid"`.
    static func padding(
        _ name: String, _ keyPath: WritableKeyPath<Problem, Padding> & Sendable, default defaultValue: String, doc: String
    ) -> Self {
        .custom(
            name, type: "integer ≥ 0, `[h, w]`, `\"same\"` or `\"valid\"`", default: defaultValue, doc: doc,
            read: { field, problem in problem[keyPath: keyPath] = try field.padding() },
            write: { $0[keyPath: keyPath].json })
    }
}
