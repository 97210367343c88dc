/// Fills the convolve templates from a solved problem: the size rule, the
/// padded image, the first windows laid out with their products (and the
/// last one, where the padding shows), every entry in a table, every map,
/// the activation and every pooling window.
///
/// Every formula comes from the trace (`ConvolveTrace`) or its notation as
/// a tree and goes to the templates as a formula marker, in a typed
/// context (`TemplateObject`); every sentence is in
/// `templates/<lang>/convolve/*.mustache`.
struct ConvolvePresenter {
    let solution: ConvolveTopic.Solution
    let templates: TemplateLibrary
    private var book = FormulaBook()

    init(solution: ConvolveTopic.Solution, templates: TemplateLibrary) {
        self.solution = solution
        self.templates = templates
    }

    private var problem: ConvolveTopic.Problem { solution.problem }
    private var result: ConvolveSolver.Result { solution.result }
    private var trace: Trace { solution.trace }
    private var notation: ConvolveNotation { ConvolveNotation(problem) }

    mutating func presentation() -> Presentation {
        let question = templates.render("convolve/question", questionContext())
        var context = solutionContext()
        var figures: [Figure] = []
        if let figure = windowFigure() {
            context["figure"] = .text(FigureMarker.make(0))
            figures.append(figure)
        }
        let solution = templates.render("convolve/solution", context)
        return Presentation(question: question, solution: solution, figures: figures, formulas: book.formulas)
    }

    // MARK: Shared

    /// Flags and sizes both sheets branch on.
    private func flags() -> TemplateObject {
        let p = problem
        var context: TemplateObject = [
            "manyChannels": .flag(p.channels > 1),
            "channels": .text(p.channels),
            "manyFilters": .flag(p.filters > 1),
            "filters": .text(p.filters),
            "imageSize": .text("\(p.image[0].count)×\(p.image[0][0].count)"),
            "kernelSize": .text("\(p.kernels[0][0].count)×\(p.kernels[0][0][0].count)"),
            "stride": .text(pairText(p.stride)),
            "strideOne": .flag(p.stride == SizePair(square: 1)),
            "hasBias": .flag(p.hasBias),
            "flip": .flag(p.flip),
            "hasPool": .flag(p.pool != nil),
            "activated": .flag(p.activation != .none),
            p.activation.templateFlag: .flag(true),
        ]
        switch p.padding {
        case .same: context["same"] = .flag(true)
        case .valid: context["valid"] = .flag(true)
        case .explicit(let pair):
            if pair == SizePair(square: 0) { context["noPadding"] = .flag(true) } else {
                context["padding"] = .text(pairText(pair))
            }
        }
        if let pool = p.pool {
            context[pool.mode == .max ? "poolMax" : "poolAvg"] = .flag(true)
            context["poolKernel"] = .text("\(pool.kernel.height)×\(pool.kernel.width)")
            context["poolStride"] = .text(pairText(pool.step))
        }
        return context
    }

    private func pairText(_ pair: SizePair) -> String {
        pair.isSquare ? "\(pair.height)" : "(\(pair.height), \(pair.width))"
    }

    // MARK: Question

    private mutating func questionContext() -> TemplateObject {
        var context = flags()
        context["images"] = .list(problem.image.indices) { c in
            ["line": .text(book.display(notation.imageName(c) .= .matrix(problem.image[c])))]
        }
        var kernels: [TemplateObject] = []
        for (f, filter) in problem.kernels.enumerated() {
            for (c, slice) in filter.enumerated() {
                kernels.append(["line": .text(book.display(notation.kernelName(f, c, flipped: false) .= .matrix(slice)))])
            }
        }
        context["kernels"] = .objects(kernels)
        if problem.hasBias {
            context["biasLine"] = .text(book.inline(
                problem.filters > 1 ? "b" .= .vector(result.bias) : "b" .= .number(result.bias[0])))
        }
        return context
    }

    // MARK: Solution

    private mutating func solutionContext() -> TemplateObject {
        var context = flags()
        context.add(sizes())
        context.add(padding())
        if problem.flip {
            let flips = trace.steps.filter { $0.id.hasPrefix("kernels_flipped") }
            context["flipped"] = .list(flips) { step in ["line": .text(book.display(step.line(from: step.name!)))] }
        }
        context["rule"] = .text(book.display(notation.entryRule))
        context["details"] = .objects(detailed())
        context["entries"] = .objects(entryRows())
        context["maps"] = .list(result.maps.indices) { f in
            ["line": .text(book.display(notation.mapName(f) .= .matrix(result.maps[f])))]
        }
        if problem.activation != .none {
            context["activations"] = .list(result.maps.indices) { f in
                let step = trace["activated[\(f)]"]
                return ["line": .text(book.display(step.line(from: step.name!)))]
            }
        }
        if problem.pool != nil { context.add(pooling()) }
        context["answers"] = .objects(answers())
        return context
    }

    /// The size rule per axis ("same" padding first), and the output shape.
    private mutating func sizes() -> TemplateObject {
        var axes: [TemplateObject] = []
        for (axis, side) in [(result.height, ConvolveNotation.Side.height), (result.width, .width)] {
            var item: TemplateObject = [side.rawValue: .flag(true), "inexact": .flag(!axis.isExact)]
            if axis.same {
                let padding = trace["padding.\(side.rawValue)"]
                item["sameLine"] = .text(book.display(padding.line(from: padding.formula)))
                item["before"] = .text(axis.padBefore)
                item["after"] = .text(axis.padAfter)
                item["uneven"] = .flag(axis.padBefore != axis.padAfter)
            }
            let size = trace["size.\(side.rawValue)"]
            item["line"] = .text(book.display(size.line(from: size.formula)))
            axes.append(item)
        }
        return [
            "axes": .objects(axes),
            "outputSize": .text("\(result.height.output)×\(result.width.output)"),
        ]
    }

    private mutating func padding() -> TemplateObject {
        let padded = result.height.padBefore + result.height.padAfter + result.width.padBefore + result.width.padAfter > 0
        var context: TemplateObject = ["isPadded": .flag(padded)]
        if padded {
            context["paddedSize"] = .text("\(result.padded[0].count)×\(result.padded[0][0].count)")
            context["paddedImages"] = .list(result.padded.indices) { c in
                ["line": .text(book.display(trace["padded[\(c)]"].name! .= .matrix(result.padded[c])))]
            }
        }
        return context
    }

    /// Entries worked in full: the first two of each map and its last one
    /// (where padding and the map's edge show).
    private func detailedPositions() -> [(Int, Int)] {
        let (oh, ow) = (result.height.output, result.width.output)
        var positions = [(0, 0)]
        if ow > 1 { positions.append((0, 1)) } else if oh > 1 { positions.append((1, 0)) }
        if oh * ow > 2 { positions.append((oh - 1, ow - 1)) }
        return positions
    }

    private mutating func detailed() -> [TemplateObject] {
        var items: [TemplateObject] = []
        for f in result.entries.indices {
            for (i, j) in detailedPositions() {
                let entry = result.entries[f][i][j]
                let step = trace["feature_maps[\(f)][\(i)][\(j)]"]
                let (top, left) = (i * result.height.stride, j * result.width.stride)
                var windows: [TemplateObject] = []
                for c in entry.window.indices {
                    let products = zip(entry.window[c], result.kernels[f][c]).map { zip($0, $1).map { $0 * $1 } }
                    var window: TemplateObject = [
                        "channel": .text(c),
                        "line": .text(book.display(
                            .hadamard(.matrix(entry.window[c]), .matrix(result.kernels[f][c])) .=≈ .matrix(products))),
                    ]
                    if problem.channels > 1 { window["sumLine"] = .text(book.display(channelSum(entry, c))) }
                    windows.append(window)
                }
                items.append([
                    "filter": .text(f), "i": .text(i), "j": .text(j),
                    "rowFrom": .text(top), "rowTo": .text(top + result.kernels[f][0].count - 1),
                    "columnFrom": .text(left), "columnTo": .text(left + result.kernels[f][0][0].count - 1),
                    "windows": .objects(windows),
                    "sum": .text(book.display(problem.channels > 1 ? step.name! .= total(entry, f) .=≈ .number(entry.value) : step.line(from: step.name!))),
                ])
            }
        }
        return items
    }

    /// Channel c's products of an entry, summed: `0 + 3 + (−1) + … = 2`.
    private func channelSum(_ entry: ConvolveSolver.Entry, _ c: Int) -> Formula {
        .sum(Formula.numbers(channelProducts(entry, c))) .=≈ .number(channelProducts(entry, c).reduce(0, +))
    }

    private func channelProducts(_ entry: ConvolveSolver.Entry, _ c: Int) -> [Double] {
        let size = entry.window[0].count * entry.window[0][0].count
        return Array(entry.products[c * size..<(c + 1) * size])
    }

    /// The channels' sums plus the bias: `2 + 0 + 1`.
    private func total(_ entry: ConvolveSolver.Entry, _ f: Int) -> Formula {
        var terms = entry.window.indices.map { Formula.number(channelProducts(entry, $0).reduce(0, +)) }
        if problem.hasBias { terms.append(.number(result.bias[f])) }
        return .sum(terms)
    }

    /// One row per entry; with several channels one row per channel's
    /// products and one for the total, so no row runs off the page.
    private mutating func entryRows() -> [TemplateObject] {
        var rows: [TemplateObject] = []
        for (f, map) in result.entries.enumerated() {
            for (i, row) in map.enumerated() {
                for (j, entry) in row.enumerated() {
                    let step = trace["feature_maps[\(f)][\(i)][\(j)]"]
                    var item: TemplateObject = ["name": .text(book.inline(step.name!))]
                    if problem.channels > 1 {
                        item["parts"] = .list(entry.window.indices) { c in
                            ["channel": .text(c), "first": .flag(c == 0), "worked": .text(book.inline(channelSum(entry, c)))]
                        }
                        item["total"] = .text(book.inline(total(entry, f) .=≈ .number(entry.value)))
                    } else {
                        item["worked"] = .text(book.inline(step.worked))
                    }
                    rows.append(item)
                }
            }
        }
        return rows
    }

    private mutating func pooling() -> TemplateObject {
        guard let ph = result.poolHeight, let pw = result.poolWidth, let pooled = result.pooled else { return [:] }
        let sizeLine = { (axis: WindowAxis) -> Formula in
            WindowAxis.rule(input: .integer(axis.input), padding: nil, kernel: .integer(axis.kernel), stride: .integer(axis.stride))
                .=≈ .integer(axis.output)
        }
        let ids = trace.steps.map(\.id).filter { $0.hasPrefix("pooled[") }
        return [
            "poolHeightLine": .text(book.inline(sizeLine(ph))),
            "poolWidthLine": .text(book.inline(sizeLine(pw))),
            "poolSquare": .flag(ph == pw),
            "pooledSize": .text("\(ph.output)×\(pw.output)"),
            "pools": .list(ids) { id in
                let step = trace[id]
                return ["name": .text(book.inline(step.name!)), "worked": .text(book.inline(step.worked))]
            },
            "pooledMaps": .list(pooled.indices) { f in
                ["line": .text(book.display(notation.pooledName(f) .= .matrix(pooled[f])))]
            },
        ]
    }

    /// Every map the question asks for: Z, then A (with an activation),
    /// then P (with pooling).
    private mutating func answers() -> [TemplateObject] {
        var lines: [TemplateObject] = []
        for f in result.maps.indices {
            lines.append(["line": .text(book.display(notation.mapName(f) .=≈ .matrix(result.maps[f])))])
            if problem.activation != .none {
                lines.append(["line": .text(book.display(notation.activatedName(f) .=≈ .matrix(result.activated[f])))])
            }
            if let pooled = result.pooled {
                lines.append(["line": .text(book.display(notation.pooledName(f) .=≈ .matrix(pooled[f])))])
            }
        }
        return lines
    }

    // MARK: Figure

    /// The first window of filter 0 over channel 0 of the padded image.
    private func windowFigure() -> Figure? {
        let words = FigureWords(templates: templates, topic: "convolve")
        let context: TemplateObject = [
            "manyChannels": .flag(problem.channels > 1), "manyFilters": .flag(problem.filters > 1),
            "isPadded": .flag(result.padded[0].count != problem.image[0].count || result.padded[0][0].count != problem.image[0][0].count),
        ]
        return ConvolveWindowFigure(
            image: result.padded[0], padTop: result.height.padBefore, padLeft: result.width.padBefore,
            rows: problem.image[0].count, columns: problem.image[0][0].count, windowRow: 0, windowColumn: 0,
            kernel: result.kernels[0][0], map: result.maps[0], entryRow: 0, entryColumn: 0,
            imageLabel: words.word("image", context), kernelLabel: words.word("kernel", context),
            mapLabel: words.word("map", context), caption: words.caption(typed: context)
        ).figure()
    }
}
