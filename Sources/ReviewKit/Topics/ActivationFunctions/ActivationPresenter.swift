import Foundation

/// Fills the `activation` templates: the function and its derivative in
/// symbols, then per point f(x) and f'(x) with the numbers (and which
/// branch applies), the kink convention where a point sits on it, and with
/// `depth` the factor (w·f'(x))^n; a plot of f and f', and of the factor
/// against depth.
struct ActivationPresenter {
    let solution: ActivationTopic.Solution
    let templates: TemplateLibrary
    private var book = FormulaBook()

    init(solution: ActivationTopic.Solution, templates: TemplateLibrary) {
        self.solution = solution
        self.templates = templates
    }

    private var problem: ActivationTopic.Problem { solution.problem }
    private var trace: Trace { solution.trace }

    mutating func presentation() -> Presentation {
        var figures: [Figure] = []
        var context = shared()
        context.add(solutionContext())
        context["curve"] = figures.marker(for: curveFigure())
        context["chainPlot"] = figures.marker(for: chainFigure())
        var question = shared()
        question["pointsLine"] = .text(book.inline("x" .= .vector(problem.points)))
        if problem.function.shared.defaultAlpha != nil {
            question["alphaLine"] = .text(book.inline("alpha" .= .number(problem.effectiveAlpha)))
        }
        if let n = problem.depth {
            question["depthLine"] = .text(book.inline("n" .= .integer(n)))
            question["weightLine"] = .text(book.inline("w" .= .number(problem.effectiveWeight)))
        }
        return Presentation(
            question: templates.render("activation/question", question),
            solution: templates.render("activation/solution", context),
            figures: figures, formulas: book.formulas)
    }

    private func shared() -> TemplateObject {
        let f = problem.function
        let onKink = f.shared.hasKink && problem.points.contains(0)
        var flags = TemplateObject()
        for g in ActivationTopic.Function.allCases { flags[g.rawValue] = .flag(g == f) }  // one flag per function
        return flags.merging([
            "kinkMet": .flag(onKink), "kinkLeft": .flag(problem.kink == .left),
            "depth": .flag(problem.depth != nil), "count": .text(problem.points.count),
        ])
    }

    private mutating func solutionContext() -> TemplateObject {
        let f = problem.function
        var context: TemplateObject = [
            "rule": .text(book.display(ActivationNotation.value(problem, -1).rule)),
            "slopeRule": .text(book.display(ActivationNotation.derivative(problem, -1, -1).rule)),
        ]
        if f == .leakyRelu || f == .elu {
            context["positiveRule"] = .text(book.inline(ActivationNotation.value(problem, 1).rule))
            context["positiveSlope"] = .text(book.inline(ActivationNotation.derivative(problem, 1, 1).rule))
            context["alphaLine"] = .text(book.inline("alpha" .= .number(problem.effectiveAlpha)))
        }
        if f == .relu {
            context["positiveRule"] = .text(book.inline(ActivationNotation.derivative(problem, 1, 1).rule))
        }
        context["points"] = .objects(problem.points.indices.map { i in
            let x = problem.points[i]
            return [
                "i": .text(i), "x": .text(book.inline("x" .= .number(x))),
                "value": .text(book.inline(line("f[\(i)]"))), "slope": .text(book.inline(line("df[\(i)]"))),
                "positive": .flag(x > 0), "negative": .flag(x < 0), "zero": .flag(x == 0),
            ]
        })
        if let n = problem.depth, let chain = solution.chain {
            context["n"] = .text(n)
            context["chains"] = .objects(problem.points.indices.map { i in
                let factor = problem.effectiveWeight * solution.derivatives[i]
                return [
                    "line": .text(book.inline(line("chain[\(i)]"))),
                    "vanishes": .flag(abs(factor) < 1), "explodes": .flag(abs(factor) > 1),
                    "underflow": .flag(chain[i] == 0 && factor != 0),
                ]
            })
        }
        context["valuesAnswer"] = .text(book.inline(.symbol("f", sub: "i") .=≈ .vector(solution.values)))
        context["slopesAnswer"] = .text(book.inline(.symbol("f", sub: "i", primes: 1) .=≈ .vector(solution.derivatives)))
        return context
    }

    private func line(_ id: String) -> Formula {
        let step = trace[id]
        if case .integer = step.substituted, let name = step.name { return name .=≈ step.result }
        return step.name.map { $0 .= step.substituted .=≈ step.result } ?? step.worked
    }

    // MARK: Figures

    private func curveFigure() -> Figure? {
        let words = FigureWords(templates: templates, topic: "activation")
        let f = problem.function.shared, alpha = problem.effectiveAlpha
        let lo = min(-4, (problem.points.min() ?? 0) - 1), hi = max(4, (problem.points.max() ?? 0) + 1)
        guard hi - lo <= 40 else { return nil }
        let xs = (0...32).map { lo + Double($0) * (hi - lo) / 32 }
        let values = xs.map { FigureCanvas.Point(x: $0, y: f.value($0, alpha: alpha)) }
        let slopes = xs.map { x in FigureCanvas.Point(x: x, y: f.derivative(at: x, output: f.value(x, alpha: alpha), alpha: alpha, kink: problem.kink)) }
        let palette = LinePlotFigure.palette
        var marks: [(point: FigureCanvas.Point, colour: FigureCanvas.Colour)] = []
        for (i, x) in problem.points.enumerated() {
            marks.append((FigureCanvas.Point(x: x, y: solution.values[i]), palette[0]))
            marks.append((FigureCanvas.Point(x: x, y: solution.derivatives[i]), palette[1]))
        }
        return LinePlotFigure(
            series: [.init(label: "f(x)", colour: palette[0], points: values), .init(label: "f′(x)", colour: palette[1], points: slopes, dashed: true)],
            marks: marks, xLabel: "x", yLabel: "", caption: words.caption(typed: ["curve": .flag(true)])
        ).figure()
    }

    /// log₁₀ |(w·f'(x))^k| for k = 0 … n, one line per point; a factor that
    /// is exactly 0 has no logarithm and is left out.
    private func chainFigure() -> Figure? {
        guard let n = problem.depth, problem.points.count <= LinePlotFigure.palette.count else { return nil }
        let words = FigureWords(templates: templates, topic: "activation")
        var series: [LinePlotFigure.Series] = []
        for (i, x) in problem.points.enumerated() {
            let factor = abs(problem.effectiveWeight * solution.derivatives[i])
            guard factor > 0 else { continue }
            let step = max(1, n / 40)
            let ks = Array(stride(from: 0, through: n, by: step))
            series.append(.init(
                label: "x = " + FigureText.number(x), colour: LinePlotFigure.palette[i],
                points: ks.map { FigureCanvas.Point(x: Double($0), y: Double($0) * log10(factor)) }))
        }
        guard !series.isEmpty else { return nil }
        return LinePlotFigure(
            series: series, xLabel: words("depthAxis"), yLabel: words("logAxis"),
            caption: words.caption(typed: ["chain": .flag(true)])
        ).figure()
    }
}
