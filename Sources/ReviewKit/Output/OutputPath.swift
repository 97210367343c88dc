import Foundation

/// An output path resolved the way the OS will resolve it when we write.
///
/// `victim/nonexistent/..` is `victim` to a text tool but an error to the
/// OS (there is no `nonexistent` to step out of), and `link/..` is the parent
/// of the link's *target*, not the folder holding the link. Checking one
/// reading and renaming with the other is how a mistyped `--out` once
/// replaced a teacher's folder, so every command resolves its target here,
/// once, and afterwards works only with the resolved path.
struct ResolvedPath: Equatable {
    /// Absolute and free of symbolic links, `.` and `..`; it may not exist
    /// yet (a build creates it).
    let parent: String
    /// The last component: a plain name, never empty, `.` or `..`.
    let name: String

    var path: String { parent == "/" ? "/" + name : parent + "/" + name }
}

enum OutputPath {
    /// Resolves `raw` (relative to the current directory). The longest
    /// prefix that exists is resolved with `realpath`, exactly as the OS
    /// walks it; the rest, which does not exist yet, must be plain names.
    /// `option` names the flag in messages (`--out`, `--output`).
    static func resolve(_ raw: String, option: String) throws -> ResolvedPath {
        guard !raw.isEmpty else {
            throw UsageError(message: "\(option) is empty (an unset shell variable?); give a name")
        }
        let absolute = raw.hasPrefix("/") ? raw : currentDirectory() + "/" + raw
        let components = absolute.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        for existing in stride(from: components.count, through: 0, by: -1) {
            let prefix = "/" + components[..<existing].joined(separator: "/")
            guard isDirectory(prefix), let base = realPath(prefix) else { continue }
            let rest = Array(components[existing...])
            if let step = rest.first(where: { $0 == "." || $0 == ".." }) {
                let missing = rest.prefix { $0 != step }.joined(separator: "/")
                throw UsageError(message: "\(option) \(raw): '\(step)' follows '\(missing)', which does not exist")
            }
            if rest.count > 1, linkStatus((base == "/" ? "" : base) + "/" + rest[0]) != nil {
                throw UsageError(message: "\(option) \(raw): '\(rest[0])' is not a folder")
            }
            guard let name = rest.last else {
                // The whole path is an existing directory: name it by its real path.
                guard base != "/" else { throw UsageError(message: "\(option) \(raw): is the root directory") }
                let url = URL(fileURLWithPath: base)
                return ResolvedPath(parent: url.deletingLastPathComponent().path, name: url.lastPathComponent)
            }
            let parent = ([base == "/" ? "" : base] + rest.dropLast()).joined(separator: "/")
            return ResolvedPath(parent: parent.isEmpty ? "/" : parent, name: name)
        }
        throw UsageError(message: "\(option) \(raw): cannot be resolved")
    }

    /// The real path of an existing file or directory, or nil.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Whether `ancestor` is `path` itself or a directory above it
    /// (component-wise: `/a/b` is not an ancestor of `/a/bc`).
    static func contains(_ ancestor: String, _ path: String) -> Bool {
        ancestor == "/" || path == ancestor || path.hasPrefix(ancestor + "/")
    }

    static func currentDirectory() -> String {
        realPath(".") ?? FileManager.default.currentDirectoryPath
    }

    /// `stat`, following links, as `open` would.
    static func status(_ path: String) -> stat? {
        var info = stat()
        return stat(path, &info) == 0 ? info : nil
    }

    /// `lstat`: the entry itself, a link not followed.
    static func linkStatus(_ path: String) -> stat? {
        var info = stat()
        return lstat(path, &info) == 0 ? info : nil
    }

    static func isDirectory(_ path: String) -> Bool {
        guard let info = status(path) else { return false }
        return info.st_mode & S_IFMT == S_IFDIR
    }
}
