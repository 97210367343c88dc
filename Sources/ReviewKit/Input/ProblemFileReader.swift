import Foundation

/// One problem object from a file, not decoded yet: the topic solvers decode
/// it through `field`, whose path already says where it sits in the file.
public struct RawProblem: Sendable {
    /// The problem object, at `problems[i]`, `[i]`, or the root.
    public var field: Field
    /// Its position among the file's problems, from 0.
    public var index: Int
    public var source: ProblemSource

    public init(field: Field, index: Int, source: ProblemSource) {
        self.field = field
        self.index = index
        self.source = source
    }
}

/// Reads a problem file and splits it into problems.
///
/// A file holds one problem object, an array of them, or `{"problems": [...]}`.
/// The paths of the problems follow that shape, so an error message names
/// the place the same way the file is laid out.
public enum ProblemFileReader {
    public static let wrapperKey = "problems"

    /// Reads `path` (`-` is standard input), parses it and splits it.
    /// Every failure is a `ProblemFileError`.
    public static func read(path: String, maxBytes: Int = Limits.maxFileBytes) throws -> [RawProblem] {
        let source = ProblemSource(path: path)
        let bytes = try FileBytes.read(path: path, displayName: source.displayName, maxBytes: maxBytes)
        return try read(bytes: bytes, source: source)
    }

    /// Parses and splits bytes already read (the fuzz targets and tests
    /// start here, with no file system in the way).
    public static func read(bytes: [UInt8], source: ProblemSource) throws -> [RawProblem] {
        let value: JSONValue
        do {
            value = try YAMLReader.parseDataFile(bytes, name: source.displayName)
        } catch let error as JSONSyntaxError {
            throw ProblemFileError(file: source.displayName, error)
        }
        return try split(value, source: source)
    }

    /// Splits an already-parsed top level into problems.
    ///
    /// An object with a `problems` key is the wrapper form and may hold
    /// nothing else (a stray `title` is reported, not ignored); any other
    /// object is a single problem. An empty list is an error: a run that
    /// solves nothing is almost certainly the wrong file.
    public static func split(_ value: JSONValue, source: ProblemSource) throws -> [RawProblem] {
        let file = source.displayName
        let root = Field(value: value)
        let list: Field
        switch value.kind {
        case .array:
            list = root
        case .object where value[wrapperKey] != nil:
            do {
                list = try root.object(allowedKeys: [wrapperKey]).required(wrapperKey)
                guard case .array = list.value.kind else {
                    throw list.error("must be an array of problems, got \(list.describe())")
                }
            } catch let error as InputError {
                throw ProblemFileError(file: file, error)
            }
        case .object:
            return [RawProblem(field: root, index: 0, source: source)]
        default:
            throw ProblemFileError(file: file, location: nil, message:
                "must hold a problem object, an array of problems, or {\"problems\": [...]}, got \(root.describe())")
        }
        let items = (try? list.array()) ?? []
        guard !items.isEmpty else {
            throw ProblemFileError(file: file, location: nil, message: "no problems in the file")
        }
        guard items.count <= Limits.maxProblemsPerFile else {
            throw ProblemFileError(file: file, location: nil, message:
                "has \(items.count) problems; at most \(Limits.maxProblemsPerFile) are allowed per file")
        }
        return try items.enumerated().map { index, item in
            guard case .object = item.value.kind else {
                throw ProblemFileError(file: file, item.error("must be a problem object, got \(item.describe())"))
            }
            return RawProblem(field: item, index: index, source: source)
        }
    }
}
