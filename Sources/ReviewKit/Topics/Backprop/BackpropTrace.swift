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
        if let name = graph.nodes[i].name { return Self.name(name) }
        return value(i)
    }

    /// Node `i`'s value as an operand. A constant is written exactly as in
    /// the expression, since it was never rounded.
    func value(_ i: Int) -> Formula {
        guard case .constant(let value, let literal) = graph.nodes[i].kind else { return .number(graph.nodes[i].value) }
        return literal == "e" ? "e" : Self.literal(value)
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
        return node.operation!.derivative(i, operands, eulerBase: isEuler(node.inputs[0]))
            ?? .number(node.localGradients[i] ?? 0)
    }

    /// Whether `node` takes one node in two operand places (`x·x`).
    func repeatsAnOperand(_ node: GraphNode) -> Bool { Set(node.inputs).count < node.inputs.count }

    func isEuler(_ i: Int) -> Bool {
        if case .constant(_, let literal) = graph.nodes[i].kind { return literal == "e" }
        return false
    }

    /// Operation `node` applied to its operands as `operand` writes them.
    func rule(_ node: GraphNode, _ operand: (Int) -> Formula) -> Formula {
        node.operation!.formula(node.inputs.map(operand), eulerBase: isEuler(node.inputs[0]))
    }

    /// A number literal of the expression, with all its digits.
    static func literal(_ value: Double) -> Formula { .number(value, digits: literalDigits) }
    static let literalDigits = 17

    /// A variable or node name with its index as a subscript, as the
    /// course writes them: `w0` and `w_0` are `w_{0}`, `z12` is `z_{12}`.
    static func name(_ raw: String) -> Formula {
        if let underscore = raw.firstIndex(of: "_"), underscore != raw.startIndex,
            raw.index(after: underscore) != raw.endIndex
        {
            return .symbol(String(raw[..<underscore]), sub: .symbol(String(raw[raw.index(after: underscore)...])))
        }
        if let digit = raw.firstIndex(where: \.isNumber), digit != raw.startIndex, raw[digit...].allSatisfy(\.isNumber) {
            return .symbol(String(raw[..<digit]), sub: .symbol(String(raw[digit...])))
        }
        return .symbol(raw)
    }

    /// The whole expression, built over the parser's post-order nodes.
    /// Past `maxNodes` it is shown as its source text: nobody reads a
    /// formula of thousands of nodes.
    static func expression(_ parsed: ParsedExpression, eIsConstant: Bool) -> Formula {
        guard parsed.nodes.count <= maxNodes else { return .text(parsed.source) }
        var built: [Formula] = []
        built.reserveCapacity(parsed.nodes.count)
        for node in parsed.nodes {
            switch node.kind {
            case .number(let value, _): built.append(literal(value))
            case .variable(let name): built.append(name == "e" && eIsConstant ? "e" : Self.name(name))
            case .operation(let op, let operands):
                let isEuler = eIsConstant && parsed.nodes[operands[0]].kind == .variable("e")
                built.append(op.formula(operands.map { built[$0] }, eulerBase: isEuler))
            }
        }
        return built.last ?? .text(parsed.source)
    }

    static let maxNodes = 400
}

/// Each primitive's rule and local derivatives as formulas, the same
/// calculus the engine computes (`Primitive+Calculus`, `Activation`)
/// written down; kept in the topic so the engine stays free of notation.
extension Primitive {
    /// The operation on `x`: `x_0 + x_1`, `\frac{a}{b}`, `σ(x)`; a power of
    /// Euler's number is `e^{x}`.
    func formula(_ x: [Formula], eulerBase: Bool = false) -> Formula {
        switch self {
        case .add: return x[0] + x[1]
        case .subtract: return x[0] - x[1]
        case .multiply: return x[0] * x[1]
        case .divide: return .frac(x[0], x[1])
        case .power: return eulerBase ? .exp(x[1]) : .pow(x[0], x[1])
        case .negate: return -x[0]
        case .exp: return .exp(x[0])
        case .log: return .ln(x[0])
        case .sqrt: return .sqrt(x[0])
        case .sigmoid, .tanh, .relu: return activation!.formula(x[0])
        case .abs, .sin, .cos: return .call(rawValue, x[0])
        case .max: return .max(x)
        case .min: return .min(x)
        }
    }

    /// ∂y/∂x_i for operands `x`. With `output` (y's value) an activation's
    /// derivative is written in terms of it, `0.7311 (1 - 0.7311)`, which a
    /// reader can redo by hand. Nil for max and min: their derivative is a
    /// choice (1 for the winning argument, 0 for the other), not a formula.
    func derivative(_ i: Int, _ x: [Formula], output: Formula? = nil, eulerBase: Bool = false) -> Formula? {
        switch self {
        case .add: return 1
        case .subtract: return i == 0 ? 1 : -1
        case .multiply: return x[1 - i]
        case .divide: return i == 0 ? .frac(1, x[1]) : -.frac(x[0], .pow(x[1], 2))
        case .power where i == 0:
            // A literal exponent is folded: `2 x`, `3 x^{2}`, not `2 x^{2 - 1}`.
            guard case .number(let b, NodeFormulas.literalDigits) = x[1] else { return x[1] * .pow(x[0], x[1] - 1) }
            return b == 2 ? x[1] * x[0] : x[1] * .pow(x[0], NodeFormulas.literal(b - 1))
        case .power: return eulerBase ? .exp(x[1]) : .juxtapose(.pow(x[0], x[1]), .ln(x[0]))
        case .negate: return -1
        case .exp: return .exp(x[0])
        case .log: return .frac(1, x[0])
        case .sqrt: return .frac(1, 2 * .sqrt(x[0]))
        case .abs: return .call("sign", x[0])
        case .sigmoid, .tanh, .relu:
            let activation = activation!
            let rule = activation.derivativeFormula(x[0])
            return output.map { rule.replacing(activation.formula(x[0]), with: $0) } ?? rule
        case .sin: return .call("cos", x[0])
        case .cos: return -.call("sin", x[0])
        case .max, .min: return nil
        }
    }

    var activation: Activation? { Activation(rawValue: rawValue) }
}

extension Formula {
    /// This formula with every occurrence of `pattern` replaced.
    fileprivate func replacing(_ pattern: Formula, with replacement: Formula) -> Formula {
        if self == pattern { return replacement }
        switch self {
        case .apply(let op, let operands): return .apply(op, operands.map { $0.replacing(pattern, with: replacement) })
        case .relation(let r, let a, let b):
            return .relation(r, a.replacing(pattern, with: replacement), b.replacing(pattern, with: replacement))
        case .vector(let entries): return .vector(entries.map { $0.replacing(pattern, with: replacement) })
        case .matrix(let rows): return .matrix(rows.map { $0.map { $0.replacing(pattern, with: replacement) } })
        case .number, .integer, .symbol, .text: return self
        }
    }
}
