/// Fills the attention templates from a solved problem: the scores (each
/// dot product written out, with the scale), the masked softmax row by row
/// (max over the allowed keys, shifted exponentials, sum, weights), the
/// output as a weighted sum of value rows, and a heat map of the weights.
///
/// Every formula comes from the trace (`AttentionTrace`) and goes to the
/// templates as a formula marker in a typed context (`TemplateObject`);
/// every sentence is in `templates/<lang>/attention/*.mustache`.
struct AttentionPresenter {
    let solution: AttentionTopic.Solution
    let templates: TemplateLibrary
    private var book = FormulaBook()

    init(solution: AttentionTopic.Solution, templates: TemplateLibrary) {
        self.solution = solution
        self.templates = templates
    }

    private var problem: AttentionTopic.Problem { solution.problem }
    private var trace: Trace { solution.trace }
    private var soft: Bool { problem.form == .soft }

    mutating func presentation() -> Presentation {
        let question = templates.render("attention/question", questionContext())
        var context = solutionContext()
        var figures: [Figure] = []
        if let figure = heatMap() {
            context["figure"] = .text(FigureMarker.make(0))
            figures.append(figure)
        }
        return Presentation(
            question: question, solution: templates.render("attention/solution", context), figures: figures,
            formulas: book.formulas)
    }

    private func heatMap() -> Figure? {
        let p = problem
        let flags = self.flags()
        func words(_ key: String) -> String {
            templates.render("attention/figure-words", flags.merging([key: .flag(true)])).trimmingWhitespace()
        }
        let rows = soft ? ["s"] : p.Q.indices.map { "q" + AttentionHeatMapFigure.sub($0) }
        let columns = (0..<p.keys).map { (soft ? "h" : "k") + AttentionHeatMapFigure.sub($0) }
        return AttentionHeatMapFigure(
            weights: solution.result.weights,
            allowed: (0..<p.queries).map { i in (0..<p.keys).map { p.allowed(i, $0) } },
            rowLabels: rows, columnLabels: columns, maskedWord: words("masked"),
            caption: templates.render("attention/figure-caption", flags).trimmingWhitespace()
        ).figure()
    }

    // MARK: Shared

    private func flags() -> TemplateObject {
        let p = problem
        var flags: TemplateObject = [
            "soft": .flag(soft), "queries": .flag(!soft),
            "n": .text(p.queries), "m": .text(p.keys), "oneQuery": .flag(p.queries == 1),
            "hasMask": .flag(p.mask != nil),
            "dot": .flag(soft && p.score == .dot), "general": .flag(soft && p.score == .general),
            "additive": .flag(soft && p.score == .additive),
        ]
        if !soft {
            switch p.scale {
            case .standard: flags["standardScale"] = .flag(true)
            case .none: flags["noScale"] = .flag(true)
            case .value: flags["customScale"] = .flag(true)
            }
            flags["dk"] = .text(p.Q[0].count)
        }
        return flags
    }

    // MARK: Question

    private mutating func questionContext() -> TemplateObject {
        let p = problem
        var context = flags()
        var given: [Formula] = []
        if soft {
            given.append("s" .= .vector(p.decoderState))
            given.append("H" .= .matrix(p.encoderStates))
            if let w = p.W { given.append("W" .= .matrix(w)) }
            if let w1 = p.W1 { given.append(.symbol("W", sub: 1) .= .matrix(w1)) }
            if let w2 = p.W2 { given.append(.symbol("W", sub: 2) .= .matrix(w2)) }
            if let v = p.v { given.append("v" .= .vector(v)) }
        } else {
            given = [("Q", p.Q), ("K", p.K), ("V", p.V)].map { .symbol($0.0) .= .matrix($0.1) }
            if case .value(let c) = p.scale { context["scaleLine"] = .text(book.inline("c" .= .number(c))) }
        }
        context["given"] = .list(given.map { ["line": .text(book.display($0))] })
        if let mask = p.mask {
            let entries = mask.map { $0.map { Formula.integer($0 ? 1 : 0) } }
            context["maskLine"] = .text(book.display(.symbol("M") .= (p.vectorMask ? .vector(entries[0]) : .matrix(entries))))
            context["vectorMask"] = .flag(p.vectorMask)
        }
        return context
    }

    // MARK: Solution

    private mutating func solutionContext() -> TemplateObject {
        let p = problem
        var context = flags()
        if !soft, p.scale == .standard {
            let dk = p.Q[0].count
            context["scaleValue"] = .text(book.inline(
                .frac(1, .sqrt(.symbol("d", sub: "k"))) .= .frac(1, .sqrt(.integer(dk))) .=≈ .number(p.factor)))
        }
        if soft, p.score == .additive {
            let w2s = trace["W2s"]
            context["w2sLine"] = .text(book.display(w2s.line(from: w2s.formula)))
            context["hidden"] = .list(p.encoderStates.indices.map { j -> TemplateData in
                let u = trace["u[\(j)]"], t = trace["tanh_u[\(j)]"]
                return [
                    "j": .text(j), "uLine": .text(book.display(u.line(from: u.formula))),
                    "tanhLine": .text(book.display(t.line(from: t.formula))),
                ]
            })
        }
        context["rows"] = .list((0..<p.queries).map { rowContext($0) })
        let r = solution.result
        if soft {
            context["answer"] = .list([
                book.display("e" .=≈ .vector(r.scores[0])), book.display(.symbol("alpha") .=≈ .vector(r.weights[0])),
                book.display("c" .=≈ .vector(r.output[0])),
            ].map { ["line": .text($0)] })
        } else {
            context["answer"] = .list([
                book.display("S" .=≈ .matrix(r.scores)), book.display("A" .=≈ .matrix(r.weights)),
                book.display(.juxtapose("A", "V") .=≈ .matrix(r.output)),
            ].map { ["line": .text($0)] })
        }
        return context
    }

    private mutating func rowContext(_ i: Int) -> TemplateData {
        let p = problem
        let suffix = soft ? "" : "[\(i)]"
        let scores = trace[soft ? "scores" : "scores[\(i)]"], exps = trace["exp" + suffix], weights = trace["weights" + suffix]
        func entryName(_ base: String, _ j: Int) -> Formula {
            soft ? .symbol(base == "S" ? "e" : "alpha", sub: .integer(j)) : .symbol(base, sub: .juxtapose(.integer(i), .integer(j)))
        }
        let m = trace["m" + suffix], z = trace["Z" + suffix]
        let mSymbol: Formula = soft ? "m" : .symbol("m", sub: .integer(i))
        let keys: [TemplateData] = (0..<p.keys).map { j in
            let allowed = p.allowed(i, j)
            let (expSubstituted, expValue) = exps.entry(j)
            let (weightSubstituted, weightValue) = weights.entry(j)
            var item: TemplateObject = [
                "j": .text(j), "masked": .flag(!allowed),
                "score": .text(book.inline(entryName("S", j) .=≈ scores.entry(j).value)),
                "weight": .text(book.inline(
                    allowed ? entryName("A", j) .= weightSubstituted .=≈ weightValue : entryName("A", j) .= 0)),
            ]
            if allowed {
                item["exp"] = .text(book.inline(.exp(entryName("S", j) - mSymbol) .= expSubstituted .=≈ expValue))
            }
            return .object(item)
        }
        let output = trace[soft ? "context" : "output[\(i)]"]
        // One key left by the mask: its max and its sum need no working.
        let single = (0..<p.keys).filter { p.allowed(i, $0) }.count == 1
        var item: TemplateObject = [
            "i": .text(i), "first": .flag(i == 0), "keys": .list(keys),
            "scoresLine": .text(book.display(scores.line(from: scores.formula))),
            "mLine": .text(book.inline(single ? (m.name ?? mSymbol) .=≈ m.result : m.line(from: m.formula))),
            "zLine": .text(book.inline(single ? (z.name ?? "Z") .=≈ z.result : z.line(from: z.formula))),
            "single": .flag(single),
            "outputLine": .text(book.display(output.line(from: output.formula))),
            "masking": .flag((0..<p.keys).contains { !p.allowed(i, $0) }),
        ]
        item["weightsLine"] = .text(book.inline((weights.name ?? "A") .=≈ weights.result))
        return .object(item)
    }
}
