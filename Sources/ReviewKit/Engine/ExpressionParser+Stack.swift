/// The stack machinery of `ParserState`: pushing with the depth limit,
/// reducing pending operators into nodes, and closing parentheses.
///
/// Kept apart from the token handling so each file reads as one idea.
extension ParserState {
    /// Pushes an operator; `nesting` ones count towards `maximumDepth`.
    mutating func push(_ entry: Pending, nesting: Bool, column: Int) throws(ExpressionError) {
        if nesting {
            depth += 1
            if depth > ExpressionParser.maximumDepth {
                throw ExpressionError(
                    column: column,
                    message: "expression nested too deeply (more than \(ExpressionParser.maximumDepth) levels)")
            }
        }
        pending.append(entry)
    }

    /// Appends a node after checking the size limit; its index becomes an operand.
    mutating func emit(_ kind: ExpressionNode.Kind, column: Int) throws(ExpressionError) {
        guard nodes.count < ExpressionParser.maximumNodeCount else {
            throw ExpressionError(
                column: column,
                message: "expression is too large (more than \(ExpressionParser.maximumNodeCount) nodes)")
        }
        operands.append(nodes.count)
        nodes.append(ExpressionNode(kind: kind, column: column))
    }

    /// Turns pending operators of at least `precedence` into nodes, stopping at
    /// `(` or a call. Left associativity falls out of using "at least".
    mutating func reduce(whileAtLeast precedence: Int) throws(ExpressionError) {
        while let top = pending.last, let strength = top.precedence, strength >= precedence {
            pending.removeLast()
            switch top {
            case .binary(let op, let column):
                try emitOperation(op, arity: 2, column: column)
            case .power(let column):
                depth -= 1
                try emitOperation(.power, arity: 2, column: column)
            case .negate(let column):
                depth -= 1
                try emitOperation(.negate, arity: 1, column: column)
            case .group, .call:
                break  // unreachable: precedence is nil
            }
        }
    }

    /// Pops `arity` operands and appends the operation that consumes them.
    mutating func emitOperation(_ op: Primitive, arity: Int, column: Int) throws(ExpressionError) {
        let arguments = Array(operands.suffix(arity))
        operands.removeLast(arity)
        try emit(.operation(op, operands: arguments), column: column)
    }

    /// Handles `)`: finishes the group or call it closes.
    mutating func closeParenthesis(at column: Int) throws(ExpressionError) {
        try reduce(whileAtLeast: 0)
        guard let open = pending.popLast() else {
            throw ExpressionError(column: column, message: "unexpected ')'")
        }
        depth -= 1
        switch open {
        case .group:
            break  // the operand inside simply stays on the operand stack
        case .call(let op, let nameColumn, _, let arguments):
            guard arguments + 1 == op.arity else { throw arityError(op, column: column) }
            try emitOperation(op, arity: op.arity, column: nameColumn)
        default:
            break  // unreachable: reduce stops only at a group or call
        }
    }

    func arityError(_ op: Primitive, column: Int) -> ExpressionError {
        let count = op.arity == 1 ? "1 argument" : "\(op.arity) arguments"
        return ExpressionError(column: column, message: "'\(op.rawValue)' takes exactly \(count)")
    }
}
