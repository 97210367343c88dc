/// Reads a computational graph back as written steps: the symbols and the
/// numbers of every node, shared by the JSON `steps` and the worked sheet.
struct BackpropTrace {
    let graph: ComputationGraph

    init(_ graph: ComputationGraph) {
        self.graph = graph
    }

    var outputName: String { graph.output.name ?? "f" }

    /// How node `i` appears as an operand: its name, or its number.
    func symbol(_ i: Int, style: BackpropNotation.Style) -> String {
        let node = graph.nodes[i]
        if let name = node.name {
            return style == .latex ? MathNotation.name(name) : name
        }
        return number(node.value, style: style)
    }

    /// Node `i`'s value written as an operand.
    func number(_ value: Double, style: BackpropNotation.Style) -> String {
        switch style {
        case .latex:
            return NumberFormat.operand(value)
        case .plain:
            let text = NumberFormat.plain(value)
            return value < 0 ? "(\(text))" : text
        }
    }

    /// Whether operand `i` is Euler's number, so `e^x` reads as such.
    func isEuler(_ i: Int) -> Bool {
        if case .constant(_, let literal) = graph.nodes[i].kind { return literal == "e" }
        return false
    }

    func operandSymbols(_ node: GraphNode, style: BackpropNotation.Style) -> [String] {
        node.inputs.map { symbol($0, style: style) }
    }

    func operandValues(_ node: GraphNode, style: BackpropNotation.Style) -> [String] {
        node.inputs.map { isEuler($0) ? "e" : number(graph.nodes[$0].value, style: style) }
    }

    func formula(_ node: GraphNode, style: BackpropNotation.Style) -> String {
        guard let op = node.operation else { return symbol(node.index, style: style) }
        if op == .power, isEuler(node.inputs[0]) {
            let exponent = symbol(node.inputs[1], style: style)
            return style == .latex ? "e^{\(exponent)}" : "e^\(exponent)"
        }
        return BackpropNotation.formula(op, operandSymbols(node, style: style), style: style)
    }

    func substituted(_ node: GraphNode, style: BackpropNotation.Style) -> String {
        guard let op = node.operation else { return number(node.value, style: style) }
        return BackpropNotation.formula(op, operandValues(node, style: style), style: style)
    }

    /// Primitive nodes, in the order they were computed.
    var operations: [GraphNode] { graph.nodes.filter(\.isOperation) }

    /// JSON steps: each operation's value, then each gradient in the order
    /// the backward pass completed them.
    func steps() -> [Step] {
        var steps: [Step] = []
        for node in operations {
            let name = node.name ?? node.id
            steps.append(
                Step(
                    id: node.id, label: "\(name) = \(formula(node, style: .plain))",
                    formula: "\(name) = \(formula(node, style: .plain))",
                    substituted: "\(name) = \(substituted(node, style: .plain))",
                    value: .number(node.value)))
        }
        for node in backwardOrder {
            guard let gradient = node.gradient else { continue }
            let name = node.name ?? node.id
            let label = "d\(outputName)/d\(name)"
            let symbolic: String
            let numeric: String
            if node.index == graph.output.index {
                symbolic = "1"
                numeric = "1"
            } else {
                symbolic = node.contributions.map { c in
                    "d\(outputName)/d\(graph.nodes[c.from].name ?? "") * d\(graph.nodes[c.from].name ?? "")/d\(name)"
                }.joined(separator: " + ")
                numeric = node.contributions.map { c in
                    "\(number(graph.nodes[c.from].gradient ?? 0, style: .plain)) * \(number(c.localGradient, style: .plain))"
                }.joined(separator: " + ")
            }
            steps.append(
                Step(
                    id: label, label: label, formula: "\(label) = \(symbolic)",
                    substituted: "\(label) = \(numeric)", value: .number(gradient)))
        }
        return steps
    }

    /// Nodes with gradients, output first, in the order their gradients
    /// became final: operations in reverse, then the inputs.
    var backwardOrder: [GraphNode] {
        let reversedOperations = graph.nodes.reversed().filter { $0.isOperation && $0.gradient != nil }
        let inputs = graph.inputNodes.map(\.index).map { graph.nodes[$0] }
        return reversedOperations + inputs
    }
}
