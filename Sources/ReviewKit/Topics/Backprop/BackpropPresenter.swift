/// Fills the backprop templates from a solved graph: the graph broken into
/// named nodes, the forward table, the backward pass edge by edge with the
/// chain rule, and the summed gradients.
struct BackpropPresenter {
    let solution: BackpropTopic.Solution
    let templates: TemplateLibrary
    private let trace: BackpropTrace

    init(solution: BackpropTopic.Solution, templates: TemplateLibrary) {
        self.solution = solution
        self.templates = templates
        self.trace = BackpropTrace(solution.graph)
    }

    private var graph: ComputationGraph { solution.graph }
    private var output: String { MathNotation.name(trace.outputName) }

    func presentation() -> Presentation {
        let caption = templates.render("backprop/figure-caption", [String: Any]()).trimmingWhitespace()
        let figure = ComputationGraphDrawing(graph: graph, caption: caption).figure()
        var context = solutionContext()
        if figure != nil { context["graph"] = FigureMarker.make(0) }
        return Presentation(
            question: templates.render("backprop/question", questionContext()),
            solution: templates.render("backprop/solution", context),
            figures: figure.map { [$0] } ?? [])
    }

    // MARK: Question

    private func questionContext() -> [String: Any] {
        [
            "function": "\(output) = \(ExpressionLaTeX.render(solution.parsed, eIsConstant: !graph.inputNodes.map(\.index).contains { graph.nodes[$0].name == "e" }))",
            "output": output,
            "givens": givens(),
            "wrt": templateList(solution.wrt.map { ["partial": partial(of: $0)] }),
        ]
    }

    private func givens() -> [[String: Any]] {
        templateList(
            graph.inputNodes.map(\.index).map { index in
                let node = graph.nodes[index]
                return ["assignment": "\(MathNotation.name(node.name ?? "")) = \(NumberFormat.latex(node.value))"]
            })
    }

    private func partial(of index: Int) -> String {
        MathNotation.partial(output, trace.symbol(index, style: .latex))
    }

    // MARK: Solution

    private func solutionContext() -> [String: Any] {
        let out = graph.output
        let shared = solution.wrt.contains { graph.nodes[$0].contributions.count > 1 }
        return [
            "output": output,
            "outputResult": NumberFormat.result(out.value),
            "givens": givens(),
            "nodes": trace.operations.map { ["definition": definition($0), "isOutput": $0.index == out.index] },
            "forward": trace.operations.map { node in
                [
                    "name": trace.symbol(node.index, style: .latex),
                    "formula": trace.formula(node, style: .latex),
                    "substituted": trace.substituted(node, style: .latex),
                    "value": NumberFormat.latex(node.value),
                ]
            },
            "seed": "\(MathNotation.partial(output, output)) = 1",
            "backward": trace.operations.reversed().filter { $0.gradient != nil }.map(backwardStep),
            "hasShared": shared,
            "gradients": templateList(solution.wrt.map(gradientLine)),
        ]
    }

    private func definition(_ node: GraphNode) -> String {
        "\(trace.symbol(node.index, style: .latex)) = \(trace.formula(node, style: .latex))"
    }

    /// `\frac{∂f}{∂z} = 1.5 + 2 = 3.5`: a node's gradient as the sum of what
    /// came back along each of its uses.
    private func gradientEquation(_ node: GraphNode) -> String {
        let head = partial(of: node.index)
        let gradient = node.gradient ?? 0
        if node.index == graph.output.index { return "\(head) = 1" }
        if node.contributions.count > 1 {
            let terms = node.contributions.map { NumberFormat.latex($0.value) }.joined(separator: " + ")
                .replacingOccurrences(of: "+ -", with: "- ")
            return "\(head) = \(terms) \(NumberFormat.result(gradient))"
        }
        return "\(head) \(NumberFormat.result(gradient))"
    }

    private func backwardStep(_ node: GraphNode) -> [String: Any] {
        let name = trace.symbol(node.index, style: .latex)
        let symbols = trace.operandSymbols(node, style: .latex)
        let numbers = trace.operandValues(node, style: .latex)
        let op = node.operation!
        var edges: [[String: Any]] = []
        for (i, input) in node.inputs.enumerated() {
            guard let local = node.localGradients[i] else { continue }
            let isE = op == .power && trace.isEuler(node.inputs[0])
            let symbolic = BackpropNotation.localDerivative(op, symbols, operand: i, baseIsE: isE)
            let substituted = BackpropNotation.localDerivative(op, numbers, operand: i, baseIsE: isE)
            var localLine = "\(MathNotation.partial(name, symbols[i])) = \(symbolic)"
            if substituted != symbolic { localLine += " = \(substituted)" }
            if NumberFormat.latex(local) != substituted { localLine += " \(NumberFormat.result(local))" }
            let upstream = node.gradient ?? 0
            let contribution = upstream * local
            let chain = "\(MathNotation.partial(output, name)) \\cdot \(MathNotation.partial(name, symbols[i]))"
                + " = \(NumberFormat.operand(upstream)) \\cdot \(NumberFormat.operand(local))"
                + " \(NumberFormat.result(contribution))"
            edges.append(["input": trace.symbol(input, style: .latex), "local": localLine, "chain": chain])
        }
        var step: [String: Any] = [
            "definition": definition(node),
            "upstream": gradientEquation(node),
            "edges": edges,
        ]
        if let convention = node.convention {
            step["conventions"] = [convention.rawValue: true, "function": op.rawValue]
        }
        return step
    }

    private func gradientLine(_ index: Int) -> [String: Any] {
        let node = graph.nodes[index]
        return [
            "equation": gradientEquation(node),
            "answer": "\(partial(of: index)) \(NumberFormat.result(node.gradient ?? 0))",
            "shared": node.contributions.count > 1,
            "uses": node.contributions.count,
        ]
    }
}
