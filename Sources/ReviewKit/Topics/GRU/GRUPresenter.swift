/// Fills the gru templates from solved steps: per step the reset and update
/// gates (pre-activation in symbols, with the matrices, entry by entry; then
/// σ), what the reset gate multiplies, the candidate, and h_t with its
/// element-wise products, each under the problem's named conventions; and a
/// picture of the cell with the step's numbers on its wires.
///
/// Formulas come from the trace (`GRUTrace`) or the `PreActivation` the
/// solver summed; the context is typed, the sentences are in
/// `templates/<lang>/gru/*.mustache`.
struct GRUPresenter {
    let solution: GRUTopic.Solution
    let templates: TemplateLibrary
    private var book = FormulaBook()
    private var figures: [Figure] = []

    init(solution: GRUTopic.Solution, templates: TemplateLibrary) {
        self.solution = solution
        self.templates = templates
    }

    private var problem: GRUTopic.Problem { solution.problem }
    private var trace: Trace { solution.trace }
    private var n: Int { problem.units }

    mutating func presentation() -> Presentation {
        let question = templates.render("gru/question", questionContext())
        let answer = templates.render("gru/solution", solutionContext())
        return Presentation(question: question, solution: answer, figures: figures, formulas: book.formulas)
    }

    private func flags() -> TemplateObject {
        [
            "T": .text(problem.x.count), "n": .text(n), "d": .text(problem.x[0].count),
            "oneStep": .flag(problem.x.count == 1), "oneUnit": .flag(n == 1),
            "stacked": .flag(problem.gates.contains(where: \.stacked)),
            "resetAfter": .flag(problem.reset == .after), "resetBefore": .flag(problem.reset == .before),
            "zPrevious": .flag(problem.zWeights == .previous), "zCandidate": .flag(problem.zWeights == .candidate),
        ]
    }

    private static func gateFlags(_ gate: GRUTopic.Gate) -> TemplateObject {
        [gate == .hTilde ? "candidate" : gate.rawValue: true, "sigmoid": .flag(gate != .hTilde)]
    }

    // MARK: Question

    private mutating func questionContext() -> TemplateObject {
        var context = flags()
        context["inputs"] = .list(problem.x.indices) { row in
            ["line": .text(book.inline(CellNotation.at("x", row + 1) .= .vector(problem.x[row]))),
             "last": .flag(row == problem.x.count - 1)]
        }
        context["h0Line"] = .text(book.inline(CellNotation.at("h", 0) .= .vector(problem.h0)))
        context["gates"] = .list(GRUTopic.Gate.allCases) { gate in
            let p = problem.gates[gate.index]
            var object = Self.gateFlags(gate)
            if p.stacked {
                object["W"] = .text(book.inline(.symbol("W", sup: CellNotation.gateLabel(gate.label)) .= .matrix(p.w)))
                object["stackedGate"] = true
            } else {
                object["W"] = .text(book.inline(CellNotation.weight("W", gate.label) .= .matrix(p.wh)))
                object["U"] = .text(book.inline(CellNotation.weight("U", gate.label) .= .matrix(p.ux)))
            }
            object["b"] = .text(book.inline(CellNotation.weight("b", gate.label) .= .vector(p.b)))
            return object
        }
        context["candidateRule"] = .text(book.inline(
            GRUTrace.Notation.gate(.hTilde, 1).replacingStep(with: "t") .= Activation.tanh.formula(symbolicCandidate())))
        context["updateRule"] = .text(book.inline(
            CellNotation.at("h", 1).replacingStep(with: "t") .= GRUTrace.Notation.update(problem.zWeights, 1).replacingStep(with: "t")))
        return context
    }

    /// The candidate's pre-activation in symbols with a general t.
    private func symbolicCandidate() -> Formula {
        let step = solution.steps[0]
        return step.pre[GRUTopic.Gate.hTilde.index].symbolic.replacingStep(with: "t")
    }

    // MARK: Solution

    private mutating func solutionContext() -> TemplateObject {
        var context = flags()
        context["candidateRule"] = .text(book.inline(
            GRUTrace.Notation.gate(.hTilde, 1).replacingStep(with: "t") .= Activation.tanh.formula(symbolicCandidate())))
        context["updateRule"] = .text(book.inline(
            CellNotation.at("h", 1).replacingStep(with: "t") .= GRUTrace.Notation.update(problem.zWeights, 1).replacingStep(with: "t")))
        let words = FigureWords(templates: templates, topic: "gru")
        let gateWords: [GRUTopic.Gate: String] = [.r: words("reset"), .z: words("update"), .hTilde: words("candidate")]
        var steps: [TemplateObject] = []
        for step in solution.steps {
            var object = stepContext(step)
            object["figure"] = .text(FigureMarker.make(figures.count))
            figures.append(GRUCellFigure(
                step: step, reset: problem.reset, zWeights: problem.zWeights, words: gateWords,
                caption: words.caption(["t": .text(String(step.t))])).figure())
            steps.append(object)
        }
        context["steps"] = .objects(steps)
        let last = solution.steps.count
        context["hAnswer"] = .text(book.inline(CellNotation.at("h", last) .=≈ .vector(solution.steps[last - 1].h)))
        return context
    }

    private mutating func stepContext(_ step: GRUSolver.Step) -> TemplateObject {
        let t = step.t, row = t - 1
        var object: TemplateObject = [
            "t": .text(t), "tPrevious": .text(t - 1), "first": .flag(t == 1),
            "xLine": .text(book.inline(CellNotation.at("x", t) .= .vector(step.x))),
            "hLine": .text(book.inline(CellNotation.at("h", t - 1) .= .vector(step.hPrevious))),
        ]
        object["gates"] = .objects([gateContext(.r, step), gateContext(.z, step)])
        let input = trace["reset_input[\(row)]"]
        object["resetInputLine"] = .text(book.display(scalarIfOne(input)))
        object["candidateGate"] = .object(gateContext(.hTilde, step))
        let entries = (0..<n).map { GRUTrace.Notation.updateEntry(problem.zWeights, step, $0) }
        object.add(split("state", trace["h[\(row)]"], entries: entries))
        return object
    }

    private mutating func gateContext(_ gate: GRUTopic.Gate, _ step: GRUSolver.Step) -> TemplateObject {
        let row = step.t - 1
        let a = step.pre[gate.index]
        let name = CellNotation.pre(gate.label, step.t)
        var object = Self.gateFlags(gate)
        if n > 1 {
            object["preLine"] = .text(book.display(name .= a.symbolic .= a.withMatrices))
            object["preExpanded"] = .text(book.display(
                name .= .column((0..<n).map { .sum(a.entryTerms($0)) }) .=≈ .column(step.preValues[gate.index])))
        } else {
            object["preLine"] = .text(book.display(name .= a.symbolic .= .sum(a.entryTerms(0)) .=≈ .number(step.preValues[gate.index][0])))
        }
        object["valueLine"] = .text(book.display(scalarIfOne(trace["\(gate.rawValue)[\(row)]"])))
        return object
    }

    private func scalarIfOne(_ step: WorkedStep) -> Formula {
        if n == 1, case .vector(let entries) = step.substituted, case .vector(let values) = step.result {
            return step.formula .= entries[0] .=≈ values[0]
        }
        return step.formula .= step.substituted .=≈ step.result
    }

    private mutating func split(_ key: String, _ step: WorkedStep, entries: [Formula]) -> TemplateObject {
        let name = step.name ?? step.formula
        guard case .vector(let values) = step.result else { preconditionFailure("\(step.id) is not a vector step") }
        guard entries.count > 1 else {
            return ["\(key)Line": .text(book.display(step.formula .= entries[0] .=≈ values[0]))]
        }
        return [
            "\(key)Line": .text(book.display(step.formula .= step.substituted)),
            "\(key)Expanded": .text(book.display(name .= .column(entries) .=≈ .column(values))),
        ]
    }
}

extension Formula {
    /// The same formula with every integer step subscript (`h_0`, `x_1`)
    /// written in terms of a general `t` (`h_{t-1}`, `x_t`): how a rule is
    /// stated before the numbers, taking step 1's symbols.
    func replacingStep(with t: String) -> Formula {
        switch self {
        case .symbol(var symbol):
            if case .integer(let k) = symbol.sub {
                symbol.sub = k == 1 ? .symbol(t) : k == 0 ? .symbol(t) - 1 : symbol.sub
            }
            return .symbol(symbol)
        case .apply(let op, let operands): return .apply(op, operands.map { $0.replacingStep(with: t) })
        case .relation(let r, let a, let b): return .relation(r, a.replacingStep(with: t), b.replacingStep(with: t))
        case .vector(let entries): return .vector(entries.map { $0.replacingStep(with: t) })
        case .matrix(let rows): return .matrix(rows.map { $0.map { $0.replacingStep(with: t) } })
        case .number, .integer, .text: return self
        }
    }
}
