/// Records a solved layer stack as worked steps, each once, in the order a
/// student writes them: per layer the effective kernel (when dilated), the
/// size rule along height and width (for `"same"` the output size first and
/// then the padding it needs), the output shape, weights, biases and
/// parameters; finally the total.
///
/// JSON `steps` and every formula on the sheet are written from this trace.
/// Step ids are `layers[<i>].<quantity>`, as the contract lists them.
enum ConvTrace {
    static func record(_ result: ConvSolver.Result) -> Trace {
        var trace = Trace()
        for layer in result.layers {
            recordLayer(layer, into: &trace)
        }
        trace.record(WorkedStep(
            id: "total_params", label: "total parameters",
            formula: .text("total") .= .sum(result.layers.indices.map { .symbol("params", sub: .integer($0)) }),
            name: .text("total"), substituted: .sum(result.layers.map { .integer($0.params) }),
            value: .scalar(Double(result.totalParams))))
        return trace
    }

    /// How one axis's quantities are named. The symbols follow the course
    /// notes' (W − F + 2P)/S + 1 with the input named by its axis (H for
    /// height, W for width). When height and width share kernel, stride,
    /// padding and dilation the hyperparameters are bare F, S, P, D;
    /// otherwise each carries its axis (F_h, S_w …), so nobody has to guess
    /// which number belongs where. `both` names height and width at once,
    /// for a layer whose two axes are worked alike.
    struct AxisNames {
        enum Side { case both, height, width }

        var side: Side
        var subscripted: Bool

        static let both = AxisNames(side: .both, subscripted: false)

        /// Both axes of `layer`, subscripted where their hyperparameters differ.
        static func of(_ layer: ConvSolver.Layer) -> (height: AxisNames, width: AxisNames) {
            let shared = layer.height.map { h in layer.width.map { h.sharesHyperparameters(with: $0) } ?? true } ?? true
            return (AxisNames(side: .height, subscripted: !shared), AxisNames(side: .width, subscripted: !shared))
        }

        /// `F`, or `F_h` when subscripted; `F'`, `F'_h` with a prime.
        func symbol(_ base: String, primes: Int = 0) -> Formula {
            .symbol(base, sub: subscripted ? (side == .width ? "w" : "h") : nil, primes: primes)
        }

        /// The height's name, the width's, or both equated when the two are worked at once.
        private func pick(_ height: Formula, _ width: Formula) -> Formula {
            switch side {
            case .both: return height .= width
            case .height: return height
            case .width: return width
            }
        }

        /// `H_out`, `W_out`, or `H_out = W_out`.
        var output: Formula { pick(.symbol("H", sub: .text("out")), .symbol("W", sub: .text("out"))) }

        /// The output size alone, as it appears inside a rule.
        var outputSize: Formula { .symbol(side == .width ? "W" : "H", sub: .text("out")) }
        var input: Formula { .symbol(side == .width ? "W" : "H", sub: .text("in")) }
        /// The kernel the size rule uses: the effective `F'` when dilated.
        func kernel(dilated: Bool) -> Formula { symbol("F", primes: dilated ? 1 : 0) }
        /// Zeros before the input: `P_top`, `P_left`, or both.
        var padBefore: Formula { pick(.symbol("P", sub: .text("top")), .symbol("P", sub: .text("left"))) }
        /// Zeros after the input: `P_bottom`, `P_right`, or both.
        var padAfter: Formula { pick(.symbol("P", sub: .text("bottom")), .symbol("P", sub: .text("right"))) }
        /// The padding of a `"same"` axis over both sides together,
        /// `P_total` (`P_total,h` when subscripted): the size rule's `P` is
        /// per side, so the total gets a name of its own.
        var totalPadding: Formula {
            .symbol("P", sub: .text(subscripted ? (side == .width ? "total,w" : "total,h") : "total"))
        }

        /// The two paddings of a `"same"` axis, which may differ.
        var padSum: Formula {
            side == .width
                ? .symbol("P", sub: .text("left")) + .symbol("P", sub: .text("right"))
                : .symbol("P", sub: .text("top")) + .symbol("P", sub: .text("bottom"))
        }

        /// `⌊(H_in + 2P − F)/S⌋ + 1`, or with `P_top + P_bottom` for `"same"`.
        func sizeRule(_ a: WindowAxis) -> Formula {
            let padding = a.same ? padSum : .juxtapose(2, symbol("P"))
            return WindowAxis.rule(input: input, padding: padding, kernel: kernel(dilated: a.dilation != 1), stride: symbol("S"))
        }
    }

    /// `⌊(32 + 2·0 − 5)/1⌋ + 1` (built up as a fraction on sheets): the size rule with the axis's numbers.
    static func sizeRuleNumbers(_ a: WindowAxis) -> Formula {
        let padding: Formula = a.same
            ? .integer(a.padBefore) + .integer(a.padAfter) : .integer(2) * .integer(a.padBefore)
        return WindowAxis.rule(input: .integer(a.input), padding: padding, kernel: .integer(a.effectiveKernel), stride: .integer(a.stride))
    }

    private static func recordLayer(_ layer: ConvSolver.Layer, into trace: inout Trace) {
        let id = "layers[\(layer.index)]"
        func step(_ key: String, _ label: String, _ formula: Formula, _ name: Formula?, _ substituted: Formula, _ value: StepValue) {
            trace.record(WorkedStep(
                id: "\(id).\(key)", label: "\(id) \(label)", formula: formula, name: name, substituted: substituted,
                value: value))
        }
        func count(_ n: Int) -> StepValue { .scalar(Double(n)) }
        if let height = layer.height, let width = layer.width {
            let names = AxisNames.of(layer)
            for (a, axis, word) in [(height, names.height, "height"), (width, names.width, "width")] {
                if a.dilation != 1 {
                    let effective = axis.kernel(dilated: true), f = axis.symbol("F"), d = axis.symbol("D")
                    step(
                        "effective_kernel_\(word)", "effective kernel \(word)", effective .= .juxtapose(d, f - 1) + 1,
                        effective, .integer(a.dilation) * (.integer(a.kernel) - 1) + 1, count(a.effectiveKernel))
                }
                if a.same {
                    step(
                        word, "output \(word) (\"same\")", axis.output .= .ceil(.frac(axis.input, axis.symbol("S"))), axis.output,
                        .ceil(.frac(.integer(a.input), .integer(a.stride))), count(a.output))
                    let reach: Formula = .juxtapose(axis.outputSize - 1, axis.symbol("S")) + axis.kernel(dilated: a.dilation != 1)
                    let reachNumbers: Formula = (.integer(a.output) - 1) * .integer(a.stride) + .integer(a.effectiveKernel)
                    step(
                        "padding_\(word)",
                        "total \"same\" padding along the \(word) (\(a.padBefore) before, \(a.padAfter) after)",
                        axis.totalPadding .= .max([reach - axis.input, 0]), axis.totalPadding,
                        .max([reachNumbers - .integer(a.input), 0]), count(a.totalPadding))
                } else {
                    step(
                        word, "output \(word)", axis.output .= axis.sizeRule(a), axis.output, sizeRuleNumbers(a),
                        count(a.output))
                }
            }
        }
        let weights = Formula.text("weights"), biases = Formula.text("biases"), params = Formula.text("params")
        let outputShape = StepValue.vector(layer.output.dimensions.map(Double.init))
        let outputNumbers = Formula.vector(layer.output.dimensions.map { .integer($0) })
        let k: Formula = "K", units: Formula = "U", n: Formula = "N"
        let h = Formula.symbol("H", sub: .text("out")), w = Formula.symbol("W", sub: .text("out"))
        switch layer.layer.kind {
        case .conv(let conv):
            step("output", "output shape", .vector([h, w, k]), nil, outputNumbers, outputShape)
            let channels = layer.input.dimensions[2]
            step(
                "weights", "weights", weights .= .symbol("F", sub: "h") * .symbol("F", sub: "w") * .symbol("C", sub: .text("in")) * k,
                weights, .integer(conv.kernel.height) * .integer(conv.kernel.width) * .integer(channels) * .integer(conv.filters),
                count(layer.weights))
            step("biases", "biases", biases .= (conv.bias ? k : 0), biases, .integer(layer.biases), count(layer.biases))
        case .pool:
            // Nothing to learn: no weights or biases steps, parameters 0.
            step("output", "output shape", .vector([h, w, .symbol("C", sub: .text("in"))]), nil, outputNumbers, outputShape)
            step("params", "parameters", params .= 0, params, 0, count(0))
            return
        case .fc(let fc):
            let flattened = layer.flattened ?? 0
            if case .image = layer.input {
                step(
                    "flatten", "flattened input size", n .= "H" * "W" * "C", n,
                    .apply(.multiply, layer.input.dimensions.map { .integer($0) }),
                    count(flattened))
            }
            step("output", "output shape", .vector([units]), nil, outputNumbers, outputShape)
            step("weights", "weights", weights .= n * units, weights, .integer(flattened) * .integer(fc.units), count(layer.weights))
            step("biases", "biases", biases .= (fc.bias ? units : 0), biases, .integer(layer.biases), count(layer.biases))
        }
        step("params", "parameters", params .= weights + biases, params, .integer(layer.weights) + .integer(layer.biases), count(layer.params))
    }
}

extension WindowAxis {
    /// Same kernel, stride, padding and dilation as `other`: then the two
    /// axes share bare symbols (F, S, P) and the effective kernel is worked once.
    func sharesHyperparameters(with other: Self) -> Bool {
        kernel == other.kernel && stride == other.stride && dilation == other.dilation
            && padBefore == other.padBefore && padAfter == other.padAfter && same == other.same
    }
}
