/// Fills the conv templates from a solved stack: the question (prose for a
/// single conv layer, a table of layers otherwise), one worked block per
/// layer, then a summary table and the total.
///
/// Only LaTeX and numbers are made here; every sentence is in
/// `templates/<lang>/conv/*.mustache`.
struct ConvPresenter {
    let solution: ConvSolver.Solution
    let templates: TemplateLibrary

    func presentation() -> Presentation {
        let figure = stackDrawing().figure()
        var context = solutionContext()
        if figure != nil { context["stack"] = FigureMarker.make(0) }
        return Presentation(
            question: templates.render("conv/question", questionContext()),
            solution: templates.render("conv/solution", context),
            figures: figure.map { [$0] } ?? [])
    }

    /// The input and every layer's output, labelled with the layer's own name
    /// or, when it has none, its kind in the sheet's language.
    private func stackDrawing() -> ConvStackDrawing {
        let words = FigureWords(templates: templates, topic: "conv")
        var items = [ConvStackDrawing.Item(label: words("input"), shape: problem.input, kind: .input)]
        for layer in solution.layers {
            let kind: ConvStackDrawing.Item.Kind
            let word: String
            switch layer.layer.kind {
            case .conv: (kind, word) = (.conv, words("conv"))
            case .pool(let pool): (kind, word) = (.pool, words(pool.mode.rawValue))
            case .fc: (kind, word) = (.fc, words("fc"))
            }
            items.append(.init(label: FigureText.short(layer.layer.name ?? word, limit: 13), shape: layer.output, kind: kind))
        }
        let hasImage = items.contains { if case .image = $0.shape { true } else { false } }
        let caption = words.caption([
            "hasImage": hasImage, "hasFlat": items.contains { $0.shape.dimensions.count == 1 },
            "hasPool": items.contains { $0.kind == .pool },
        ])
        return ConvStackDrawing(items: items, caption: caption)
    }

    private var problem: ConvTopic.Problem { solution.problem }

    // MARK: Question

    private func questionContext() -> [String: Any] {
        var context = inputContext()
        let layers = solution.layers.map(settings)
        if layers.count == 1, layers[0]["conv"] != nil {
            context["single"] = layers[0]
        } else {
            context["table"] = true
            context["layers"] = layers
        }
        return context
    }

    private func inputContext() -> [String: Any] {
        var context: [String: Any] = ["input": ConvNotation.shape(problem.input)]
        if case .flat(let n) = problem.input { context["flat"] = ["length": n] }
        return context
    }

    /// What a layer is, as the question states it.
    private func settings(_ layer: ConvSolver.Layer) -> [String: Any] {
        var entry: [String: Any] = ["number": layer.index + 1, "type": layer.layer.kind.typeName]
        if let name = layer.layer.name { entry["name"] = name }
        switch layer.layer.kind {
        case .conv(let conv):
            var c: [String: Any] = [
                "filters": conv.filters, "kernel": ConvNotation.window(conv.kernel),
                "stride": ConvNotation.pair(conv.stride), "bias": conv.bias, "plural": conv.filters != 1,
            ]
            if case .image(_, _, let channels) = layer.input {
                c["depth"] = "\(ConvNotation.window(conv.kernel)) \\times \(channels)"
            }
            switch conv.padding {
            case .explicit(let p): c["padding"] = ConvNotation.pair(p)
            case .same: c["same"] = true
            case .valid: c["valid"] = true
            }
            if conv.dilation != ConvModel.Pair(square: 1) { c["dilation"] = ConvNotation.pair(conv.dilation) }
            entry["conv"] = c
        case .pool(let pool):
            var p: [String: Any] = [
                "kernel": ConvNotation.window(pool.kernel), "stride": ConvNotation.pair(pool.stride),
                pool.mode.rawValue: true,
            ]
            if pool.padding != ConvModel.Pair(square: 0) { p["padding"] = ConvNotation.pair(pool.padding) }
            entry["pool"] = p
        case .fc(let fc):
            entry["fc"] = ["units": fc.units, "bias": fc.bias, "plural": fc.units != 1]
        }
        return entry
    }

    // MARK: Solution

    private func solutionContext() -> [String: Any] {
        var context = inputContext()
        let kinds = problem.layers.map(\.kind)
        context["hasSpatial"] = kinds.contains { if case .fc = $0 { false } else { true } }
        context["hasDilation"] = kinds.contains { if case .conv(let c) = $0 { c.dilation != .init(square: 1) } else { false } }
        context["hasSame"] = kinds.contains { if case .conv(let c) = $0 { c.padding == .same } else { false } }
        context["hasPool"] = kinds.contains { if case .pool = $0 { true } else { false } }
        context["hasValid"] = kinds.contains { if case .conv(let c) = $0 { c.padding == .valid } else { false } }
        context["layers"] = solution.layers.map(worked)
        context["summary"] = solution.layers.map(summaryRow)
        context["total"] = ConvNotation.count(solution.totalParams)
        context["totalPlain"] = ConvNotation.plainCount(solution.totalParams)
        let last = solution.layers.last!
        context["output"] = ConvNotation.shape(last.output)
        if solution.layers.count == 1, case .conv = last.layer.kind { context["single"] = true }
        if case .flat = last.output { context["outputFlat"] = true }
        return context
    }

    private func worked(_ layer: ConvSolver.Layer) -> [String: Any] {
        var entry = settings(layer)
        entry["input"] = ConvNotation.shape(layer.input)
        entry["output"] = ConvNotation.shape(layer.output)
        if case .flat = layer.input { entry["flatInput"] = true }
        if let h = layer.height, let w = layer.width {
            if h == w {
                entry["sizes"] = [axis(h, .both)]
            } else {
                // Same kernel, stride, padding and dilation along both axes:
                // plain F, S, P, and the effective kernel worked only once.
                let shared = h.kernel == w.kernel && h.stride == w.stride && h.dilation == w.dilation
                    && h.padBefore == w.padBefore && h.padAfter == w.padAfter && h.same == w.same
                var height = axis(h, .init(side: .height, subscripted: !shared))
                var width = axis(w, .init(side: .width, subscripted: !shared))
                if shared, var dilated = height["dilated"] as? [String: Any] {
                    dilated["shared"] = true
                    height["dilated"] = dilated
                    width["dilated"] = nil
                }
                entry["sizes"] = [height, width]
            }
        }
        if case .image(_, _, let channels) = layer.input { entry["channels"] = channels }
        entry["weights"] = ConvNotation.count(layer.weights)
        entry["biases"] = ConvNotation.count(layer.biases)
        entry["params"] = ConvNotation.count(layer.params)
        switch layer.layer.kind {
        case .conv(let conv):
            entry["kh"] = conv.kernel.height
            entry["kw"] = conv.kernel.width
        case .fc:
            entry["flattened"] = ConvNotation.count(layer.flattened ?? 0)
            if case .image = layer.input {
                entry["flatten"] = layer.input.dimensions.map(String.init).joined(separator: " \\cdot ")
            }
        case .pool:
            break
        }
        return entry
    }

    private func axis(_ a: ConvSolver.Axis, _ axis: ConvNotation.Axis) -> [String: Any] {
        var entry: [String: Any] = [
            "both": axis.side == .both, "height": axis.side == .height, "width": axis.side == .width,
            "rule": ConvNotation.sizeRule(a, axis), "result": a.output,
        ]
        if a.dilation != 1 {
            entry["dilated"] = ["line": ConvNotation.effectiveKernel(a, axis), "dilation": a.dilation, "shared": axis.side == .both]
        }
        if a.same {
            let split = ConvNotation.sameSplit(a, axis)
            var same: [String: Any] = [
                "output": ConvNotation.sameOutput(a, axis), "padding": ConvNotation.samePadding(a, axis),
                "before": split.before, "after": split.after, "uneven": a.padBefore != a.padAfter,
                "none": a.totalPadding == 0,
            ]
            if !a.sameIsExact { same["roundsUp"] = ConvNotation.sameDivision(a) }
            entry["same"] = same
        }
        if !a.isExact {
            entry["inexact"] = ["division": ConvNotation.inexactDivision(a), "floor": ConvNotation.floor(a)]
        }
        return entry
    }

    private func summaryRow(_ layer: ConvSolver.Layer) -> [String: Any] {
        var row: [String: Any] = [
            "number": layer.index + 1, "type": layer.layer.kind.typeName,
            "output": ConvNotation.shape(layer.output),
            "weights": ConvNotation.plainCount(layer.weights), "biases": ConvNotation.plainCount(layer.biases),
            "params": ConvNotation.plainCount(layer.params),
        ]
        if let name = layer.layer.name { row["name"] = name }
        // The kind as a flag too, so a language can word each kind itself
        // rather than print the type name.
        row[layer.layer.kind.typeName] = true
        if case .pool(let pool) = layer.layer.kind { row[pool.mode.rawValue] = true }
        return row
    }
}
