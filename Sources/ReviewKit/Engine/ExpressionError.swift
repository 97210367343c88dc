/// A problem in the text of an expression, found while reading it.
///
/// The column is 1-based and counted in `Character`s of the source, so it points
/// at the same place a person sees when they look at the problem statement;
/// a caret under that column is all a caller needs to show the mistake.
public struct ExpressionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// 1-based position of the offending character or token, in `Character`s.
    public var column: Int
    /// What went wrong, in plain words (no formatting).
    public var message: String

    public init(column: Int, message: String) {
        self.column = column
        self.message = message
    }

    public var description: String { "column \(column): \(message)" }
}
