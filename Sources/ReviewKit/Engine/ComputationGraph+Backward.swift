/// The backward pass: reverse-mode accumulation over the forward order.
///
/// Every parent has a larger index than its operands, so walking the array
/// backwards visits a node only after all of its uses have added their share;
/// `+=` then gives the multivariable chain rule for variables used many times.
extension ComputationGraph {
    mutating func backward() throws(GraphError) {
        guard let last = nodes.indices.last, nodes[last].dependsOnVariable else { return }
        nodes[last].gradient = 1
        for index in nodes.indices.reversed() {
            guard let gradient = nodes[index].gradient, case .operation(let op) = nodes[index].kind else {
                continue
            }
            let node = nodes[index]
            let arguments = node.inputs.map { nodes[$0].value }
            let rule = op.rule
            var usedLocalGradient = false
            for (operand, input) in node.inputs.enumerated() where nodes[input].dependsOnVariable {
                if let problem = op.gradientDomainError(operand, arguments) {
                    throw GraphError(nodeIndex: index, column: node.column, message: problem)
                }
                let local = rule.derivative(operand, arguments, node.value)
                let share = gradient * local
                guard local.isFinite, share.isFinite else {
                    throw GraphError(nodeIndex: index, column: node.column, message: "gradient is not finite")
                }
                usedLocalGradient = true
                nodes[index].localGradients[operand] = local
                let total = (nodes[input].gradient ?? 0) + share
                guard total.isFinite else {
                    throw GraphError(nodeIndex: input, column: nodes[input].column, message: "gradient is not finite")
                }
                nodes[input].gradient = total
                nodes[input].contributions.append(
                    Contribution(from: index, operandIndex: operand, localGradient: local, value: share))
            }
            if usedLocalGradient {
                nodes[index].convention = op.convention(inputs: arguments)
            }
        }
    }
}
