/// Fills the backprop templates from a solved graph: the graph broken into
/// named nodes, the forward table, the backward pass edge by edge with the
/// chain rule, and the summed gradients.
///
/// The forward steps and the gradients come from the trace
/// (`BackpropTrace`); each edge's local gradient (`∂/∂x (x·z)`, never the
/// output's `∂f/∂x`) and its upstream × local product is built here from
/// the same `NodeFormulas`, and each add, subtract, multiply, max and min
/// node names its gate pattern. Every formula goes to the
/// templates as a formula marker, numbers shown by the writers'
/// `NumberPolicy`; every sentence is in `templates/<lang>/backprop/*`.
struct BackpropPresenter: BookPresenter {
    typealias Solution = BackpropTopic.Solution
    let solution: Solution
    let templates: TemplateLibrary
    var book = FormulaBook()

    private var nodes: NodeFormulas { NodeFormulas(graph: solution.graph) }
    private var graph: ComputationGraph { solution.graph }
    private var output: Formula { nodes.symbol(graph.output.index) }

    mutating func contexts() -> TopicContexts {
        let caption = templates.render("backprop/figure-caption").trimmingWhitespace()
        let figure = ComputationGraphFigure(graph: graph, caption: caption).figure()
        let solution = solutionContext()
        return TopicContexts(question: questionContext(), solution: solution, figure: figure, as: "graph", formulas: book.formulas)
    }

    // MARK: Question

    private mutating func questionContext() -> TemplateObject {
        let eIsConstant = !graph.inputNodes.contains { $0.name == "e" }
        return [
            "function": book.display(output .= solution.parsed.formula(eIsConstant: eIsConstant)),
            "output": book.inline(output),
            "givens": givens(),
            "wrt": templateListData(solution.wrt.map { ["partial": book.inline(nodes.gradient($0))] }),
        ]
    }

    /// `x = 2`, or `x ≈ 0.1235` for a value with more digits than shown.
    private mutating func givens() -> TemplateData {
        templateListData(graph.inputNodes.map { ["assignment": book.inline(nodes.symbol($0.index) .=≈ .number($0.value))] })
    }

    // MARK: Solution

    private mutating func solutionContext() -> TemplateObject {
        let operations = graph.nodes.filter(\.isOperation)
        return [
            "givens": givens(),
            "nodes": .list(operations) { node($0) },
            "hasSharedNode": .flag(operations.contains { $0.contributions.count > 1 }),
            "outputLine": book.inline(output .=≈ .number(graph.output.value)),
            "seed": book.inline(nodes.gradient(graph.output.index) .= 1),
            "output": book.inline(output),
            "usesStep": .flag(operations.contains { $0.operation == .relu }),
            "kinkLeft": .flag(solution.problem.kink == .left),
            "hasShared": .flag(solution.wrt.contains { graph.nodes[$0].contributions.count > 1 }),
            "backward": .objects(operations.reversed().filter { $0.gradient != nil }.map { backwardStep($0) }),
            "gradients": templateListData(solution.wrt.map { index in
                let node = graph.nodes[index]
                return gradient(node).merging(["shared": .flag(node.contributions.count > 1), "uses": .text(node.contributions.count)])
            }),
        ]
    }

    /// Operation `node` as Step 1, the forward table and Step 3 show it: its
    /// step's forms (`StepForms`: `formula` is `z = x·y`, `rule` is `x·y`) and its name.
    private mutating func node(_ node: GraphNode) -> TemplateObject {
        book.forms(of: trace[node.id]).merging([
            "name": book.inline(nodes.symbol(node.index)),
            "isOutput": .flag(node.index == graph.output.index), "reused": .flag(node.contributions.count > 1),
            "uses": .text(node.contributions.count),
        ])
    }

    /// The forms of `∂f/∂x`, the gradient of the output with respect to a
    /// node (the upstream gradient of an operation, the answer for a
    /// variable): the templates show `named`, `∂f/∂x = 1·3 + 1·2 = 5`, for
    /// a node used more than once (a variable, or a subtree the expression
    /// writes twice), which sums what came back along each use, each term
    /// written as upstream × local; else `answer`, `∂f/∂x = 3`.
    private mutating func gradient(_ node: GraphNode) -> TemplateObject {
        book.forms(of: trace[BackpropTrace.gradientID(graph, node)])
    }

    private mutating func backwardStep(_ node: GraphNode) -> TemplateObject {
        let op = node.operation!
        let symbols = node.inputs.map(nodes.symbol), values = node.inputs.map(nodes.value)
        let eulerBase = graph.nodes[node.inputs[0]].isEuler
        var edges: [TemplateObject] = []
        let repeated = nodes.repeatsAnOperand(node)
        for i in node.inputs.indices {
            guard let local = node.localGradients[i] else { continue }
            let symbolic = op.derivative(i, symbols, eulerBase: eulerBase)
            let numeric = op.derivative(i, values, output: .number(node.value), eulerBase: eulerBase)
            // `∂/∂x (x·z) = z = 3`; for `x·x`, one operand's share `x = 2` (`NodeFormulas.local`).
            var localLine = nodes.local(node, operand: i)
            if let symbolic, symbolic != localLine { localLine = localLine .= symbolic }
            // `∂/∂x (x·y) = y = 3`, never `= y = 3 = 3`.
            if let numeric, numeric != symbolic, !numeric.isLeaf { localLine = localLine .= numeric }
            // `∂/∂x (x + y) = 1` and `∂/∂x (3·x) = 3` (a literal) are already their value.
            if !(symbolic == numeric && numeric?.isNumbersOnly == true), localLine != .number(local) {
                localLine = localLine .=≈ .number(local)
            }
            let upstream = node.gradient ?? 0
            edges.append([
                "input": book.inline(symbols[i]),
                "firstOperand": .flag(repeated && i == 0), "secondOperand": .flag(repeated && i == 1),
                "local": book.inline(localLine),
                "chain": book.inline(.number(upstream) * .number(local) .=≈ .number(upstream * local)),
            ])
        }
        var step = self.node(node).merging(gate(node, symbols))
        step["gradient"] = .object(gradient(node))
        step["edges"] = .objects(edges)
        // The relu convention's wording reads the solution's own `kinkLeft`.
        if let convention = node.convention {
            step["conventions"] = [convention.rawValue: true, "function": .text(op.rawValue)]
        }
        return step
    }

    /// The gate pattern a node follows, named on the sheet (CS231n's "add
    /// distributes, max routes, multiply swaps"): add passes the upstream
    /// gradient on, subtract passes it on and negates it for the second
    /// input, multiply gives each input the other one as its local gradient,
    /// max and min route it to the winning input (the first at a tie, as
    /// the engine does).
    ///
    /// Every operation sets `<operation>Gate` (`addGate`, `maxGate`); the
    /// templates word those five.
    private mutating func gate(_ node: GraphNode, _ symbols: [Formula]) -> TemplateObject {
        let op = node.operation!, x = node.inputs.map { graph.nodes[$0].value }
        guard op == .max || op == .min else { return ["\(op.rawValue)Gate": true] }
        let first = op == .max ? x[0] >= x[1] : x[0] <= x[1]
        return ["\(op.rawValue)Gate": true, "tie": .flag(x[0] == x[1]), "winner": book.inline(symbols[first ? 0 : 1])]
    }
}

extension Formula {
    /// A number, an integer or a symbol: nothing left to compute.
    fileprivate var isLeaf: Bool {
        if case .symbol = self { return true }
        return isNumbersOnly
    }
}
