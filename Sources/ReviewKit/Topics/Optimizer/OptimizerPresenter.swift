/// Fills the optimizer templates from a solved run: the rule in symbols,
/// the objective's derivative once, then per step f, each gradient, the
/// penalties, the state updates (Adam's bias-correction factors as
/// numbers) and the new params; a table of every step, the contour plot
/// with the path (two params with an objective) and the comparison with
/// plain SGD.
///
/// Every formula comes from the trace (`OptimizerTrace`) as a tree; the
/// context is typed (`TemplateObject`); every sentence is in
/// `templates/<lang>/optimizer/*.mustache`.
struct OptimizerPresenter {
    let solution: OptimizerTopic.Solution
    let templates: TemplateLibrary
    private var book = FormulaBook()

    init(solution: OptimizerTopic.Solution, templates: TemplateLibrary) {
        self.solution = solution
        self.templates = templates
    }

    private var problem: OptimizerTopic.Problem { solution.problem }
    private var trace: Trace { solution.trace }
    private var symbols: OptimizerTrace.Symbols { OptimizerTrace.Symbols(names: problem.names) }
    private var n: Int { problem.params.count }

    mutating func presentation() -> Presentation {
        var figures: [Figure] = []
        var context = solutionContext()
        context["figure"] = figures.marker(for: contour())
        let question = templates.render("optimizer/question", questionContext())
        let solution = templates.render("optimizer/solution", context)
        return Presentation(question: question, solution: solution, figures: figures, formulas: book.formulas)
    }

    // MARK: Shared

    /// θ as a number (one param) or a vector `(x, y)` of numbers.
    private func point(_ values: [Double]) -> Formula {
        values.count == 1 ? .number(values[0]) : .vector(values)
    }

    /// `θ` or `(x, y)`: the params in symbols.
    private var thetaSymbol: Formula {
        n == 1 ? symbols.theta(0) : .vector((0..<n).map(symbols.theta))
    }

    private mutating func shared() -> TemplateObject {
        let h = problem.hyper
        var object: TemplateObject = [
            "objective": .flag(problem.objective != nil),
            "given": .flag(problem.gradients != nil),
            "penalised": .flag(h.penalised),
            "decay": .flag(h.weightDecay != 0),
            "l1": .flag(h.l1 != 0),
            "single": .flag(n == 1),
            "steps": .text(problem.stepCount),
            "oneStep": .flag(problem.stepCount == 1),
            "startLine": .text(book.inline(.relation(.equals, thetaSymbol, point(problem.params.map(\.value))))),
        ]
        // One flag per rule (the rule-name partial names them all).
        for rule in OptimizerRule.allCases { object[rule.rawValue] = .flag(rule == problem.rule) }
        var hypers: [Formula] = ["eta" .= .number(h.learningRate)]
        for hyper in problem.rule.hypers {
            let symbol: Formula
            switch hyper {
            case .momentum: symbol = OptimizerTrace.Symbols.mu
            case .rho: symbol = OptimizerTrace.Symbols.rho
            case .beta1: symbol = OptimizerTrace.Symbols.beta1
            case .beta2: symbol = OptimizerTrace.Symbols.beta2
            case .eps: symbol = OptimizerTrace.Symbols.eps
            }
            hypers.append(symbol .= .number(problem.value(hyper)))
        }
        if h.weightDecay != 0 { hypers.append(OptimizerTrace.Symbols.lambda .= .number(h.weightDecay)) }
        if h.l1 != 0 { hypers.append(OptimizerTrace.Symbols.lambda1 .= .number(h.l1)) }
        object["hypers"] = .text(hypers.map { book.inline($0) }.joined(separator: ", "))
        if let objective = problem.objective, let parsed = try? ExpressionParser.parse(objective) {
            let expression = parsed.formula(eIsConstant: !problem.names.contains("e"))
            object["objectiveLine"] = .text(book.inline(fCall .= expression))
        }
        return object
    }

    // MARK: Question

    private mutating func questionContext() -> TemplateObject {
        var context = shared()
        if let gradients = problem.gradients {
            context["gradientRows"] = .list(gradients.enumerated(), { k, g in
                ["t": .text(k + 1), "g": .text(book.inline(point(g)))]
            })
            context["gHeader"] = .text(book.inline(n == 1 ? symbols.g(0) : .vector((0..<n).map(symbols.g))))
        }
        return context
    }

    // MARK: Solution

    private mutating func solutionContext() -> TemplateObject {
        var context = shared()
        let first = "steps[0]."
        var rule: [String] = []
        let key = problem.names[0]
        if problem.hyper.penalised { rule.append(book.display(trace[first + "total_gradient.\(key)"].formula)) }
        for id in stateIDs(param: key) + (problem.rule == .adam ? ["m_hat.\(key)", "v_hat.\(key)"] : []) {
            rule.append(book.display(trace[first + id].formula))
        }
        rule.append(book.display(trace[first + "params.\(key)"].formula))
        context["ruleLines"] = .list(rule.map { .text($0) })
        if problem.objective != nil {
            context["derivatives"] = .list(problem.names, { name in
                ["line": .text(book.display(trace[first + "gradient.\(name)"].formula))]
            })
            context["symbolic"] = .flag(solution.derivatives.allSatisfy { $0 != nil })
        }
        context["stepList"] = .objects(solution.run.steps.indices.map { stepContext($0) })
        context["table"] = .objects(solution.run.steps.map { tableRow($0) })
        context["tableTheta"] = .text(book.inline(thetaSymbol))
        context["tableG"] = .text(book.inline(n == 1 ? gSymbol(0) : .vector((0..<n).map(gSymbol))))
        context["finalLine"] = .text(book.inline(thetaSymbol .=≈ point(solution.run.final)))
        if let f = solution.run.finalValue { context["finalValue"] = .text(book.inline("f" .=≈ .number(f))) }
        if let sgd = solution.sgd {
            context["comparison"] = .flag(true)
            context["sgdLine"] = .text(book.inline(thetaSymbol .=≈ point(sgd.final)))
            if let f = sgd.finalValue { context["sgdValue"] = .text(book.inline("f" .=≈ .number(f))) }
            let firstMove = solution.run.steps[0].delta, sgdMove = sgd.steps[0].delta
            context["moveLine"] = .text(book.inline(point(firstMove)))
            context["sgdMoveLine"] = .text(book.inline(point(sgdMove)))
        }
        return context
    }

    /// `v_x ← 0.9 · 0 + 2 = 2`: an update written as an assignment.
    private func assign(_ step: WorkedStep) -> Formula {
        .relation(.result, .relation(.assigns, step.name!, step.substituted), step.result)
    }

    /// `f(x, y)`
    private var fCall: Formula { .apply(.call("f"), (0..<n).map(symbols.theta)) }

    private func gSymbol(_ i: Int) -> Formula { problem.hyper.penalised ? symbols.total(i) : symbols.g(i) }

    private func stateIDs(param key: String) -> [String] {
        switch problem.rule {
        case .sgd: return []
        case .momentum, .nesterov: return ["velocity.\(key)"]
        case .adagrad: return ["sum_sq.\(key)"]
        case .rmsprop: return ["square_avg.\(key)"]
        case .adam: return ["m.\(key)", "v.\(key)"]
        }
    }

    private mutating func stepContext(_ k: Int) -> TemplateObject {
        let step = solution.run.steps[k]
        let p = "steps[\(k)]."
        var object: TemplateObject = [
            "t": .text(step.t),
            "previous": .text(step.t - 1),
            "beforeLine": .text(book.inline(thetaSymbol .= point(step.before))),
        ]
        if step.value != nil {
            let value = trace[p + "value"]
            object["valueLine"] = .text(book.inline(value.line(from: fCall)))
        }
        if problem.rule == .adam {
            object["biasLines"] = .list([trace[p + "bias1"], trace[p + "bias2"]].map { .text(book.inline($0.line(from: $0.name!))) })
        }
        object["params"] = .objects(problem.names.indices.map { i in
            let key = problem.names[i]
            var param: TemplateObject = ["name": .text(book.inline(symbols.theta(i)))]
            if problem.objective != nil {
                let g = trace[p + "gradient.\(key)"]
                param["gradientLine"] = .text(book.inline(g.line(from: g.name!)))
            } else {
                param["gradientLine"] = .text(book.inline(symbols.g(i) .= .number(step.gradient[i])))
            }
            if problem.hyper.penalised {
                let total = trace[p + "total_gradient.\(key)"]
                param["totalLine"] = .text(book.inline(total.line(from: total.name!)))
            }
            var lines = stateIDs(param: key).map { id in
                let s = trace[p + id]
                return book.inline(assign(s)) as String
            }
            if problem.rule == .adam {
                for id in ["m_hat.\(key)", "v_hat.\(key)"] {
                    let s = trace[p + id]
                    lines.append(book.inline(s.line(from: s.name!)))
                }
            }
            param["stateLines"] = .list(lines.map { .text($0) })
            let update = trace[p + "params.\(key)"]
            param["paramLine"] = .text(book.inline(assign(update)))
            return param
        })
        return object
    }

    private mutating func tableRow(_ step: OptimizerSolver.Step) -> TemplateObject {
        var row: TemplateObject = [
            "t": .text(step.t),
            "before": .text(book.inline(point(step.before))),
            "g": .text(book.inline(point(step.total))),
            "after": .text(book.inline(point(step.after))),
        ]
        if let f = step.value { row["f"] = .text(book.inline(.number(f))) }
        return row
    }

    // MARK: Figure

    private func contour() -> Figure? {
        guard let parsed = solution.parsed, n == 2 else { return nil }
        let path = [problem.params.map(\.value)] + solution.run.steps.map(\.after)
        guard let grid = OptimizerLandscape.grid(parsed, names: problem.names, path: path) else { return nil }
        let words = FigureWords(templates: templates, topic: "optimizer")
        return ContourPathFigure(
            values: grid.values, xRange: grid.x, yRange: grid.y, path: path.map { ($0[0], $0[1]) },
            xName: problem.names[0], yName: problem.names[1],
            caption: words.caption(["steps": .text(problem.stepCount)] as TemplateObject)
        ).figure()
    }
}
