/// Parses the expression language into a flat post-order node list.
///
/// Grammar, loosest to tightest: `+ -` (left), `* /` (left), unary `-`,
/// `^`/`**` (right; its exponent may carry signs). Functions are
/// `exp log sqrt abs sigmoid tanh relu sin cos` and `max(a,b) min(a,b)`.
/// An optional `name =` prefix names the output.
///
/// The parser is an operator-precedence (shunting-yard) loop with explicit
/// stacks instead of recursive descent: it cannot overflow the call stack,
/// whatever the input, and left-associative chains of any length cost no
/// nesting at all. Nesting that does build up (parentheses, calls, unary
/// minus, `^` chains) is capped at `maximumDepth` so callers get a clear error.
public enum ExpressionParser {
    /// Most nesting levels (parentheses + calls + unary minus + `^` chain) allowed.
    public static let maximumDepth = 256
    /// Most nodes an expression may produce.
    public static let maximumNodeCount = 1_000_000

    public static func parse(_ source: String) throws(ExpressionError) -> ParsedExpression {
        var state = ParserState(source: source)
        return try state.run()
    }
}

/// Mutable state of one parse; see `ExpressionParser`.
struct ParserState {
    /// Something waiting on the operator stack for its right-hand side or `)`.
    enum Pending {
        case binary(Primitive, column: Int)
        case negate(column: Int)
        case power(column: Int)
        case group(openColumn: Int)
        case call(Primitive, column: Int, openColumn: Int, arguments: Int)

        /// Binding strength; nil for `(` and calls, which stop reductions.
        var precedence: Int? {
            switch self {
            case .binary(let op, _): return op == .add || op == .subtract ? 1 : 2
            case .negate: return 3
            case .power: return 4
            case .group, .call: return nil
            }
        }
    }

    var lexer: ExpressionLexer
    let source: String
    var current = ExpressionToken(kind: .end, column: 1, text: "")
    var nodes: [ExpressionNode] = []
    /// Indices of finished operands not yet consumed by an operator.
    var operands: [Int] = []
    var pending: [Pending] = []
    var depth = 0
    var expectingOperand = true
    /// True right after `^` (and the signs following it): only there may `+` be a sign.
    var signAllowed = false

    init(source: String) {
        self.source = source
        lexer = ExpressionLexer(source)
    }

    mutating func advance() throws(ExpressionError) {
        current = try lexer.next()
    }

    mutating func run() throws(ExpressionError) -> ParsedExpression {
        try advance()
        var outputName: String?
        if case .identifier(let name) = current.kind {
            let nameToken = current
            try advance()
            if current.kind == .equals {
                outputName = name
                try advance()
            } else {
                try operandName(name, token: nameToken)
            }
        }
        while true {
            if expectingOperand {
                try operandStep()
            } else if try operatorStep() {
                break
            }
        }
        // A name used both for the output and an input would make the worked solution ambiguous.
        if let outputName, nodes.contains(where: { $0.kind == .variable(outputName) }) {
            throw ExpressionError(
                column: 1, message: "the output name '\(outputName)' is also used as a variable")
        }
        return ParsedExpression(outputName: outputName, nodes: nodes, source: source)
    }

    /// Handles one token where an operand must come.
    mutating func operandStep() throws(ExpressionError) {
        let token = current
        switch token.kind {
        case .number(let value, let literal):
            try emit(.number(value, literal: literal), column: token.column)
            expectingOperand = false
            try advance()
        case .identifier(let name):
            try advance()
            try operandName(name, token: token)
        case .leftParen:
            try push(.group(openColumn: token.column), nesting: true, column: token.column)
            signAllowed = false
            try advance()
        case .minus:
            try push(.negate(column: token.column), nesting: true, column: token.column)
            try advance()
        case .plus where signAllowed:
            try advance()
        case .end:
            throw ExpressionError(column: token.column, message: "unexpected end of expression")
        case .rightParen:
            if case .call(let op, _, _, 0) = pending.last {
                throw arityError(op, column: token.column)
            }
            throw ExpressionError(column: token.column, message: "unexpected ')'")
        default:
            throw ExpressionError(column: token.column, message: "unexpected '\(token.text)'")
        }
    }

    /// Handles a name in operand position; `current` is already the token after it.
    mutating func operandName(_ name: String, token: ExpressionToken) throws(ExpressionError) {
        let function = Primitive(functionName: name)
        if current.kind == .leftParen {
            guard let function else {
                var message = "unknown function '\(name)'"
                if let suggestion = closestMatch(to: name, in: Primitive.functions.map(\.rawValue)) {
                    message += " (did you mean '\(suggestion)'?)"
                }
                throw ExpressionError(column: token.column, message: message)
            }
            let call = Pending.call(function, column: token.column, openColumn: current.column, arguments: 0)
            try push(call, nesting: true, column: token.column)
            signAllowed = false
            try advance()
            return
        }
        if function != nil {
            throw ExpressionError(
                column: token.column, message: "function '\(name)' must be followed by '('")
        }
        try emit(.variable(name), column: token.column)
        expectingOperand = false
    }

    /// Handles one token where an operator, `)`, `,` or the end must come.
    /// Returns true when the expression is complete.
    mutating func operatorStep() throws(ExpressionError) -> Bool {
        let token = current
        signAllowed = false
        switch token.kind {
        case .plus, .minus, .star, .slash:
            let op: Primitive =
                switch token.kind {
                case .plus: .add
                case .minus: .subtract
                case .star: .multiply
                default: .divide
                }
            let pendingOp = Pending.binary(op, column: token.column)
            try reduce(whileAtLeast: pendingOp.precedence!)
            try push(pendingOp, nesting: false, column: token.column)
        case .caret:
            // Right-associative and tightest: nothing on the stack binds harder, so just push.
            try push(.power(column: token.column), nesting: true, column: token.column)
            signAllowed = true
        case .rightParen:
            try closeParenthesis(at: token.column)
            try advance()
            return false
        case .comma:
            try reduce(whileAtLeast: 0)
            guard case .call(let op, let column, let open, let arguments) = pending.last else {
                throw ExpressionError(column: token.column, message: "unexpected ','")
            }
            guard arguments + 1 < op.arity else { throw arityError(op, column: token.column) }
            pending[pending.count - 1] = .call(op, column: column, openColumn: open, arguments: arguments + 1)
        case .end:
            try reduce(whileAtLeast: 0)
            if let open = pending.last {
                let openColumn: Int
                switch open {
                case .group(let column), .call(_, _, let column, _): openColumn = column
                default: openColumn = token.column
                }
                throw ExpressionError(
                    column: token.column, message: "expected ')' to close '(' at column \(openColumn)")
            }
            return true
        case .number, .identifier, .leftParen:
            throw ExpressionError(
                column: token.column, message: "expected an operator before '\(token.text)'")
        case .equals:
            throw ExpressionError(column: token.column, message: "unexpected '='")
        }
        expectingOperand = true
        try advance()
        return false
    }
}
