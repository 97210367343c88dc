import Foundation

/// Writes the file named by `-o`/`--output`, the way a careful shell
/// redirect would, but whole or not at all:
/// - a regular file is replaced atomically (a temporary file beside it,
///   then a rename) and keeps its permissions and, where we may, its owner;
/// - a symbolic link is written through: its target is replaced, the link stays;
/// - anything else that exists (`/dev/null`, `/dev/stdout`, a FIFO, a
///   terminal) is opened and written to directly, never replaced;
/// - the empty string, a directory or a name ending in `/` is a usage error,
///   and so is an input file of the same run (it would be overwritten);
///   a missing folder is a failed write, as it is to the shell.
public enum OutputFile {
    public static func write(_ text: String, to path: String, inputs: [String] = []) throws {
        try write(.text(text), to: path, inputs: inputs)
    }

    /// The same for a binary file (a QTI zip, a PDF), with the same rules.
    public static func write(bytes: [UInt8], to path: String, inputs: [String] = []) throws {
        try write(.bytes(bytes), to: path, inputs: inputs)
    }

    /// What is written: text as UTF-8, or bytes as they are.
    enum Payload {
        case text(String)
        case bytes([UInt8])

        func write(to fd: Int32) -> Int32? {
            switch self {
            case .text(let text): Descriptor.writeAll(fd, text)
            case .bytes(let bytes): bytes.withUnsafeBytes { Descriptor.writeAll(fd, $0) }
            }
        }
    }

    private static func write(_ text: Payload, to path: String, inputs: [String]) throws {
        let option = "--output"
        guard !path.isEmpty else { throw UsageError(message: "\(option) is empty (an unset shell variable?); give a file name") }
        guard !path.hasSuffix("/") else { throw UsageError(message: "\(option) \(path): names a directory; give a file name") }
        if path.hasPrefix("/dev/") || path.hasPrefix("/proc/") {
            return try writeInPlace(text, to: path)  // `/dev/stdout` may be a file the shell opened
        }
        if let existing = OutputPath.status(path) {
            switch existing.st_mode & S_IFMT {
            case S_IFDIR: throw UsageError(message: "\(option) \(path): is a directory; give a file name")
            case S_IFREG: break
            default: return try writeInPlace(text, to: path)
            }
        }
        let target = try followLinks(try OutputPath.resolve(path, option: option), shown: path)
        guard OutputPath.isDirectory(target.parent) else {
            throw WriteError.posix(path, ENOENT)  // as the shell says it: the folder is not there
        }
        let existing = OutputPath.status(target.path)
        if let existing, inputs.contains(where: { input in
            input != "-" && OutputPath.status(input).map { $0.st_dev == existing.st_dev && $0.st_ino == existing.st_ino } == true
        }) {
            throw UsageError(message: "\(option) \(path): is an input file of this run; it would be overwritten")
        }
        try replace(target, with: text, keeping: existing)
    }

    /// Writes into an existing non-regular file (a device, a FIFO, a
    /// terminal) without replacing it; never creates one. Appending, so
    /// `-o /dev/stdout >> log` adds to the log as the shell asked.
    private static func writeInPlace(_ text: Payload, to path: String) throws {
        let fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard fd >= 0 else { throw WriteError.posix(path) }
        let failure = text.write(to: fd)
        let closed = close(fd)
        if let failure { throw WriteError.posix(path, failure) }
        if closed != 0 { throw WriteError.posix(path) }
    }

    /// The file a chain of symbolic links ends at (which may not exist yet).
    private static func followLinks(_ start: ResolvedPath, shown: String) throws -> ResolvedPath {
        var target = start
        for _ in 0..<40 {
            guard let info = OutputPath.linkStatus(target.path), info.st_mode & S_IFMT == S_IFLNK else { return target }
            guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: target.path) else {
                throw WriteError.posix(target.path)
            }
            let next = destination.hasPrefix("/") ? destination : target.parent + "/" + destination
            target = try OutputPath.resolve(next, option: "--output \(shown) (a link to \(destination))")
        }
        throw UsageError(message: "--output \(shown): too many levels of symbolic links")
    }

    /// Writes a temporary file beside `target` and renames it over `target`.
    private static func replace(_ target: ResolvedPath, with text: Payload, keeping existing: stat?) throws {
        for leftover in ScratchName.leftovers(in: target.parent, for: target.name, kind: "tmp") {
            unlink(leftover)
        }
        let temporary = target.parent + "/" + ScratchName.make(for: target.name, kind: "tmp")
        do {
            try Descriptor.create(temporary, text)
            if let existing {
                // The new file takes the old one's permissions (a private
                // 0600 sheet stays private) and, when we may, its owner.
                _ = chown(temporary, existing.st_uid, existing.st_gid)
                guard chmod(temporary, existing.st_mode & 0o7777) == 0 else { throw WriteError.posix(target.path) }
            }
            guard rename(temporary, target.path) == 0 else { throw WriteError.posix(target.path) }
        } catch {
            unlink(temporary)
            throw error
        }
    }
}
