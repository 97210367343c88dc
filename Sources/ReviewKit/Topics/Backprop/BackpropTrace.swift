/// Records a solved computational graph as worked steps, each once: every
/// operation's forward value in the order computed, then every gradient in
/// the order the backward pass completed it (the output's `df/df` first,
/// the inputs last).
///
/// JSON `steps` and the sheet's forward table and Step 4 are written from
/// this trace. Step ids are the node ids (`z1`, `f`) and `d<output>/d<node>`.
///
/// Three gradients are kept apart in the notation: the output's gradient
/// with respect to a node, `∂f/∂z` (the upstream gradient while the backward
/// pass is at z, and the total once every use has sent back its share), and
/// a node's local gradient with respect to one input, written from the
/// node's rule, `∂/∂x (x·z)` (`NodeFormulas.local`). So the notes' f = x·(x+y)
/// reads ∂f/∂x = ∂f/∂f · ∂/∂x (x·z) + ∂f/∂z · ∂/∂x (x + y), never with one
/// ∂f/∂x standing for both the local 3 and the total 5.
enum BackpropTrace {
    static func record(_ graph: ComputationGraph) -> Trace {
        let nodes = NodeFormulas(graph: graph)
        let writer = PlainFormulaWriter()
        var trace = Trace()
        for node in graph.nodes where node.isOperation {
            let formula = nodes.symbol(node.index) .= nodes.rule(node, nodes.symbol)
            trace.record(
                node.id, label: writer.write(formula), formula, name: nodes.symbol(node.index), nodes.rule(node, nodes.value),
                .scalar(node.value))
        }
        for node in backwardOrder(graph) {
            guard let gradient = node.gradient else { continue }
            // ∂f/∂x = Σ over the uses u of x: upstream ∂f/∂u × local ∂/∂x (u's rule); ∂f/∂f = 1
            let isOutput = node.index == graph.output.index
            let symbolic: Formula = isOutput ? 1 : .sum(node.contributions.map {
                nodes.gradient($0.from) * nodes.local(graph.nodes[$0.from], operand: $0.operandIndex)
            })
            let substituted: Formula = isOutput ? 1 : .sum(node.contributions.map {
                .number(graph.nodes[$0.from].gradient ?? 0) * .number($0.localGradient)
            })
            let head = nodes.gradient(node.index)
            trace.record(gradientID(graph, node), head .= symbolic, name: head, substituted, .scalar(gradient))
        }
        return trace
    }

    /// `df/dx`: the JSON id of a node's gradient, with the names as written
    /// in the expression.
    static func gradientID(_ graph: ComputationGraph, _ node: GraphNode) -> String {
        "d\(graph.output.name ?? "f")/d\(node.name ?? node.id)"
    }

    /// Nodes with gradients, output first, in the order their gradients
    /// became final: operations in reverse, then the inputs.
    private static func backwardOrder(_ graph: ComputationGraph) -> [GraphNode] {
        graph.nodes.reversed().filter { $0.isOperation && $0.gradient != nil } + graph.inputNodes
    }
}

/// A graph's nodes as formulas: a node by its name (a constant by its
/// literal), and an operation's rule filled either with its operands'
/// names or with their values, so the symbolic and the numeric line are
/// one formula.
struct NodeFormulas {
    let graph: ComputationGraph

    /// `x`, `w_0`, `z_3`; a constant as its literal, Euler's number as `e`.
    func symbol(_ i: Int) -> Formula {
        if let name = graph.nodes[i].name { return .variable(name) }
        return value(i)
    }

    /// Node `i`'s value as an operand. A constant is written exactly as in
    /// the expression, since it was never rounded.
    func value(_ i: Int) -> Formula {
        guard case .constant(let value, _) = graph.nodes[i].kind else { return .number(graph.nodes[i].value) }
        return graph.nodes[i].isEuler ? "e" : .literal(value)
    }

    /// `∂f/∂node`, f being the output: the gradient of the output, never a
    /// local one.
    func gradient(_ i: Int) -> Formula { .partial(symbol(graph.output.index), symbol(i)) }

    /// Operation `node`'s local gradient with respect to operand `i`, in
    /// symbols: the derivative of its own rule, `∂/∂x (x·z)`. When the same
    /// node fills two operands (`x·x`) that operator would mean the whole
    /// derivative 2x, not one operand's share, so the share's formula is
    /// written instead (`x`; for max and min, whose share is a choice, its value).
    func local(_ node: GraphNode, operand i: Int) -> Formula {
        let operands = node.inputs.map(symbol)
        guard node.inputs.filter({ $0 == node.inputs[i] }).count > 1 else {
            return .partialOf(rule(node, symbol), operands[i])
        }
        return node.operation!.derivative(i, operands, eulerBase: graph.nodes[node.inputs[0]].isEuler)
            ?? .number(node.localGradients[i] ?? 0)
    }

    /// Whether `node` takes one node in two operand places (`x·x`).
    func repeatsAnOperand(_ node: GraphNode) -> Bool { Set(node.inputs).count < node.inputs.count }

    /// Operation `node` applied to its operands as `operand` writes them.
    func rule(_ node: GraphNode, _ operand: (Int) -> Formula) -> Formula {
        node.operation!.formula(node.inputs.map(operand), eulerBase: graph.nodes[node.inputs[0]].isEuler)
    }
}
