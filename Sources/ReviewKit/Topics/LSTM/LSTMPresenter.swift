/// Fills the lstm templates from solved steps: per step each gate (the
/// shared `GatedCellSheet` lines), then the cell and the state with their
/// element-wise products, and a picture of the cell with the step's numbers
/// on its wires. What is LSTM's own: c_0, the peepholes, c_t and tanh(c_t).
///
/// Every formula comes from the trace (`LSTMTrace`) or from the same
/// `PreActivation` the solver summed; the context is typed (`TemplateObject`)
/// and every sentence is in `templates/<lang>/lstm/*.mustache`.
struct LSTMPresenter {
    let solution: LSTMTopic.Solution
    let templates: TemplateLibrary
    private var sheet: GatedCellSheet
    private var figures: [Figure] = []

    init(solution: LSTMTopic.Solution, templates: TemplateLibrary) {
        self.solution = solution
        self.templates = templates
        sheet = GatedCellSheet(trace: solution.trace, units: solution.problem.units)
    }

    private var problem: LSTMTopic.Problem { solution.problem }
    private var trace: Trace { solution.trace }
    private var n: Int { problem.units }
    /// A peephole on the output gate needs c_t first, so o comes after g.
    private var outputLast: Bool { problem.gates[LSTMTopic.Gate.o.index].peephole != nil }

    mutating func presentation() -> Presentation {
        let question = templates.render("lstm/question", questionContext())
        let answer = templates.render("lstm/solution", solutionContext())
        return Presentation(question: question, solution: answer, figures: figures, formulas: sheet.book.formulas)
    }

    private func flags() -> TemplateObject {
        var flags = GatedCellSheet.flags(x: problem.x, gates: problem.gates, units: n)
        flags["peepholes"] = .flag(problem.gates.contains { $0.peephole != nil })
        flags["outputPeephole"] = .flag(outputLast)
        return flags
    }

    private static func gateFlags(_ gate: LSTMTopic.Gate) -> TemplateObject {
        [gate.rawValue: true, "sigmoid": .flag(gate != .g)]
    }

    private mutating func questionContext() -> TemplateObject {
        var context = flags()
        context["inputs"] = sheet.inputs(problem.x)
        context["h0Line"] = sheet.start("h", problem.h0)
        context["c0Line"] = sheet.start("c", problem.c0)
        context["gates"] = .list(LSTMTopic.Gate.allCases) { gate in
            let p = problem.gates[gate.index]
            var object = sheet.givenGate(p, label: gate.label, flags: Self.gateFlags(gate))
            if let peephole = p.peephole {
                object["p"] = .text(sheet.book.inline(CellNotation.weight("p", gate.label) .= .vector(peephole)))
            }
            return object
        }
        return context
    }

    private mutating func solutionContext() -> TemplateObject {
        var context = flags()
        let words = FigureWords(templates: templates, topic: "lstm")
        let gateWords: [LSTMTopic.Gate: String] = [
            .i: words("input"), .f: words("forget"), .o: words("output"), .g: words("candidate"),
        ]
        context["steps"] = .list(solution.steps) { step in
            var object = stepContext(step)
            object["figure"] = .text(FigureMarker.make(figures.count))
            figures.append(LSTMCellFigure(step: step, words: gateWords, caption: words.caption(["t": .text(String(step.t))])).figure())
            return object
        }
        let last = solution.steps.count
        context["hAnswer"] = sheet.answer("h", step: last, solution.steps[last - 1].h)
        context["cAnswer"] = sheet.answer("c", step: last, solution.steps[last - 1].c)
        return context
    }

    private mutating func stepContext(_ step: LSTMSolver.Step) -> TemplateObject {
        let row = step.t - 1
        var object = sheet.stepStart(t: step.t, x: step.x, hPrevious: step.hPrevious)
        object["cLine"] = .text(sheet.book.inline(CellNotation.at("c", step.t - 1) .= .vector(step.cPrevious)))
        let order: [LSTMTopic.Gate] = outputLast ? [.i, .f, .g] : [.i, .f, .o, .g]
        object["gates"] = .objects(order.map { gateContext($0, step) })
        if outputLast { object["outputGate"] = .object(gateContext(.o, step)) }
        let cellEntries = (0..<n).map { k in
            Formula.number(step.value(.f)[k]) * .number(step.cPrevious[k]) + .number(step.value(.i)[k]) * .number(step.value(.g)[k])
        }
        object.add(sheet.split("cell", trace["c[\(row)]"], entries: cellEntries))
        object["tanhLine"] = .text(sheet.book.display(sheet.scalarIfOne(trace["tanh_c[\(row)]"])))
        object.add(sheet.split("state", trace["h[\(row)]"], entries: Formula.entryProducts(step.value(.o), step.tanhC)))
        return object
    }

    private mutating func gateContext(_ gate: LSTMTopic.Gate, _ step: LSTMSolver.Step) -> TemplateObject {
        var object = sheet.gate(
            gate.rawValue, label: gate.label, t: step.t, pre: step.pre[gate.index],
            preValues: step.preValues[gate.index], flags: Self.gateFlags(gate))
        object["peephole"] = .flag(problem.gates[gate.index].peephole != nil)
        return object
    }
}
