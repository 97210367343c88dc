/// Records a solved convolution as worked steps, each once, in the order a
/// student computes them: the size rule per axis ("same" padding first
/// where asked), the padded image, the rotated kernels under `flip`, every
/// output entry as its window's products summed plus the bias, the
/// activation and every pooling window.
///
/// Step ids follow the answers' paths (`padded[0]`, `feature_maps[0][1][2]`,
/// `activated[0]`, `pooled[0][0][0]`), plus `padding.height`, `size.height`
/// (and width) and `kernels_flipped[f][c]`.
enum ConvolveTrace {
    static func record(_ p: ConvolveTopic.Problem, _ r: ConvolveSolver.Result) -> Trace {
        let n = ConvolveNotation(p)
        var trace = Trace()
        func step(_ id: String, _ formula: Formula, _ name: Formula?, _ substituted: Formula, _ value: StepValue) {
            trace.record(WorkedStep(id: id, label: id, formula: formula, name: name, substituted: substituted, value: value))
        }
        for (axis, side) in [(r.height, ConvolveNotation.Side.height), (r.width, .width)] {
            if axis.same {
                step(
                    "padding.\(side.rawValue)", n.sameRule(side), n.totalPadding(side),
                    .max([(.ceil(.frac(.integer(axis.input), .integer(axis.stride))) - 1) * .integer(axis.stride)
                        + .integer(axis.kernel) - .integer(axis.input), 0]),
                    .scalar(Double(axis.totalPadding)))
            }
            step(
                "size.\(side.rawValue)", n.sizeRule(side, axis), n.outputSize(side), n.sizeNumbers(axis),
                .scalar(Double(axis.output)))
        }
        for (c, channel) in r.padded.enumerated() {
            step("padded[\(c)]", n.paddedName(c) .= .call("pad", n.imageName(c)), n.paddedName(c), .matrix(channel), .matrix(channel))
        }
        if p.flip {
            for (f, filter) in p.kernels.enumerated() {
                for (c, slice) in filter.enumerated() {
                    let name = n.kernelName(f, c, flipped: true)
                    step(
                        "kernels_flipped[\(f)][\(c)]", name .= .call("rot180", n.kernelName(f, c, flipped: false)), name,
                        .call("rot180", .matrix(slice)), .matrix(r.kernels[f][c]))
                }
            }
        }
        for (f, map) in r.entries.enumerated() {
            for (i, row) in map.enumerated() {
                for (j, entry) in row.enumerated() {
                    step(
                        "feature_maps[\(f)][\(i)][\(j)]", n.entryRule, n.output(f, i, j), n.products(entry, kernel: r.kernels[f], bias: r.bias[f]),
                        .scalar(entry.value))
                }
            }
        }
        if let activation = p.activation.function {
            for (f, map) in r.maps.enumerated() {
                step(
                    "activated[\(f)]", n.activatedName(f) .= activation.formula(n.mapName(f)), n.activatedName(f),
                    activation.formula(.matrix(map)), .matrix(r.activated[f]))
            }
        }
        if let pool = p.pool, let entries = r.poolEntries {
            for (f, map) in entries.enumerated() {
                for (i, row) in map.enumerated() {
                    for (j, entry) in row.enumerated() {
                        step(
                            "pooled[\(f)][\(i)][\(j)]", n.poolRule(pool), n.pooled(f, i, j), n.poolNumbers(entry, pool),
                            .scalar(entry.value))
                    }
                }
            }
        }
        return trace
    }
}

/// The symbols of a convolution: X, X̃ (padded), K (K′ rotated), b, z, a,
/// p, with a filter index only when there are several filters and a channel
/// index only when there are several channels, so the notes' one-channel
/// example reads z_{i,j} = Σ_{u,v} x̃_{i+u, j+v} K_{u,v}.
struct ConvolveNotation {
    enum Side: String { case height, width }

    let problem: ConvolveTopic.Problem
    init(_ problem: ConvolveTopic.Problem) { self.problem = problem }

    private var manyFilters: Bool { problem.filters > 1 }
    private var manyChannels: Bool { problem.channels > 1 }

    // MARK: Sizes

    func outputSize(_ side: Side) -> Formula { .symbol("o", sub: .symbol(side == .height ? "h" : "w")) }
    func inputSize(_ side: Side) -> Formula { side == .height ? "H" : "W" }
    func kernelSize(_ side: Side) -> Formula { .symbol("k", sub: .symbol(side == .height ? "h" : "w")) }
    func strideSize(_ side: Side) -> Formula { .symbol("S", sub: .symbol(side == .height ? "h" : "w")) }
    func totalPadding(_ side: Side) -> Formula { .symbol("P", sub: .symbol(side == .height ? "h" : "w")) }

    /// P_h = max((⌈H/S_h⌉ − 1)·S_h + k_h − H, 0): TensorFlow's "same".
    func sameRule(_ side: Side) -> Formula {
        let (n, s) = (inputSize(side), strideSize(side))
        return totalPadding(side) .= .max([(.ceil(.frac(n, s)) - 1) * s + kernelSize(side) - n, 0])
    }

    /// o_h = ⌊(H + 2p − k_h)/S_h⌋ + 1, or with the two sides' zeros apart
    /// when they differ ("same" with an odd total: `H + P_h − k_h`).
    func sizeRule(_ side: Side, _ axis: WindowAxis) -> Formula {
        let n = inputSize(side)
        let pads: Formula = axis.same ? totalPadding(side) : .juxtapose(2, .symbol("p", sub: .symbol(side == .height ? "h" : "w")))
        return outputSize(side) .= WindowAxis.rule(input: n, padding: pads, kernel: kernelSize(side), stride: strideSize(side))
    }

    func sizeNumbers(_ axis: WindowAxis) -> Formula {
        let pads: Formula = axis.same ? .integer(axis.padBefore + axis.padAfter) : .integer(2) * .integer(axis.padBefore)
        return WindowAxis.rule(input: .integer(axis.input), padding: pads, kernel: .integer(axis.kernel), stride: .integer(axis.stride))
    }

    // MARK: Names

    func imageName(_ c: Int) -> Formula { manyChannels ? .symbol("X", sub: .integer(c)) : "X" }
    func paddedName(_ c: Int) -> Formula { .symbol("X", sub: manyChannels ? .integer(c) : nil, accent: .tilde) }

    func kernelName(_ f: Int, _ c: Int, flipped: Bool) -> Formula {
        var indices: [Formula] = []
        if manyFilters { indices.append(.integer(f)) }
        if manyChannels { indices.append(.integer(c)) }
        let sub: Formula? = indices.isEmpty ? nil : indices.count == 1 ? indices[0] : .apply(.list, indices)
        return .symbol("K", sub: sub, primes: flipped ? 1 : 0)
    }

    func mapName(_ f: Int) -> Formula { manyFilters ? .symbol("Z", sub: .integer(f)) : "Z" }
    func activatedName(_ f: Int) -> Formula { manyFilters ? .symbol("A", sub: .integer(f)) : "A" }
    func pooledName(_ f: Int) -> Formula { manyFilters ? .symbol("P", sub: .integer(f)) : "P" }

    private func indexed(_ name: String, _ f: Formula, _ i: Formula, _ j: Formula) -> Formula {
        .symbol(name, sub: manyFilters ? .apply(.list, [f, i, j]) : .apply(.list, [i, j]))
    }

    func output(_ f: Int, _ i: Int, _ j: Int) -> Formula { indexed("z", .integer(f), .integer(i), .integer(j)) }
    func pooled(_ f: Int, _ i: Int, _ j: Int) -> Formula { indexed("p", .integer(f), .integer(i), .integer(j)) }

    // MARK: The rule

    /// `S i + u` (or `i + u` for stride 1): the row a window tap reads.
    private func tap(_ stride: Int, _ index: Formula, _ offset: Formula) -> Formula {
        (stride == 1 ? index : .juxtapose(.integer(stride), index)) + offset
    }

    /// z_{f,i,j} = b_f + Σ_{c,u,v} x̃_{c, S_h i+u, S_w j+v} K_{f,c,u,v}.
    var entryRule: Formula {
        let taps: [Formula] = [tap(problem.stride.height, "i", "u"), tap(problem.stride.width, "j", "v")]
        let x = Formula.symbol("x", sub: .apply(.list, (manyChannels ? ["c"] : []) + taps), accent: .tilde)
        let kIndices: [Formula] = (manyFilters ? ["f"] : []) + (manyChannels ? ["c"] : []) + ["u", "v"]
        let k = Formula.symbol("K", sub: .apply(.list, kIndices), primes: problem.flip ? 1 : 0)
        let over: Formula = .apply(.list, (manyChannels ? ["c"] : []) + ["u", "v"])
        let sum = Formula.sum(over: over, .juxtapose(x, k))
        let b: Formula = manyFilters ? .symbol("b", sub: "f") : "b"
        return indexed("z", "f", "i", "j") .= (problem.hasBias ? sum + b : sum)
    }

    /// x·K for every tap, summed, then + b: `1·1 + 1·0 + … + 0`. `kernel`
    /// is the filter as applied (rotated under `flip`).
    func products(_ entry: ConvolveSolver.Entry, kernel: [[[Double]]], bias: Double) -> Formula {
        var terms: [Formula] = []
        for c in entry.window.indices {
            for (u, row) in entry.window[c].enumerated() {
                for (v, x) in row.enumerated() { terms.append(.number(x) * .number(kernel[c][u][v])) }
            }
        }
        if problem.hasBias { terms.append(.number(bias)) }
        return .sum(terms)
    }

    // MARK: Pooling

    /// p_{i,j} = max_{u,v} a_{S i+u, S j+v}, or the window's mean.
    func poolRule(_ pool: ConvolveTopic.Pool) -> Formula {
        let step = pool.step
        let a = Formula.symbol(problem.activation == .none ? "z" : "a", sub: .apply(.list,
            (manyFilters ? ["f"] : []) + [tap(step.height, "i", "u"), tap(step.width, "j", "v")]))
        let name = indexed("p", "f", "i", "j")
        if pool.mode == .max { return name .= .max(over: .apply(.list, ["u", "v"]), a) }
        return name .= .juxtapose(.frac(1, .integer(pool.kernel.height * pool.kernel.width)), .sum(over: .apply(.list, ["u", "v"]), a))
    }

    func poolNumbers(_ entry: ConvolveSolver.PoolEntry, _ pool: ConvolveTopic.Pool) -> Formula {
        let values = Formula.numbers(entry.window.flatMap { $0 })
        if pool.mode == .max { return values.count == 1 ? values[0] : .max(values) }
        return .frac(.sum(values), .integer(values.count))
    }
}
