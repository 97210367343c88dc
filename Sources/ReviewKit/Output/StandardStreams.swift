#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard output or standard error.
public enum StandardStream: Sendable {
    case output, error

    var fileDescriptor: Int32 { self == .output ? STDOUT_FILENO : STDERR_FILENO }
    var name: String { self == .output ? "standard output" : "standard error" }
}

/// A write to standard output or standard error that failed: the stream is
/// closed (`EBADF`), full (`ENOSPC`), broken (`EPIPE`: the reader quit) or
/// failing (`EIO`). Exit status 1, like any failed write.
public struct StandardStreamError: Error, Sendable, CustomStringConvertible {
    public var stream: StandardStream
    public var code: Int32

    /// The reader of a pipe went away (`review gen | head -1`): nobody is
    /// left to read a message about it either.
    public var isBrokenPipe: Bool { code == EPIPE }
    public var description: String { "\(stream.name): cannot write (\(String(cString: strerror(code))))" }
}

/// The one way `review` writes to standard output and standard error.
///
/// `FileHandle.write` traps when a write fails (a closed, full or broken
/// stream), and `print` fails silently; both break the contract that every
/// failed write ends with exit status 1. This writes with `write(2)` and
/// throws `StandardStreamError` instead. Nothing in `Sources/` calls `print`
/// (`SourceSafetyTests` checks), so no text waits in C's `stdout` buffer to
/// fail unseen at exit.
public enum StandardStreams {
    /// Makes the process behave the same whatever it inherited. Call first
    /// thing in `main`.
    ///
    /// - SIGPIPE is ignored, so a reader that quits shows up as `EPIPE` from
    ///   `write` (and a chosen exit status) rather than death by a signal
    ///   under one parent and a trap under another.
    /// - A closed descriptor 0, 1 or 2 is opened on `/dev/null` in the
    ///   *wrong* direction (as gnulib's `stdopen` does): the next file we open
    ///   cannot take its number, so a sheet meant for a closed stdout never
    ///   lands in an output file, and a write to it still fails (`EBADF`).
    public static func prepare() {
        signal(SIGPIPE, SIG_IGN)
        for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO]
        where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
            let placeholder = open("/dev/null", descriptor == STDIN_FILENO ? O_WRONLY : O_RDONLY)
            if placeholder >= 0 && placeholder != descriptor {
                dup2(placeholder, descriptor)
                close(placeholder)
            }
        }
    }

    /// Writes all of `text` (see `Descriptor.writeAll` for short writes,
    /// interrupted calls and full non-blocking streams).
    public static func write(_ text: String, to stream: StandardStream) throws {
        if let code = Descriptor.writeAll(stream.fileDescriptor, text) {
            throw StandardStreamError(stream: stream, code: code)
        }
    }
}
