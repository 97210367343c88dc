/// The backward pass: reverse-mode accumulation over the forward order.
///
/// Every parent has a larger index than its operands, so walking the array
/// backwards visits a node only after all of its uses have added their share;
/// `+=` then gives the multivariable chain rule for variables used many times.
extension ComputationGraph {
    /// `kink` sets relu's slope at exactly 0 (`Primitive.rule(kink:)`).
    mutating func backward(kink: Activation.Kink) throws(GraphError) {
        guard let last = nodes.indices.last, nodes[last].dependsOnVariable else { return }
        nodes[last].gradient = 1
        for index in nodes.indices.reversed() {
            guard let gradient = nodes[index].gradient, case .operation(let op) = nodes[index].kind else {
                continue
            }
            // Read fields one by one: copying the whole node would retain all its arrays.
            let inputs = nodes[index].inputs
            let column = nodes[index].column
            let output = nodes[index].value
            let arguments = inputs.map { nodes[$0].value }
            let rule = op.rule(kink: kink)
            var usedLocalGradient = false
            for (operand, input) in inputs.enumerated() where nodes[input].dependsOnVariable {
                if let problem = op.gradientDomainError(operand, arguments) {
                    throw GraphError(nodeIndex: index, column: column, message: problem)
                }
                let local = rule.derivative(operand, arguments, output)
                let share = gradient * local
                guard local.isFinite, share.isFinite else {
                    throw GraphError(nodeIndex: index, column: column, message: "gradient is not finite")
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
