/// Fills the `mlp` templates from a solved problem: the network, then per
/// example the forward pass layer by layer and the loss, the backward pass
/// in BP1–BP4 form (each equation in symbols, with the matrices, and the
/// result), the gradients, the step and the loss after it; the network
/// drawn with z, a and δ.
///
/// Every formula comes from the trace (`MLPTrace`); every sentence is in
/// `templates/<lang>/mlp/*.mustache`. The context is typed (`TemplateData`).
struct MLPPresenter {
    let solution: MLPTopic.Solution
    let templates: TemplateLibrary
    private var book = FormulaBook()

    init(solution: MLPTopic.Solution, templates: TemplateLibrary) {
        self.solution = solution
        self.templates = templates
    }

    private var problem: MLPTopic.Problem { solution.problem }
    private var result: MLPSolver.Result { solution.result }
    private var trace: Trace { solution.trace }
    private var depth: Int { problem.layers.count }

    mutating func presentation() -> Presentation {
        var figures: [Figure] = []
        var context = solutionContext()
        if let figure = drawing() {
            context["figure"] = .text(FigureMarker.make(0))
            figures.append(figure)
        }
        let question = templates.render("mlp/question", questionContext())
        let solution = templates.render("mlp/solution", context)
        return Presentation(question: question, solution: solution, figures: figures, formulas: book.formulas)
    }

    private func drawing() -> Figure? {
        let words = FigureWords(templates: templates, topic: "mlp")
        let e = result.examples[0]
        var columns = [NetworkFigure.Column(title: words("input"), z: nil, a: e.a[0], delta: nil, biases: nil)]
        for (l, layer) in problem.layers.enumerated() {
            let title = l == depth - 1 ? words("output") : words("hidden") + " \(l + 1)"
            columns.append(.init(title: title, z: e.z[l], a: e.a[l + 1], delta: e.delta[l], biases: layer.biases))
        }
        return NetworkFigure(
            columns: columns, weights: problem.layers.map(\.weights),
            caption: words.caption(typed: ["batch": .flag(problem.isBatch)])
        ).figure()
    }

    // MARK: Shared

    private func shared() -> TemplateObject {
        let last = problem.layers.last!.activation
        let relu = problem.layers.contains { $0.activation == .relu }
        return [
            "single": .flag(!problem.isBatch), "batch": .flag(problem.isBatch),
            "m": .text(problem.input.count), "L": .text(depth),
            "mse": .flag(problem.loss == .mse), "crossEntropy": .flag(problem.loss == .crossEntropy),
            "softmax": .flag(last == .softmax), "sigmoidCE": .flag(last == .sigmoid && problem.loss == .crossEntropy),
            "step": .flag(problem.learningRate != nil), "frozen": .flag(problem.learningRate != nil && !problem.updateBiases),
            "relu": .flag(relu), "kinkLeft": .flag(problem.kink == .left),
        ]
    }

    // MARK: Question

    private mutating func questionContext() -> TemplateObject {
        var context = shared()
        let x: Formula = problem.isBatch ? .matrix(problem.input) : .vector(problem.input[0])
        context["inputLine"] = .text(book.inline((problem.isBatch ? "X" : .symbol("a", sup: 0)) .= x))
        context["layers"] = .list(problem.layers.indices) { l in
            let layer = problem.layers[l], n = MLPNames.layer(l)
            return [
                "n": .text(n), "last": .flag(l == depth - 1), "neurons": .text(layer.weights.count), "plural": .flag(layer.weights.count != 1),
                "weights": .text(book.display(MLPNames.sym("W", n) .= .matrix(layer.weights))),
                "biases": .text(book.inline(MLPNames.sym("b", n) .= .vector(layer.biases))),
                "f": .text(book.inline(MLPNames.apply(layer.activation, "z"))),
            ]
        }
        let outputs = problem.layers.last!.weights.count
        let t = problem.targets.map { $0.vector(outputs: outputs) }
        context["targetLine"] = .text(book.inline("t" .= (problem.isBatch ? .matrix(t) : .vector(t[0]))))
        if let eta = problem.learningRate { context["etaLine"] = .text(book.inline("eta" .= .number(eta))) }
        return context
    }

    // MARK: Solution

    private mutating func solutionContext() -> TemplateObject {
        var context = shared()
        context["examples"] = .objects(result.examples.indices.map { exampleContext($0) })
        if problem.isBatch { context["meanLoss"] = .text(book.display(line("C"))) }
        context["gradients"] = .objects(problem.layers.indices.reversed().map { l in
            let n = MLPNames.layer(l)
            var item: TemplateObject = [
                "n": .text(n), "db": .text(book.display(line("grad_b\(n)"))), "dw": .text(book.display(line("grad_W\(n)"))),
            ]
            if problem.isBatch {
                item["perExample"] = .objects(result.examples.indices.map { x in
                    ["line": .text(book.display(line("x\(x).grad_W\(n)")))]
                })
            }
            return item
        })
        if problem.learningRate != nil, let step = result.step {
            context["updates"] = .objects(problem.layers.indices.map { l in
                let n = MLPNames.layer(l)
                var update: TemplateObject = ["n": .text(n), "w": .text(book.display(line("new_W\(n)")))]
                if problem.updateBiases { update["b"] = .text(book.display(line("new_b\(n)"))) }
                return update
            })
            context["after"] = .objects(step.examples.indices.map { n in
                let names = MLPNames(example: problem.isBatch ? n : nil, after: true)
                return [
                    "n": .text(n),
                    "lines": .objects(problem.layers.indices.flatMap { l -> [TemplateObject] in
                        let k = MLPNames.layer(l)
                        return [["line": .text(book.inline(line(names.id("z\(k)"))))], ["line": .text(book.inline(line(names.id("a\(k)"))))]]
                    }),
                    "loss": .text(book.inline(line(names.id("C")))),
                ]
            })
            if problem.isBatch { context["afterMean"] = .text(book.display(line("after.C"))) }
            context["lossAnswer"] = .text(book.inline("C" .=≈ .number(result.loss)))
            context["newLossAnswer"] = .text(book.inline(.symbol("C", sub: .text("new")) .=≈ .number(step.loss)))
        } else {
            context["lossAnswer"] = .text(book.inline("C" .=≈ .number(result.loss)))
        }
        context["outputAnswer"] = .text(book.inline(
            .symbol("a", sup: .integer(depth)) .=≈ (problem.isBatch
                ? .matrix(result.examples.map { $0.a.last! }) : .vector(result.examples[0].a.last!))))
        return context
    }

    private mutating func exampleContext(_ n: Int) -> TemplateObject {
        let names = MLPNames(example: problem.isBatch ? n : nil, after: false)
        let e = result.examples[n]
        var context: TemplateObject = [
            "n": .text(n), "first": .flag(n == 0),
            "x": .text(book.inline(.symbol("a", sup: 0) .= .vector(e.a[0]))),
        ]
        context["forward"] = .objects(problem.layers.indices.map { l in
            let k = MLPNames.layer(l)
            return [
                "n": .text(k), "z": .text(book.display(line(names.id("z\(k)")))),
                "a": .text(book.display(line(names.id("a\(k)")))),
            ]
        })
        context["loss"] = .text(book.display(line(names.id("C"))))
        context["backward"] = .objects(problem.layers.indices.reversed().map { l in
            let k = MLPNames.layer(l)
            var item: TemplateObject = [
                "n": .text(k), "next": .text(k + 1), "output": .flag(l == depth - 1),
                "delta": .text(book.display(line(names.id("delta\(k)")))),
            ]
            let slopeID = names.id("fprime\(k)")
            if trace.steps.contains(where: { $0.id == slopeID }) { item["slope"] = .text(book.display(line(slopeID))) }
            return item
        })
        return context
    }

    /// A step's whole line: its rule, the numbers put in, the result (a
    /// column where the numbers are matrices, so W a reads as a product).
    private func line(_ id: String) -> Formula {
        let step = trace[id]
        var value = step.result
        if case .vector(let v) = step.value, step.substituted.hasMatrix { value = MLPNames.column(v) }
        // ∂C/∂b = δ: the numbers are δ's own, written once.
        if step.substituted.isNumbersOnly { return step.formula .=≈ value }
        return step.formula .= step.substituted .=≈ value
    }
}

extension Formula {
    /// Whether a matrix appears at the top of the formula's operands.
    fileprivate var hasMatrix: Bool {
        switch self {
        case .matrix: return true
        case .apply(_, let operands): return operands.contains { $0.hasMatrix }
        default: return false
        }
    }
}
