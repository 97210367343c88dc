/// Fills the rnn templates from a solved problem: the forward pass step by
/// step, the total loss, then BPTT backwards from t = T (output gradient,
/// ∂L/∂s_t by both paths, δ_t) and every parameter gradient as a sum of one
/// term per step; the unrolled network is drawn with its values and
/// gradients.
///
/// Every formula comes from the trace (`RNNTrace`) as a tree and goes to
/// the templates as a formula marker in a typed context (`TemplateObject`);
/// every sentence is in `templates/<lang>/rnn/*.mustache`.
struct RNNPresenter {
    let solution: RNNTopic.Solution
    let templates: TemplateLibrary
    private var book = FormulaBook()

    init(solution: RNNTopic.Solution, templates: TemplateLibrary) {
        self.solution = solution
        self.templates = templates
    }

    private var problem: RNNTopic.Problem { solution.problem }
    private var trace: Trace { solution.trace }

    mutating func presentation() -> Presentation {
        let question = templates.render("rnn/question", questionContext())
        var context = solutionContext()
        var figures: [Figure] = []
        if let figure = drawing() {
            context["figure"] = .text(FigureMarker.make(0))
            figures.append(figure)
        }
        return Presentation(
            question: question, solution: templates.render("rnn/solution", context), figures: figures,
            formulas: book.formulas)
    }

    private func drawing() -> Figure? {
        let flags = self.flags()
        func words(_ key: String) -> String {
            templates.render("rnn/figure-words", flags.merging([key: .flag(true)])).trimmingWhitespace()
        }
        return RNNUnrolledFigure(
            solution: solution, forwardWord: words("forward"), backwardWord: words("backward"),
            caption: templates.render("rnn/figure-caption", flags).trimmingWhitespace()
        ).figure()
    }

    // MARK: Shared

    private func flags() -> TemplateObject {
        let p = problem
        return [
            "T": .text(p.steps),
            "oneStep": .flag(p.steps == 1),
            "softmax": .flag(p.output == .softmax),
            "linear": .flag(p.output == .linear),
            "tanh": .flag(p.activation == .tanh),
            "sigmoid": .flag(p.activation == .sigmoid),
            "relu": .flag(p.activation == .relu),
            "hasTargets": .flag(p.targets != nil),
            "hasB": .flag(p.bias.contains { $0 != 0 }),
            "hasC": .flag(p.outputBias.contains { $0 != 0 }),
            "s0Zero": .flag(!p.initialState.contains { $0 != 0 }),
        ]
    }

    // MARK: Question

    private mutating func questionContext() -> TemplateObject {
        let p = problem
        let N = RNNNotation.self
        var context = flags()
        var rules = ["a_1", "s_1", "o_1"].map { trace[$0].formula.replacingStep() }
        if p.output == .softmax { rules.append(.symbol("y", sub: "t", accent: .hat) .= .call("softmax", .symbol("o", sub: "t"))) }
        context["rules"] = .list(rules.map { ["line": .text(book.display($0))] })
        context["inputs"] = .sentence((1...p.steps).map { t in
            ["line": .text(book.inline(N.x(t) .= .vector(p.x[t - 1])))]
        })
        context["weights"] = .list([("U", p.U), ("W", p.W), ("V", p.V)].map { name, m in
            ["line": .text(book.display(.symbol(name) .= .matrix(m)))]
        })
        let biases: [Formula] = ["b" .= .vector(p.bias), "c" .= .vector(p.outputBias), N.s(0) .= .vector(p.initialState)]
        context["biases"] = .sentence(biases.map { ["line": .text(book.inline($0))] })
        context["activationLine"] = .text(book.inline(p.activation.formula("a")))
        if let targets = p.targets {
            context["targets"] = .sentence(targets.indices.map { targetContext($0 + 1, targets[$0]) })
        }
        return context
    }

    private mutating func targetContext(_ t: Int, _ target: RNNTopic.Target) -> TemplateObject {
        let N = RNNNotation.self
        var item: TemplateObject = ["t": .text(t)]
        switch target {
        case .none: item["none"] = .flag(true)
        case .index(let k):
            item["class"] = .text(k)
            item["isClass"] = .flag(true)
        case .vector(let y): item["line"] = .text(book.inline(N.y(t) .= .vector(y)))
        case .scalar(let y): item["line"] = .text(book.inline(N.y(t) .= .number(y)))
        }
        return item
    }

    // MARK: Solution

    private mutating func solutionContext() -> TemplateObject {
        let p = problem
        var context = flags()
        context["forward"] = .list(1...p.steps) { t in forwardStep(t) }
        guard let back = solution.backward else {
            context["answerStates"] = .text(book.display(answerMatrix("S", solution.forward.s)))
            return context
        }
        let loss = trace["L"]
        context["totalLoss"] = .text(book.display(loss.line(from: loss.formula)))
        context["backward"] = .list(Array((1...p.steps).reversed())) { t in backwardStep(t) }
        context["parameters"] = .list(["U", "W", "V"]) { name in parameterContext(name) }
        let db = trace["dL/db"], dc = trace["dL/dc"]
        context["dbLine"] = .text(book.display(db.line(from: db.formula)))
        context["dcLine"] = .text(book.display(dc.line(from: dc.formula)))
        context["answerLoss"] = .text(book.inline("L" .=≈ loss.result))
        context["answerGradients"] = .list([
            book.display(.partial("L", "U") .=≈ .matrix(back.dU)),
            book.display(.partial("L", "W") .=≈ .matrix(back.dW)),
            book.display(.partial("L", "V") .=≈ .matrix(back.dV)),
            book.display(.partial("L", "b") .=≈ .vector(back.db)),
            book.display(.partial("L", "c") .=≈ .vector(back.dc)),
        ].map { ["line": .text($0)] })
        return context
    }

    /// The states as a T×n matrix named `S`: row t is s_t.
    private func answerMatrix(_ name: String, _ rows: [[Double]]) -> Formula {
        .symbol(name) .=≈ .matrix(rows)
    }

    private mutating func forwardStep(_ t: Int) -> TemplateObject {
        let p = problem
        func line(_ id: String) -> TemplateData {
            let step = trace[id]
            return .text(book.display(step.line(from: step.formula)))
        }
        var item: TemplateObject = [
            "t": .text(t), "previous": .text(t - 1), "first": .flag(t == 1),
            "aLine": line("a_\(t)"), "sLine": line("s_\(t)"), "oLine": line("o_\(t)"),
        ]
        if p.output == .softmax {
            let m = trace["m_\(t)"]
            item["mLine"] = .text(book.inline(m.line(from: m.formula)))
            item["sumLine"] = line("S_\(t)")
            item["yHatLine"] = .text(book.display(trace["y_hat_\(t)"].line(from: trace["y_hat_\(t)"].name!)))
        }
        let target = p.targets?[t - 1] ?? RNNTopic.Target.none
        item["noTarget"] = .flag(target == .none)
        if target != .none {
            item["lossLine"] = line("L_\(t)")
            if case .index(let k) = target { item["class"] = .text(k) }
        }
        return item
    }

    private mutating func backwardStep(_ t: Int) -> TemplateObject {
        let p = problem
        func line(_ id: String) -> TemplateData {
            let step = trace[id]
            return .text(book.display(step.line(from: step.formula)))
        }
        let target = p.targets?[t - 1] ?? RNNTopic.Target.none
        return [
            "t": .text(t), "next": .text(t + 1), "last": .flag(t == p.steps), "noTarget": .flag(target == .none),
            "gLine": line("g_\(t)"), "dsLine": line("dL/ds_\(t)"), "deltaLine": line("delta_\(t)"),
        ]
    }

    private mutating func parameterContext(_ name: String) -> TemplateObject {
        let total = trace["dL/d\(name)"]
        let terms: [TemplateData] = (1...problem.steps).map { t in
            let step = trace["d\(name)_\(t)"]
            return ["t": .text(t), "line": .text(book.display(step.line(from: step.formula)))]
        }
        return [
            "name": .text(name), "U": .flag(name == "U"), "W": .flag(name == "W"), "V": .flag(name == "V"),
            "terms": .list(terms), "sumLine": .text(book.display(total.line(from: total.formula))),
        ]
    }
}

extension Formula {
    /// `a_1 = U x_1 + W s_0 + b` as the general rule `a_t = U x_t + W s_{t−1} + b`.
    fileprivate func replacingStep() -> Formula {
        switch self {
        case .symbol(var symbol):
            if case .integer(let n) = symbol.sub { symbol.sub = n == 0 ? .symbol("t") - 1 : .symbol("t") }
            return .symbol(symbol)
        case .apply(let op, let operands): return .apply(op, operands.map { $0.replacingStep() })
        case .relation(let r, let a, let b): return .relation(r, a.replacingStep(), b.replacingStep())
        default: return self
        }
    }
}
