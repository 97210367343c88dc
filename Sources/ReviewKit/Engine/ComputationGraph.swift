import Foundation

/// The trace of evaluating and differentiating one expression.
///
/// Nodes are stored in the order they are computed (children before parents,
/// left operand before right), each variable once. Building, the forward pass
/// and the backward pass are all loops over that array, so a 10^5-node chain
/// is as safe as a 5-node one. The graph is plain data: renderers and topic
/// solvers read it and decide how to present it.
public struct ComputationGraph: Sendable {
    /// The parsed expression this graph was built from.
    public let expression: ParsedExpression
    /// Every node in forward (computation) order; the output is last.
    public internal(set) var nodes: [GraphNode] = []
    /// The output's name: the source's `name =` prefix, else "f" (or "out" if "f" is a variable).
    public internal(set) var outputName: String = "f"

    /// Evaluates `expression` at `values` and back-propagates from its output.
    ///
    /// `e` is Euler's number unless `values` has an entry for "e". Entries for
    /// names not in the expression are ignored (checking them is the caller's job).
    public init(_ expression: ParsedExpression, values: [String: Double]) throws(GraphError) {
        try self.init(expression, values: values, kink: .left)
    }

    /// The same, with relu's slope at exactly 0 chosen by `kink` (the
    /// problem's `kink` field): `.left` gives relu'(0) = 0 as PyTorch does,
    /// `.right` gives 1 as the course notes' table does. Only relu has a
    /// kink among the engine's primitives (abs'(0) stays 0).
    init(_ expression: ParsedExpression, values: [String: Double], kink: Activation.Kink) throws(GraphError) {
        self.expression = expression
        try buildForward(values: values)
        try backward(kink: kink)
        assignNames()
    }

    /// Parses `source` then builds the graph; throws `ExpressionError` or `GraphError`.
    public init(parsing source: String, values: [String: Double]) throws {
        try self.init(ExpressionParser.parse(source), values: values)
    }

    public var outputIndex: Int { nodes.count - 1 }
    public var output: GraphNode { nodes[outputIndex] }
    /// The value of the whole expression.
    public var value: Double { output.value }

    /// The variable nodes, in order of first appearance in the source.
    public var inputNodes: [GraphNode] {
        nodes.filter { if case .input = $0.kind { true } else { false } }
    }

    /// ∂output/∂variable for each variable, in order of first appearance.
    public var inputGradients: [(name: String, gradient: Double)] {
        inputNodes.compactMap { node in
            guard case .input(let name) = node.kind else { return nil }
            return (name, node.gradient ?? 0)
        }
    }

    /// The node for variable `name`, if the expression uses it.
    public func inputNode(named name: String) -> GraphNode? {
        nodes.first { $0.kind == .input(name) }
    }

    /// ∂output/∂`name`, or nil if `name` is not a variable of the expression.
    public func gradient(of name: String) -> Double? {
        inputNode(named: name).map { $0.gradient ?? 0 }
    }

    /// Euler's number, used for `e` when `values` does not define it.
    public static let euler = 2.718281828459045

    /// The forward pass: one loop over the parsed post-order nodes.
    mutating func buildForward(values: [String: Double]) throws(GraphError) {
        let parsed = expression.nodes
        var graphIndex = [Int](repeating: -1, count: parsed.count)
        var variableNodes: [String: Int] = [:]
        // Operations already built, by structure: a subtree written twice is one node used twice.
        var operationNodes: [SubtreeKey: Int] = [:]
        nodes.reserveCapacity(parsed.count)
        for (position, parsedNode) in parsed.enumerated() {
            let column = parsedNode.column
            switch parsedNode.kind {
            case .number(let value, let literal):
                graphIndex[position] = append(.constant(value, literal: literal), [], value, column, false)
            case .variable(let name):
                if let existing = variableNodes[name] {
                    graphIndex[position] = existing
                } else if name == "e", values["e"] == nil {
                    graphIndex[position] = append(.constant(Self.euler, literal: "e"), [], Self.euler, column, false)
                } else {
                    guard let value = values[name] else {
                        throw GraphError(
                            nodeIndex: nodes.count, column: column, message: "no value given for variable '\(name)'")
                    }
                    guard value.isFinite else {
                        throw GraphError(
                            nodeIndex: nodes.count, column: column, message: "value of variable '\(name)' is not finite")
                    }
                    variableNodes[name] = nodes.count
                    graphIndex[position] = append(.input(name), [], value, column, true)
                }
            case .operation(.negate, let operands)
            where operands[0] == position - 1 && isNumber(parsed[operands[0]]):
                // `-3` is shown as the constant -3, not as an extra step z = -3.
                let constant = graphIndex[operands[0]]
                guard case .constant(let value, let literal) = nodes[constant].kind else { break }
                nodes[constant] = GraphNode(
                    index: constant, kind: .constant(-value, literal: "-" + literal), inputs: [], column: column,
                    dependsOnVariable: false, value: -value, localGradients: [], id: "")
                graphIndex[position] = constant
            case .operation(let op, let operands):
                let inputs = operands.map { graphIndex[$0] }
                let key = SubtreeKey(operation: op, operands: inputs.map(operandKey))
                if let existing = operationNodes[key] {
                    graphIndex[position] = existing
                    continue
                }
                let arguments = inputs.map { nodes[$0].value }
                let index = nodes.count
                if let problem = op.domainError(arguments) {
                    throw GraphError(nodeIndex: index, column: column, message: problem)
                }
                let value = op.forward(arguments)
                guard value.isFinite else {
                    let message = value.isNaN ? "value is not a real number" : "value overflowed to infinity"
                    throw GraphError(nodeIndex: index, column: column, message: message)
                }
                let depends = inputs.contains { nodes[$0].dependsOnVariable }
                graphIndex[position] = append(.operation(op), inputs, value, column, depends)
                operationNodes[key] = index
            }
        }
    }

    /// An operation's structure: the primitive and what fills each operand.
    /// Two subtrees with the same key compute the same thing, so the graph
    /// keeps one node and uses it twice (a DAG, as the course draws
    /// σ(z)·(1 − σ(z))); the backward pass then sums the gradients arriving
    /// at it, as it already does for a variable used twice. Equality is of
    /// the parsed structure, operand order included: `x*y` and `(x * y)` are
    /// one node, `y*x` another.
    private struct SubtreeKey: Hashable {
        var operation: Primitive
        var operands: [Operand]
    }

    /// An operand by structure: a constant by its value (each use keeps its
    /// own box in the figure, so `1 - σ` still shows its 1), anything else
    /// by its node, which is already shared.
    private enum Operand: Hashable {
        case node(Int)
        case constant(UInt64, euler: Bool)
    }

    private func operandKey(_ index: Int) -> Operand {
        guard case .constant(let value, _) = nodes[index].kind else { return .node(index) }
        return .constant((value == 0 ? 0 : value).bitPattern, euler: nodes[index].isEuler)
    }

    private func isNumber(_ node: ExpressionNode) -> Bool {
        if case .number = node.kind { return true }
        return false
    }

    private mutating func append(
        _ kind: GraphNode.Kind, _ inputs: [Int], _ value: Double, _ column: Int, _ depends: Bool
    ) -> Int {
        let index = nodes.count
        nodes.append(
            GraphNode(
                index: index, kind: kind, inputs: inputs, column: column, dependsOnVariable: depends,
                value: value, localGradients: [Double?](repeating: nil, count: inputs.count), id: ""))
        return index
    }
}
