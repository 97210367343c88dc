import Foundation

/// Reads the raw bytes of a problem file, handout or roster, turning every
/// way that can fail into a short, fixed message (`no such file`, `is a
/// directory, not a file`, `not a regular file`, …) instead of Foundation's
/// long localized descriptions.
///
/// Only regular files (symbolic links followed, as the OS does) and `-`
/// (standard input) are read. A FIFO would block the open or the read
/// forever, and `/dev/zero` or a socket never ends, so they are refused
/// before anything is opened; the descriptor is opened non-blocking and
/// checked again, in case the path was swapped in between.
///
/// Reading stops just past `maxBytes`, so a huge file or an endless pipe
/// cannot exhaust memory before we complain about its size.
enum FileBytes {
    static func read(path: String, displayName: String, maxBytes requested: Int) throws -> [UInt8] {
        let maxBytes = min(max(requested, 0), Int.max - (1 << 20))  // room to read one byte past it
        func fail(_ message: String) -> ProblemFileError {
            ProblemFileError(file: displayName, location: nil, message: message)
        }
        guard path != "-" else { return try readAll(FileHandle.standardInput, maxBytes: maxBytes, fail: fail) }

        var info = stat()
        guard stat(path, &info) == 0 else { throw fail(message(errno: errno)) }
        if let refusal = refusal(info) { throw fail(refusal) }
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw fail(message(errno: errno)) }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        defer { try? handle.close() }
        guard fstat(descriptor, &info) == 0 else { throw fail(message(errno: errno)) }
        if let refusal = refusal(info) { throw fail(refusal) }
        return try readAll(handle, maxBytes: maxBytes, fail: fail)
    }

    /// Reads to the end, or one byte past `maxBytes`.
    private static func readAll(_ handle: FileHandle, maxBytes: Int, fail: (String) -> ProblemFileError) throws
        -> [UInt8]
    {
        var bytes: [UInt8] = []
        do {
            while bytes.count <= maxBytes {
                guard let chunk = try handle.read(upToCount: min(1 << 20, maxBytes + 1 - bytes.count)),
                      !chunk.isEmpty else { break }
                bytes.append(contentsOf: chunk)
            }
        } catch {
            throw fail("cannot be read (\(error.localizedDescription))")
        }
        guard bytes.count <= maxBytes else { throw fail("file is larger than \(sizeText(maxBytes))") }
        return bytes
    }

    /// Why a file of this type is not read, or nil for a regular file.
    private static func refusal(_ info: stat) -> String? {
        switch info.st_mode & S_IFMT {
        case S_IFREG: nil
        case S_IFDIR: "is a directory, not a file"
        default: "not a regular file"  // FIFO, device, socket
        }
    }

    /// The fixed message for a failed `stat`, `open` or `read`.
    private static func message(errno code: Int32) -> String {
        switch code {
        case ENOENT, ENOTDIR: "no such file"
        case EACCES, EPERM: "cannot be read (permission denied)"
        default: "cannot be read (\(String(cString: strerror(code))))"
        }
    }

    /// `8 MiB` for whole mebibytes, otherwise a byte count.
    static func sizeText(_ bytes: Int) -> String {
        bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB" : "\(bytes) bytes"
    }
}
