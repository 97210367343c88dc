/// A numeric problem met while evaluating or differentiating a graph.
///
/// It names the node and the source column of its operator, so a solution can
/// say exactly which step of the computation broke (e.g. "log of a non-positive
/// value (-2)" at the `log` in column 5), instead of printing NaN.
public struct GraphError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Index of the node in `ComputationGraph.nodes` (for a missing variable,
    /// the index its node would have had).
    public var nodeIndex: Int
    /// 1-based source column of the node's operator, name or literal.
    public var column: Int
    /// What went wrong, in plain words.
    public var message: String

    public init(nodeIndex: Int, column: Int, message: String) {
        self.nodeIndex = nodeIndex
        self.column = column
        self.message = message
    }

    public var description: String { "column \(column): \(message)" }
}

extension Double {
    /// A short spelling for error messages: "-2" rather than "-2.0".
    /// Plain text only; presentation belongs to the renderers.
    var plainDescription: String {
        if isFinite, self == rounded(), Swift.abs(self) < 1e15 {
            return String(Int64(self))
        }
        return String(self)
    }
}
