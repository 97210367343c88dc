/// Fills the gru templates from solved steps: per step the reset and update
/// gates (the shared `GatedCellSheet` lines), what the reset gate
/// multiplies, the candidate, and h_t with its element-wise products, each
/// under the problem's named conventions; and a picture of the cell with the
/// step's numbers on its wires.
///
/// Formulas come from the trace (`GRUTrace`) or the `PreActivation` the
/// solver summed; the context is typed, the sentences are in
/// `templates/<lang>/gru/*.mustache`.
struct GRUPresenter {
    let solution: GRUTopic.Solution
    let templates: TemplateLibrary
    private var sheet: GatedCellSheet
    private var figures: [Figure] = []

    init(solution: GRUTopic.Solution, templates: TemplateLibrary) {
        self.solution = solution
        self.templates = templates
        sheet = GatedCellSheet(trace: solution.trace, units: solution.problem.units)
    }

    private var problem: GRUTopic.Problem { solution.problem }
    private var trace: Trace { solution.trace }

    mutating func presentation() -> Presentation {
        let question = templates.render("gru/question", questionContext())
        let answer = templates.render("gru/solution", solutionContext())
        return Presentation(question: question, solution: answer, figures: figures, formulas: sheet.book.formulas)
    }

    private func flags() -> TemplateObject {
        var flags = GatedCellSheet.flags(x: problem.x, gates: problem.gates, units: problem.units)
        flags["resetAfter"] = .flag(problem.reset == .after)
        flags["resetBefore"] = .flag(problem.reset == .before)
        flags["zPrevious"] = .flag(problem.zWeights == .previous)
        flags["zCandidate"] = .flag(problem.zWeights == .candidate)
        return flags
    }

    private static func gateFlags(_ gate: GRUTopic.Gate) -> TemplateObject {
        [gate == .hTilde ? "candidate" : gate.rawValue: true, "sigmoid": .flag(gate != .hTilde)]
    }

    private mutating func questionContext() -> TemplateObject {
        var context = flags()
        context["inputs"] = sheet.inputs(problem.x)
        context["h0Line"] = sheet.start("h", problem.h0)
        context["gates"] = .list(GRUTopic.Gate.allCases) { gate in
            sheet.givenGate(problem.gates[gate.index], label: gate.label, flags: Self.gateFlags(gate))
        }
        addRules(to: &context)
        return context
    }

    /// The candidate's and the update's rules with a general t, under the
    /// problem's `reset` and `z_weights`.
    private mutating func addRules(to context: inout TemplateObject) {
        let candidate = solution.steps[0].pre[GRUTopic.Gate.hTilde.index].symbolic.replacingStep(with: "t")
        context["candidateRule"] = .text(sheet.book.inline(
            GRUTrace.Notation.gate(.hTilde, 1).replacingStep(with: "t") .= Activation.tanh.formula(candidate)))
        context["updateRule"] = .text(sheet.book.inline(
            CellNotation.at("h", 1).replacingStep(with: "t") .= GRUTrace.Notation.update(problem.zWeights, 1).replacingStep(with: "t")))
    }

    private mutating func solutionContext() -> TemplateObject {
        var context = flags()
        addRules(to: &context)
        let words = FigureWords(templates: templates, topic: "gru")
        let gateWords: [GRUTopic.Gate: String] = [.r: words("reset"), .z: words("update"), .hTilde: words("candidate")]
        context["steps"] = .list(solution.steps) { step in
            var object = stepContext(step)
            object["figure"] = .text(FigureMarker.make(figures.count))
            figures.append(GRUCellFigure(
                step: step, reset: problem.reset, zWeights: problem.zWeights, words: gateWords,
                caption: words.caption(["t": .text(String(step.t))])).figure())
            return object
        }
        let last = solution.steps.count
        context["hAnswer"] = sheet.answer("h", step: last, solution.steps[last - 1].h)
        return context
    }

    private mutating func stepContext(_ step: GRUSolver.Step) -> TemplateObject {
        let row = step.t - 1
        var object = sheet.stepStart(t: step.t, x: step.x, hPrevious: step.hPrevious)
        object["gates"] = .objects([gateContext(.r, step), gateContext(.z, step)])
        object["resetInputLine"] = .text(sheet.book.display(sheet.scalarIfOne(trace["reset_input[\(row)]"])))
        object["candidateGate"] = .object(gateContext(.hTilde, step))
        let entries = (0..<problem.units).map { GRUTrace.Notation.updateEntry(problem.zWeights, step, $0) }
        object.add(sheet.split("state", trace["h[\(row)]"], entries: entries))
        return object
    }

    private mutating func gateContext(_ gate: GRUTopic.Gate, _ step: GRUSolver.Step) -> TemplateObject {
        sheet.gate(
            gate.rawValue, label: gate.label, t: step.t, pre: step.pre[gate.index],
            preValues: step.preValues[gate.index], flags: Self.gateFlags(gate))
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
