/// A problem file that is valid JSON but not a valid problem: a value of the
/// wrong type or range, an unknown or missing field.
///
/// It carries the path and the message separately so the caller can put the
/// file name in front (see `ProblemFileError`) and tests can check each part.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: JSONPath
    public var message: String

    public init(path: JSONPath, message: String) {
        self.path = path
        self.message = message
    }

    /// `problems[1].kernel: must be …`, or just the message at the root.
    public var description: String {
        path.isEmpty ? message : "\(path): \(message)"
    }
}
