/// Anything wrong with a problem file, ready to print as one line after
/// `review: error: `.
///
/// It is the single error type the command line needs to know about for
/// input: syntax errors (located by line and column), decoding errors
/// (located by JSON path) and file-system errors (no location) all end up
/// here, in the contract's shape `file: location: message`.
public struct ProblemFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// `problems[1].layers[0].kernel`, `line 3, column 14`, or nil when the
    /// message is about the file as a whole.
    public var location: String?
    public var message: String

    public init(file: String, location: String?, message: String) {
        self.file = file
        self.location = location
        self.message = message
    }

    /// A decoding error in `file`; an error at the root has no location.
    public init(file: String, _ error: InputError) {
        self.init(file: file, location: error.path.isEmpty ? nil : error.path.description, message: error.message)
    }

    /// A syntax error in `file`; "the file is empty" needs no position.
    public init(file: String, _ error: JSONSyntaxError) {
        self.init(file: file,
                  location: error.isEmptyFile ? nil : "line \(error.line), column \(error.column)",
                  message: error.message)
    }

    public var description: String {
        [file, location, message].compactMap { $0 }.joined(separator: ": ")
    }
}

extension RawProblem {
    /// Puts this problem's file name in front of a decoding error, so solver
    /// code can `catch let e as InputError { throw problem.fileError(e) }`.
    ///
    /// In a YAML file the message also gives the line and column of the
    /// value at the path (`layers[0].stride (line 7, column 13)`): YAML is
    /// indented by hand, so a position helps as much as the path.
    public func fileError(_ error: InputError) -> ProblemFileError {
        var located = ProblemFileError(file: source.displayName, error)
        if YAMLReader.isYAML(source.displayName), let path = located.location,
           let value = field.value.descendant(Array(error.path.components.dropFirst(field.path.components.count))),
           value.line > 0 {
            located.location = "\(path) (line \(value.line), column \(value.column))"
        }
        return located
    }
}
