extension ParsedExpression {
    /// One value per node, built in the parser's post order (operands before
    /// the operation): `make` gets each node's kind and, for an operation,
    /// the values already built for its operands (none for a leaf). The root's
    /// value is last. Writing an expression as a formula (`nodeFormulas`) and
    /// backprop's structural repetition key are both this one loop.
    func builtUp<T>(_ make: (ExpressionNode.Kind, _ operands: [T]) -> T) -> [T] {
        var built: [T] = []
        built.reserveCapacity(nodes.count)
        for node in nodes {
            if case .operation(_, let operands) = node.kind {
                built.append(make(node.kind, operands.map { built[$0] }))
            } else {
                built.append(make(node.kind, []))
            }
        }
        return built
    }
}
