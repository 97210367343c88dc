/// Where a value sits inside a problem file, written the way a student would
/// look for it: `problems[1].layers[0].kernel`.
///
/// Error messages name paths rather than line numbers once the JSON is
/// well-formed, because a path stays meaningful however the file is
/// formatted. Keys that are not identifiers are written as `["s 1"]` so the
/// rendering is never ambiguous; the root renders as the empty string.
public struct JSONPath: Sendable, Hashable, CustomStringConvertible {
    public enum Component: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    public var components: [Component]

    public init(_ components: [Component] = []) {
        self.components = components
    }

    public static let root = JSONPath()

    public var isEmpty: Bool { components.isEmpty }

    public func appending(key: String) -> JSONPath {
        JSONPath(components + [.key(key)])
    }

    public func appending(index: Int) -> JSONPath {
        JSONPath(components + [.index(index)])
    }

    public var description: String {
        var out = ""
        for component in components {
            switch component {
            case .index(let i):
                out += "[\(i)]"
            case .key(let key) where Self.isIdentifier(key):
                out += out.isEmpty ? key : "." + key
            case .key(let key):
                out += "[" + JSONWriter.quote(key) + "]"
            }
        }
        return out
    }

    /// ASCII letters, digits and `_`, not starting with a digit.
    private static func isIdentifier(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return key.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
        }
    }
}
