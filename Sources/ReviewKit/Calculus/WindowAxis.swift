/// One spatial axis (height or width) of a window slid over an image — a
/// convolution's kernel or a pooling window — worked as `conv` and
/// `convolve` both work it: the effective kernel, the padding, the
/// numerator and quotient of the size rule and whether its division was
/// exact. Pure integer arithmetic, every step checked (`CheckedCount`).
///
/// The size rule is the course notes' (W − F + 2P)/S + 1 with a true floor,
/// ⌊(W + P_before + P_after − F′)/S⌋ + 1, where F′ = D·(F − 1) + 1 is how
/// far a kernel with dilation D reaches.
struct WindowAxis: Sendable, Equatable {
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
    /// quotient + 1; below 1 when the window does not fit, which each
    /// topic reports at its own field.
    var output: Int

    /// Whether the size rule's division leaves no remainder.
    var isExact: Bool { numerator % stride == 0 }
    /// For `"same"`: whether W/S is whole (otherwise the output rounds up).
    var sameIsExact: Bool { input % stride == 0 }

    /// The size rule, or a student's wrong version of it (for mistake
    /// diagnosis: `ConvSlips`).
    enum Rule: Sendable {
        case floor
        /// ⌈·⌉ for ⌊·⌋.
        case ceiling
        /// W + P for W + 2P: explicit padding added on one side only.
        case paddingOnce
    }
}

extension WindowAxis {
    /// The axis of a `kernel` with taps `dilation` apart, moved by `stride`
    /// over `input` entries with `pad` zeros on each side, or with
    /// TensorFlow's `"same"` padding (⌊total/2⌋ before, the rest after)
    /// when `pad` is nil. Throws `CheckedCount.Overflow` past 2^53.
    init(input: Int, kernel: Int, dilation: Int = 1, stride: Int, pad: Int?, rule: Rule = .floor) throws {
        let effective = try CheckedCount.sum(try CheckedCount.product([dilation, kernel - 1]), 1)
        var before = 0
        var after = 0
        if let pad {
            (before, after) = (pad, rule == .paddingOnce ? 0 : pad)
        } else {
            let output = input / stride + (input % stride == 0 ? 0 : 1)
            let reach = try CheckedCount.sum(try CheckedCount.product([output - 1, stride]), effective)
            let total = max(reach - input, 0)
            before = total / 2
            after = total - before
        }
        let numerator = try CheckedCount.sum(try CheckedCount.sum(input, before), after) - effective
        let quotient = rule == .ceiling ? -Self.floorDivide(-numerator, stride) : Self.floorDivide(numerator, stride)
        self.init(
            input: input, kernel: kernel, dilation: dilation, effectiveKernel: effective, stride: stride,
            padBefore: before, padAfter: after, same: pad == nil,
            numerator: numerator, quotient: quotient, output: quotient + 1)
    }

    /// ⌊a / b⌋ for b > 0, rounding toward −∞ (Swift's `/` rounds toward 0).
    static func floorDivide(_ a: Int, _ b: Int) -> Int {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }

    /// The size rule written out, `⌊(W + 2P − F)/S⌋ + 1`, in symbols or
    /// numbers: each topic names the parts its own way (`conv`'s
    /// `H_in`, `F`; `convolve`'s `H`, `k_h`); a pooling window without
    /// padding leaves `padding` out.
    static func rule(input: Formula, padding: Formula?, kernel: Formula, stride: Formula) -> Formula {
        let padded = padding.map { input + $0 } ?? input
        return .floor(.frac(padded - kernel, stride)) + 1
    }
}
