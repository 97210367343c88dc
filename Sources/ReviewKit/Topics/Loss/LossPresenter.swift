import Foundation

/// Fills the `loss` templates: the loss in symbols, each term with its
/// numbers (and, for Huber and the hinge, which branch and why), each
/// gradient entry with its 1/N, the reduction; a plot of the per-term loss
/// with the problem's terms marked on it.
struct LossPresenter {
    let solution: LossTopic.Solution
    let templates: TemplateLibrary
    private var book = FormulaBook()

    init(solution: LossTopic.Solution, templates: TemplateLibrary) {
        self.solution = solution
        self.templates = templates
    }

    private var problem: LossTopic.Problem { solution.problem }
    private var result: LossSolver.Result { solution.result }
    private var trace: Trace { solution.trace }

    mutating func presentation() -> Presentation {
        var context = shared()
        context.add(solutionContext())
        var figures: [Figure] = []
        if let plot = plot() {
            context["plot"] = .text(FigureMarker.make(0))
            figures.append(plot)
        }
        var question = shared()
        let predictions: Formula = problem.isMatrix ? .matrix(problem.predictions) : .vector(problem.predictions[0])
        question["predictionsLine"] = .text(book.inline(.symbol("y", accent: .hat) .= predictions))
        if problem.loss.rowWise {
            question["targetLine"] = .text(book.inline("t" .= Formula.rowTargets(problem.rowTargets)))
        } else {
            question["targetLine"] = .text(book.inline("y" .= (problem.isMatrix ? .matrix(problem.targets) : .vector(problem.targets[0]))))
        }
        question["deltaLine"] = .text(book.inline("delta" .= .number(problem.delta)))
        question["marginLine"] = .text(book.inline("m" .= .number(problem.margin)))
        return Presentation(
            question: templates.render("loss/question", question),
            solution: templates.render("loss/solution", context),
            figures: figures, formulas: book.formulas)
    }

    private func shared() -> TemplateObject {
        var flags = TemplateObject()
        for kind in LossTopic.Kind.allCases { flags[kind.rawValue] = .flag(kind == problem.loss) }  // one flag per loss
        return flags.merging([
            "mean": .flag(problem.reduction == .mean), "matrix": .flag(problem.isMatrix),
            "logits": .flag(problem.fromLogits), "rowWise": .flag(problem.loss.rowWise), "N": .text(result.count),
            "softTargets": .flag(problem.rowTargets.contains { if case .distribution = $0 { true } else { false } }),
        ])
    }

    private mutating func solutionContext() -> TemplateObject {
        var context = TemplateObject()
        if problem.loss.rowWise {
            context["rows"] = .objects(problem.predictions.indices.map { r in
                let key = "[\(r)]"
                var row: TemplateObject = [
                    "r": .text(r), "loss": .text(book.display(line("loss" + key))), "grad": .text(book.display(line("grad" + key))),
                ]
                if case .index(let t) = problem.rowTargets[r] { row["t"] = .text(t) }
                row["scores"] = .text(book.inline(.vector(problem.predictions[r])))
                return row
            })
        } else {
            var items: [TemplateObject] = []
            for (r, values) in problem.predictions.enumerated() {
                for c in values.indices {
                    let key = problem.isMatrix ? "[\(r)][\(c)]" : "[\(c)]"
                    let branch = result.branches[r][c]
                    let residual = values[c] - problem.targets[r][c]
                    var item: TemplateObject = [
                        "i": .text(problem.isMatrix ? "\(r),\(c)" : "\(c)"),
                        "yhat": .text(book.inline(.number(values[c]))), "y": .text(book.inline(.number(problem.targets[r][c]))),
                        "term": .text(book.inline(line("loss" + key))), "grad": .text(book.inline(line("grad" + key))),
                        "quadratic": .flag(branch == .quadratic), "linear": .flag(branch == .linear),
                        "active": .flag(branch == .active), "inactive": .flag(branch == .inactive), "onMargin": .flag(false),
                    ]
                    if problem.loss == .huber {
                        item["why"] = .text(book.inline(.abs(.number(residual)) .=≈ .number(abs(residual))))
                    }
                    if problem.loss == .hinge {
                        let margin = problem.targets[r][c] * values[c]
                        item["why"] = .text(book.inline(.juxtapose(.symbol("y", sub: "i"), .symbol("y", sub: "i", accent: .hat)) .=≈ .number(margin)))
                        item["onMargin"] = .flag(margin == problem.margin)
                    }
                    items.append(item)
                }
            }
            context["elements"] = .objects(items)
        }
        context["reduce"] = .text(book.display(line("loss")))
        context["lossAnswer"] = .text(book.inline("L" .=≈ .number(result.loss)))
        context["gradientAnswer"] = .text(book.display(
            .partial("L", .symbol("y", accent: .hat)) .=≈ (problem.isMatrix ? .matrix(result.gradient) : .vector(result.gradient[0]))))
        return context
    }

    private func line(_ id: String) -> Formula {
        let step = trace[id]
        if case .integer = step.substituted { return step.formula .=≈ step.result }
        return step.formula .= step.substituted .=≈ step.result
    }

    // MARK: Figure

    /// The per-term loss as a function of its argument (the residual, y·ŷ,
    /// p, z or s_j − s_t), with this problem's terms marked.
    private func plot() -> Figure? {
        let words = FigureWords(templates: templates, topic: "loss")
        let palette = LinePlotFigure.palette
        var marks: [(point: FigureCanvas.Point, colour: FigureCanvas.Colour)] = []
        var series: [LinePlotFigure.Series] = []
        func sample(_ lo: Double, _ hi: Double, _ f: (Double) -> Double) -> [FigureCanvas.Point] {
            (0...40).map { k in let x = lo + Double(k) * (hi - lo) / 40; return .init(x: x, y: f(x)) }
        }
        let p = problem
        var axis = "x"
        switch p.loss {
        case .mse, .mae, .huber:
            axis = "r"
            let rs = zip(p.predictions.joined(), p.targets.joined()).map { $0 - $1 }
            let span = max(2, (rs.map(abs).max() ?? 1) + 0.5)
            let f: (Double) -> Double = { r in
                LossSolver.element(p, r, 0).0
            }
            series = [.init(label: "l(r)", colour: palette[0], points: sample(-span, span, f))]
            marks = zip(rs, result.terms.joined()).map { (FigureCanvas.Point(x: $0, y: $1), palette[1]) }
        case .hinge:
            axis = "u"
            let us = zip(p.predictions.joined(), p.targets.joined()).map { $0 * $1 }
            let lo = min(-2, (us.min() ?? 0) - 0.5), hi = max(2, (us.max() ?? 0) + 0.5)
            series = [.init(label: "max(0, m − u)", colour: palette[0], points: sample(lo, hi) { max(0, p.margin - $0) })]
            marks = zip(us, result.terms.joined()).map { (FigureCanvas.Point(x: $0, y: $1), palette[1]) }
        case .bce where p.fromLogits:
            axis = "z"
            let zs = Array(p.predictions.joined())
            let lo = min(-4, (zs.min() ?? 0) - 1), hi = max(4, (zs.max() ?? 0) + 1)
            series = [
                .init(label: "y = 1", colour: palette[0], points: sample(lo, hi) { Activation.softplus.value(-$0) }),
                .init(label: "y = 0", colour: palette[2], points: sample(lo, hi) { Activation.softplus.value($0) }, dashed: true),
            ]
            marks = zip(zs, result.terms.joined()).map { (FigureCanvas.Point(x: $0, y: $1), palette[1]) }
        case .bce:
            axis = "p"
            series = [
                .init(label: "y = 1", colour: palette[0], points: sample(0.02, 0.98) { -log($0) }),
                .init(label: "y = 0", colour: palette[2], points: sample(0.02, 0.98) { -log(1 - $0) }, dashed: true),
            ]
            marks = zip(p.predictions.joined(), result.terms.joined()).map { (FigureCanvas.Point(x: $0, y: $1), palette[1]) }
        case .multiclassHinge:
            axis = "d"
            var ds: [(Double, Double)] = []
            for (r, row) in p.predictions.enumerated() {
                guard case .index(let t) = p.rowTargets[r] else { continue }
                for j in row.indices where j != t { ds.append((row[j] - row[t], max(0, row[j] - row[t] + p.margin))) }
            }
            let lo = min(-3, (ds.map(\.0).min() ?? 0) - 0.5), hi = max(2, (ds.map(\.0).max() ?? 0) + 0.5)
            series = [.init(label: "max(0, d + m)", colour: palette[0], points: sample(lo, hi) { max(0, $0 + p.margin) })]
            marks = ds.map { (FigureCanvas.Point(x: $0.0, y: $0.1), palette[1]) }
        case .crossEntropy:
            axis = "p"
            series = [.init(label: "−ln p", colour: palette[0], points: sample(0.02, 1) { -log($0) })]
            for (r, row) in p.predictions.enumerated() {
                let t = LossDecoding.distribution(p.rowTargets[r], classes: row.count)
                for j in row.indices where t[j] > 0 && row[j] >= 0.02 { marks.append((FigureCanvas.Point(x: row[j], y: -log(row[j])), palette[1])) }
            }
        }
        return LinePlotFigure(
            series: series, marks: marks, xLabel: axis, yLabel: "",
            caption: words.caption(typed: TemplateObject(fields: Dictionary(
                uniqueKeysWithValues: LossTopic.Kind.allCases.map { ($0.rawValue, TemplateData.flag($0 == p.loss)) }))
                .merging(["logits": .flag(p.fromLogits)]))
        ).figure()
    }
}

extension Formula {
    /// Class indices as integers (`t = (0, 2)`), not as computed numbers.
    fileprivate static func rowTargets(_ targets: [LossTopic.RowTarget]) -> Formula {
        let parts: [Formula] = targets.map {
            switch $0 {
            case .index(let k): return .integer(k)
            case .distribution(let y): return .vector(y)
            }
        }
        return parts.count == 1 ? parts[0] : .vector(parts)
    }
}
