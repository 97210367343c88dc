/// A rule chosen where a derivative is not defined (a kink or a tie).
///
/// Recorded on the node where it was actually applied, so the worked solution
/// can state the convention instead of silently using it.
public enum Convention: String, Sendable, Equatable {
    /// relu at its kink 0: relu'(0) is 0 or 1, as the problem's `kink` says.
    case reluAtZero
    /// abs'(0) taken as 0.
    case absAtZero
    /// max/min with equal arguments: the whole gradient goes to the first one.
    case tieGoesToFirst
}

/// One term of a node's gradient: what flowed back along one use of the node.
///
/// A variable used several times receives one contribution per use; listing
/// them lets a solution write "∂f/∂x = 3 + 2 = 5" (in the renderer, not here).
public struct Contribution: Sendable, Equatable {
    /// The node that used this one as an operand.
    public var from: Int
    /// Which operand of `from` this node was (0-based).
    public var operandIndex: Int
    /// ∂from/∂(this operand).
    public var localGradient: Double
    /// gradient(from) × localGradient: the amount added to this node's gradient.
    public var value: Double
}

/// One step of the trace: an input, a constant or an operation.
public struct GraphNode: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// A variable; one node per distinct name, however often it is used.
        case input(String)
        /// A number literal, a negated literal such as `-1`, or Euler's `e`.
        case constant(Double, literal: String)
        case operation(Primitive)
    }

    /// Position in `ComputationGraph.nodes` (forward order).
    public let index: Int
    public let kind: Kind
    /// Operand node indices, in operand order.
    public let inputs: [Int]
    /// 1-based source column (first occurrence for an input).
    public let column: Int
    /// Whether the value changes with some variable. Only such nodes get
    /// gradients: derivatives with respect to constants are never needed.
    public let dependsOnVariable: Bool
    public internal(set) var value: Double
    /// ∂output/∂node, or nil when the node does not depend on any variable.
    public internal(set) var gradient: Double?
    /// ∂node/∂input_i per operand; nil where operand i is constant (not needed).
    public internal(set) var localGradients: [Double?]
    /// The terms of `gradient`, in the order the backward pass added them.
    public internal(set) var contributions: [Contribution] = []
    /// Set when a kink/tie convention was used for this node's local gradients.
    public internal(set) var convention: Convention?
    /// Display name: the variable, the output name, or z/z1/z2…; nil for constants.
    public internal(set) var name: String?
    /// Unique, stable identifier: `name` when there is one, otherwise "c<index>".
    public internal(set) var id: String

    /// True for operations; inputs and constants are leaves.
    public var isOperation: Bool {
        if case .operation = kind { return true }
        return false
    }

    public var operation: Primitive? {
        if case .operation(let op) = kind { return op }
        return nil
    }

    /// True for Euler's number, the constant an `e` with no value of its own stands for.
    public var isEuler: Bool {
        if case .constant(_, let literal) = kind { return literal == "e" }
        return false
    }
}
