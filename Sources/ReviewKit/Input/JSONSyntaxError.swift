/// A problem with the JSON text itself, located by line and column so the
/// student can find it in an editor (columns count characters, which is what
/// editors show, not bytes).
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var message: String

    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    /// The message for input with no JSON in it at all. A position would add
    /// nothing there, so file-level reports leave it out.
    public static let emptyFileMessage = "the file is empty"

    public var isEmptyFile: Bool { message == Self.emptyFileMessage }

    public var description: String { "line \(line), column \(column): \(message)" }
}
