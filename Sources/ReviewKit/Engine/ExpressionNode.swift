/// One node of a parsed expression, stored in a flat post-order array.
///
/// Operands are indices into the same array and always smaller than the
/// node's own index, so every later pass is a plain loop: no pass ever
/// recurses over the tree, which keeps 10^5-term chains safe and fast.
public struct ExpressionNode: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// A number literal; `literal` keeps the source spelling (e.g. "1e-3", "2.").
        case number(Double, literal: String)
        /// A name. `e` is a variable here too; the graph decides whether it means Euler's number.
        case variable(String)
        /// An operation applied to earlier nodes, in operand order.
        case operation(Primitive, operands: [Int])
    }

    public var kind: Kind
    /// 1-based column of the literal, name, operator or function name in the source.
    public var column: Int

    public init(kind: Kind, column: Int) {
        self.kind = kind
        self.column = column
    }
}

/// The result of parsing: an optional output name and the flat node list.
public struct ParsedExpression: Sendable, Equatable {
    /// The `f` in `f = x*(x+y)`, or nil when the source has no `name =` prefix.
    public var outputName: String?
    /// Post-order nodes: children before parents; the root is last.
    public var nodes: [ExpressionNode]
    /// The text that was parsed.
    public var source: String

    public init(outputName: String?, nodes: [ExpressionNode], source: String) {
        self.outputName = outputName
        self.nodes = nodes
        self.source = source
    }

    /// Index of the root node (the whole expression).
    public var rootIndex: Int { nodes.count - 1 }

    /// Each distinct variable name once, in left-to-right reading order.
    ///
    /// Leaves are appended to `nodes` as they are read, so a scan of the
    /// array meets them in reading order.
    public var variablesInOrderOfFirstAppearance: [String] {
        var seen = Set<String>()
        var names: [String] = []
        for node in nodes {
            if case .variable(let name) = node.kind, seen.insert(name).inserted {
                names.append(name)
            }
        }
        return names
    }
}
