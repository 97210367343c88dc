/// Fills the lstm templates from solved steps: per step each gate's
/// pre-activation in symbols, with the matrices put in and entry by entry,
/// its σ or tanh, then the cell and the state with their element-wise
/// products, and a picture of the cell with the step's numbers on its wires.
///
/// Every formula comes from the trace (`LSTMTrace`) or from the same
/// `PreActivation` the solver summed; the context is typed (`TemplateObject`)
/// and every sentence is in `templates/<lang>/lstm/*.mustache`.
struct LSTMPresenter {
    let solution: LSTMTopic.Solution
    let templates: TemplateLibrary
    private var book = FormulaBook()
    private var figures: [Figure] = []

    init(solution: LSTMTopic.Solution, templates: TemplateLibrary) {
        self.solution = solution
        self.templates = templates
    }

    private var problem: LSTMTopic.Problem { solution.problem }
    private var trace: Trace { solution.trace }
    private var n: Int { problem.units }

    mutating func presentation() -> Presentation {
        let question = templates.render("lstm/question", questionContext())
        let answer = templates.render("lstm/solution", solutionContext())
        return Presentation(question: question, solution: answer, figures: figures, formulas: book.formulas)
    }

    // MARK: Shared

    private func flags() -> TemplateObject {
        let peepholes = problem.gates.contains { $0.peephole != nil }
        return [
            "T": .text(problem.x.count), "n": .text(n), "d": .text(problem.x[0].count),
            "oneStep": .flag(problem.x.count == 1), "oneUnit": .flag(n == 1),
            "peepholes": .flag(peepholes),
            "outputPeephole": .flag(problem.gates[LSTMTopic.Gate.o.index].peephole != nil),
            "stacked": .flag(problem.gates.contains(where: \.stacked)),
        ]
    }

    private static func gateFlags(_ gate: LSTMTopic.Gate) -> TemplateObject {
        [gate.rawValue: true, "sigmoid": .flag(gate != .g)]
    }

    // MARK: Question

    private mutating func questionContext() -> TemplateObject {
        var context = flags()
        context["inputs"] = .list(problem.x.indices) { row in
            ["line": .text(book.inline(CellNotation.at("x", row + 1) .= .vector(problem.x[row]))),
             "last": .flag(row == problem.x.count - 1)]
        }
        context["h0Line"] = .text(book.inline(CellNotation.at("h", 0) .= .vector(problem.h0)))
        context["c0Line"] = .text(book.inline(CellNotation.at("c", 0) .= .vector(problem.c0)))
        var gates: [TemplateObject] = []
        for gate in LSTMTopic.Gate.allCases {
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
            if let peephole = p.peephole {
                object["p"] = .text(book.inline(CellNotation.weight("p", gate.label) .= .vector(peephole)))
            }
            gates.append(object)
        }
        context["gates"] = .objects(gates)
        return context
    }

    // MARK: Solution

    private mutating func solutionContext() -> TemplateObject {
        var context = flags()
        let words = FigureWords(templates: templates, topic: "lstm")
        let gateWords: [LSTMTopic.Gate: String] = [
            .i: words("input"), .f: words("forget"), .o: words("output"), .g: words("candidate"),
        ]
        var steps: [TemplateObject] = []
        for step in solution.steps {
            var object = stepContext(step)
            let caption = words.caption(["t": .text(String(step.t))])
            object["figure"] = .text(FigureMarker.make(figures.count))
            figures.append(LSTMCellFigure(step: step, words: gateWords, caption: caption).figure())
            steps.append(object)
        }
        context["steps"] = .objects(steps)
        let last = solution.steps.count
        context["hAnswer"] = .text(book.inline(CellNotation.at("h", last) .=≈ .vector(solution.steps[last - 1].h)))
        context["cAnswer"] = .text(book.inline(CellNotation.at("c", last) .=≈ .vector(solution.steps[last - 1].c)))
        return context
    }

    private mutating func stepContext(_ step: LSTMSolver.Step) -> TemplateObject {
        let t = step.t, row = t - 1
        var object: TemplateObject = [
            "t": .text(t), "tPrevious": .text(t - 1), "first": .flag(t == 1),
            "xLine": .text(book.inline(CellNotation.at("x", t) .= .vector(step.x))),
            "hLine": .text(book.inline(CellNotation.at("h", t - 1) .= .vector(step.hPrevious))),
            "cLine": .text(book.inline(CellNotation.at("c", t - 1) .= .vector(step.cPrevious))),
        ]
        let outputLast = problem.gates[LSTMTopic.Gate.o.index].peephole != nil
        let order: [LSTMTopic.Gate] = outputLast ? [.i, .f, .g] : [.i, .f, .o, .g]
        object["gates"] = .objects(order.map { gateContext($0, step) })
        if outputLast { object["outputGate"] = .object(gateContext(.o, step)) }
        let c = trace["c[\(row)]"]
        let cellEntries = (0..<n).map { k in
            Formula.number(step.value(.f)[k]) * .number(step.cPrevious[k]) + .number(step.value(.i)[k]) * .number(step.value(.g)[k])
        }
        object.add(split("cell", c, entries: cellEntries))
        let tanhC = trace["tanh_c[\(row)]"]
        object["tanhLine"] = .text(book.display(scalarIfOne(tanhC)))
        object.add(split("state", trace["h[\(row)]"], entries: Formula.entryProducts(step.value(.o), step.tanhC)))
        return object
    }

    /// One gate: its pre-activation (symbols, matrices, entry by entry) and its value.
    private mutating func gateContext(_ gate: LSTMTopic.Gate, _ step: LSTMSolver.Step) -> TemplateObject {
        let row = step.t - 1
        let a = step.pre[gate.index]
        let pre = trace["pre_activations.\(gate.rawValue)[\(row)]"]
        let name = pre.name ?? CellNotation.pre(gate.label, step.t)
        var object = Self.gateFlags(gate)
        if n > 1 {
            // Two lines, so neither runs off the page: the matrices, then each entry's sum.
            object["preLine"] = .text(book.display(name .= a.symbolic .= a.withMatrices))
            object["preExpanded"] = .text(book.display(
                name .= .column((0..<n).map { .sum(a.entryTerms($0)) }) .=≈ .column(step.preValues[gate.index])))
        } else {
            object["preLine"] = .text(book.display(name .= a.symbolic .= .sum(a.entryTerms(0)) .=≈ .number(step.preValues[gate.index][0])))
        }
        let value = trace["\(gate.rawValue)[\(row)]"]
        object["valueLine"] = .text(book.display(scalarIfOne(value)))
        object["peephole"] = .flag(problem.gates[gate.index].peephole != nil)
        return object
    }

    /// `formula = substituted ≈ value`, with the one entry of a one-unit
    /// cell as a plain number rather than a vector of one.
    private func scalarIfOne(_ step: WorkedStep) -> Formula {
        if n == 1, case .vector(let entries) = step.substituted, case .vector(let values) = step.result {
            return step.formula .= entries[0] .=≈ values[0]
        }
        return step.formula .= step.substituted .=≈ step.result
    }

    /// A vector update `name = rule = vectors ⊙ vectors`, then each entry
    /// written out as a column (`<key>Line`, `<key>Expanded`); one line for
    /// a one-unit cell, whose entries are plain numbers.
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
