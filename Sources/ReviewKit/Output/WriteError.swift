import Foundation

/// A failed write (exit status 1: the input was fine, the disk was not).
public struct WriteError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "\(path): cannot write (\(reason))" }

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// The error for a failed system call, from `errno`.
    static func posix(_ path: String, _ code: Int32 = errno) -> WriteError {
        WriteError(path: path, reason: String(cString: strerror(code)))
    }
}

/// Writing bytes to a file descriptor to the end, the one way every output
/// file and standard stream is written: `write(2)` may take only part of a
/// buffer, be interrupted by a signal, or find a non-blocking stream full,
/// and a short write that went unnoticed would be a silently truncated sheet.
enum Descriptor {
    /// Writes all of `bytes` to `fd`; returns `errno` of the first failure.
    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32? {
        guard let base = bytes.baseAddress else { return nil }
        var offset = 0
        while offset < bytes.count {
            let written = write(fd, base + offset, bytes.count - offset)
            if written < 0 {
                switch errno {
                case EINTR: continue
                case EAGAIN, EWOULDBLOCK:
                    var ready = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                    _ = poll(&ready, 1, -1)
                    continue
                default: return errno
                }
            }
            offset += written
        }
        return nil
    }

    static func writeAll(_ fd: Int32, _ text: String) -> Int32? {
        var text = text
        return text.withUTF8 { buffer in
            buffer.isEmpty ? nil : writeAll(fd, UnsafeRawBufferPointer(buffer))
        }
    }

    /// Creates `path` (never through an existing file or link) and writes `text`.
    static func create(_ path: String, _ text: String, mode: mode_t = 0o666) throws {
        try create(path, OutputFile.Payload.text(text), mode: mode)
    }

    /// The same for text or bytes.
    static func create(_ path: String, _ payload: OutputFile.Payload, mode: mode_t = 0o666) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        guard fd >= 0 else { throw WriteError.posix(path) }
        let failure = payload.write(to: fd)
        let closed = close(fd)
        if let failure { throw WriteError.posix(path, failure) }
        if closed != 0 { throw WriteError.posix(path) }
    }
}
