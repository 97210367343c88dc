/// Which file a problem came from: the name used in messages and the stem
/// used to name output files.
public struct ProblemSource: Sendable, Equatable {
    /// The path as the user typed it (`problems/conv.json`), or `<stdin>`.
    public var displayName: String
    /// The file name without directory or extension (`conv`), or `stdin`.
    public var stem: String

    public init(displayName: String, stem: String) {
        self.displayName = displayName
        self.stem = stem
    }

    /// The source for a command-line argument; `-` means standard input.
    public init(path: String) {
        if path == "-" {
            self.init(displayName: "<stdin>", stem: "stdin")
            return
        }
        let name = path.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? path
        // Drop the last extension, but keep dot-files (`.json`) whole.
        var stem = name
        if let dot = name.lastIndex(of: "."), dot != name.startIndex {
            stem = String(name[..<dot])
        }
        self.init(displayName: path, stem: stem)
    }

    public static let standardInput = ProblemSource(path: "-")
}
