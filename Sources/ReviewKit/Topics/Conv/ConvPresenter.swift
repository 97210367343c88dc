/// Fills the conv templates from a solved stack: the question (prose for a
/// single conv layer, a table of layers otherwise), one worked block per
/// layer, then a summary table and the total.
///
/// Every worked formula comes from the trace (`ConvTrace`) as a tree and
/// goes to the templates as a formula marker; the few that only the sheet
/// shows (the floor when a division is not exact, how `"same"` splits its
/// padding, the check with the size rule) are built here from the same
/// numbers. Every sentence is in `templates/<lang>/conv/*.mustache`.
struct ConvPresenter: BookPresenter {
    typealias Solution = ConvTopic.Solution
    let solution: Solution
    let templates: TemplateLibrary
    var book = FormulaBook()

    private var result: ConvSolver.Result { solution.result }
    private var problem: ConvTopic.Problem { result.problem }

    mutating func contexts() -> TopicContexts {
        let solution = solutionContext()
        return TopicContexts(
            question: questionContext(), solution: solution, figure: stackFigure().figure(), as: "stack", formulas: book.formulas)
    }

    /// The input and every layer's output, labelled with the layer's own name
    /// or, when it has none, its kind in the sheet's language.
    private func stackFigure() -> ConvStackFigure {
        let words = FigureWords(templates: templates, topic: "conv")
        var items = [ConvStackFigure.Item(label: words("input"), shape: problem.input, kind: .input)]
        for layer in result.layers {
            let kind = layer.layer.kind
            let word = if case .pool(let pool) = kind { words(pool.mode.rawValue) } else { words(kind.typeName) }
            items.append(.init(
                label: FigureText.short(layer.layer.name ?? word, limit: 13), shape: layer.output, kind: .init(rawValue: kind.typeName)!))
        }
        let hasImage = items.contains { if case .image = $0.shape { true } else { false } }
        let caption = words.caption([
            "hasImage": .flag(hasImage), "hasFlat": .flag(items.contains { $0.shape.dimensions.count == 1 }),
            "hasPool": .flag(items.contains { $0.kind == .pool }),
        ])
        return ConvStackFigure(items: items, caption: caption)
    }

    // MARK: Formulas of the problem's own numbers

    /// `28 × 28 × 6`, or `120` for a flat vector.
    private func shape(_ shape: ConvModel.Shape) -> Formula { .times(shape.dimensions.map { .integer($0) }) }

    /// `3 × 5` for a window.
    private func window(_ pair: SizePair) -> Formula { .times([.integer(pair.height), .integer(pair.width)]) }

    /// `2`, or `(2, 1)` for a pair (height, width).
    private func pair(_ pair: SizePair) -> Formula {
        pair.isSquare ? .integer(pair.height) : .vector([.integer(pair.height), .integer(pair.width)])
    }

    // MARK: Question

    private mutating func questionContext() -> TemplateObject {
        var context = inputContext()
        let layers = result.layers.map { settings($0) }
        if layers.count == 1, layers[0]["conv"] != nil {
            context["single"] = .object(layers[0])
        } else {
            context["table"] = true
            context["layers"] = .objects(layers)
        }
        return context
    }

    private mutating func inputContext() -> TemplateObject {
        var context: TemplateObject = ["input": book.inline(shape(problem.input))]
        if case .flat(let n) = problem.input { context["flat"] = ["length": book.inline(.integer(n))] }
        return context
    }

    /// What a layer is, as the question states it.
    private mutating func settings(_ layer: ConvSolver.Layer) -> TemplateObject {
        var entry: TemplateObject = ["number": .text(layer.index + 1), "type": .text(layer.layer.kind.typeName)]
        if let name = layer.layer.name { entry["name"] = .text(name) }
        switch layer.layer.kind {
        case .conv(let conv):
            var c: TemplateObject = [
                "filters": book.inline(.integer(conv.filters)), "kernel": book.inline(window(conv.kernel)),
                "stride": book.inline(pair(conv.stride)), "bias": .flag(conv.bias), "plural": .flag(conv.filters != 1),
            ]
            if case .image(_, _, let channels) = layer.input {
                c["depth"] = book.inline(.times([.integer(conv.kernel.height), .integer(conv.kernel.width), .integer(channels)]))
            }
            switch conv.padding {
            case .explicit(let p): c["padding"] = book.inline(pair(p))
            case .same: c["same"] = true
            case .valid: c["valid"] = true
            }
            if conv.dilation != SizePair(square: 1) { c["dilation"] = book.inline(pair(conv.dilation)) }
            entry["conv"] = .object(c)
        case .pool(let pool):
            var p: TemplateObject = [
                "kernel": book.inline(window(pool.kernel)), "stride": book.inline(pair(pool.stride)), pool.mode.rawValue: true,
            ]
            if pool.padding != SizePair(square: 0) { p["padding"] = book.inline(pair(pool.padding)) }
            entry["pool"] = .object(p)
        case .fc(let fc):
            entry["fc"] = ["units": book.inline(.integer(fc.units)), "bias": .flag(fc.bias), "plural": .flag(fc.units != 1)]
        }
        return entry
    }

    // MARK: Solution

    private mutating func solutionContext() -> TemplateObject {
        var context = inputContext()
        let kinds = problem.layers.map(\.kind)
        context["hasSpatial"] = .flag(kinds.contains { if case .fc = $0 { false } else { true } })
        context["hasDilation"] = .flag(kinds.contains { if case .conv(let c) = $0 { c.dilation != .init(square: 1) } else { false } })
        context["hasSame"] = .flag(kinds.contains { if case .conv(let c) = $0 { c.padding == .same } else { false } })
        context["hasPool"] = .flag(kinds.contains { if case .pool = $0 { true } else { false } })
        context["hasValid"] = .flag(kinds.contains { if case .conv(let c) = $0 { c.padding == .valid } else { false } })
        // The summary table lists the same objects, a pooling layer's missing weights and biases as `zero`.
        context["layers"] = .list(result.layers) { worked($0) }
        context["zero"] = book.inline(0)
        context["total"] = book.inline(StepForms.count(trace["total_params"]))
        let last = result.layers.last!
        context["output"] = book.inline(shape(last.output))
        if result.layers.count == 1, case .conv = last.layer.kind { context["single"] = true }
        if case .flat = last.output { context["outputFlat"] = true }
        return context
    }

    private mutating func worked(_ layer: ConvSolver.Layer) -> TemplateObject {
        let id = "layers[\(layer.index)]"
        // Its steps by id (`StepForms`, counts as integers); `output` is the shape.
        var entry = settings(layer).merging(book.steps(trace, under: id + ".", value: StepForms.count))
        if case .pool(let pool) = layer.layer.kind { entry[pool.mode.rawValue] = true }
        entry["input"] = book.inline(shape(layer.input))
        entry["output"] = book.inline(shape(layer.output))
        if case .flat = layer.input { entry["flatInput"] = true }
        if let h = layer.height, let w = layer.width {
            if h == w {
                entry["sizes"] = .objects([axis(h, .both, id: id, step: "height")])
            } else {
                let names = ConvTrace.AxisNames.of(layer)
                entry["sizes"] = .objects([axis(h, names.height, id: id, step: "height"), axis(w, names.width, id: id, step: "width")])
            }
        }
        if case .image(_, _, let channels) = layer.input {
            entry["channels"] = book.inline(.symbol("C", sub: .text("in")) .= .integer(channels))
        }
        switch layer.layer.kind {
        case .conv(let conv):
            entry["K"] = book.inline("K" .= .integer(conv.filters))
        case .fc(let fc):
            entry["unitsLine"] = book.inline("U" .= .integer(fc.units))
            if case .flat = layer.input { entry["flattened"] = book.inline("N" .= .integer(layer.flattened ?? 0)) }
        case .pool:
            break
        }
        return entry
    }

    private mutating func axis(_ a: WindowAxis, _ names: ConvTrace.AxisNames, id: String, step key: String) -> TemplateObject {
        var entry: TemplateObject = [
            "both": .flag(names.side == .both), "height": .flag(names.side == .height), "width": .flag(names.side == .width),
        ]
        // Shared hyperparameters (bare F, S, P, D): the effective kernel is
        // worked only once, under the height.
        if a.dilation != 1, names.subscripted || names.side != .width {
            let step = trace["\(id).effective_kernel_\(key)"]
            entry["dilated"] = [
                "line": book.display(step.line(from: step.formula)), "dilation": book.inline(.integer(a.dilation)),
                "shared": .flag(!names.subscripted),
            ]
        }
        let output = trace["\(id).\(key)"]
        if a.same {
            // `H_out = W_out = ⌈…⌉` when both axes are worked at once: the trace names one axis.
            guard case .relation(_, _, let ceilRule) = output.formula else { preconditionFailure("step \(output.id)") }
            let padding = trace["\(id).padding_\(key)"]
            let total = Formula.integer(a.totalPadding)
            var same: TemplateObject = [
                "output": book.display(names.output .= ceilRule .= output.substituted .=≈ .integer(a.output)),
                "padding": .object(book.forms(of: padding, value: StepForms.count)),
                "before": book.inline(names.padBefore .= .floor(total / 2) .=≈ .integer(a.padBefore)),
                "after": book.inline(names.padAfter .= total - .integer(a.padBefore) .=≈ .integer(a.padAfter)),
                "uneven": .flag(a.padBefore != a.padAfter), "none": .flag(a.totalPadding == 0),
            ]
            if !a.sameIsExact { same["roundsUp"] = book.inline(mixedNumber(a.input, over: a.stride)) }
            entry["same"] = .object(same)
            entry["rule"] = book.display(sizeRuleLine(a, names, substituted: ConvTrace.sizeRuleNumbers(a)))
        } else {
            entry["rule"] = book.display(sizeRuleLine(a, names, substituted: output.substituted))
        }
        if !a.isExact {
            entry["inexact"] = [
                "division": book.inline(mixedNumber(a.numerator, over: a.stride)),
                "floor": book.inline(.floor(.integer(a.numerator) / .integer(a.stride)) .=≈ .integer(a.quotient)),
            ]
        }
        return entry
    }

    /// `H_out = ⌊(H_in + 2P − F)/S⌋ + 1 = ⌊(32 + 2·0 − 5)/2⌋ + 1 = ⌊27/2⌋ + 1 = 13 + 1 = 14`:
    /// the rule, the numbers, the quotient when the stride divides, the result.
    private func sizeRuleLine(_ a: WindowAxis, _ names: ConvTrace.AxisNames, substituted: Formula) -> Formula {
        var line = names.output .= names.sizeRule(a) .= substituted
        if a.stride != 1 { line = line .=≈ .floor(.frac(.integer(a.numerator), .integer(a.stride))) + 1 }
        return line .=≈ .integer(a.quotient) + 1 .=≈ .integer(a.output)
    }

    /// `27/2 = 13 + 1/2`: a division that is not whole, shown exactly.
    private func mixedNumber(_ numerator: Int, over denominator: Int) -> Formula {
        .frac(.integer(numerator), .integer(denominator))
            .= .integer(numerator / denominator) + .frac(.integer(numerator % denominator), .integer(denominator))
    }
}
