import Foundation

/// A failed write (exit status 1: the input was fine, the disk was not).
public struct WriteError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "\(path): cannot write (\(reason))" }
}

/// Writes output files whole or not at all.
public enum OutputFile {
    /// Writes `text` to a temporary file beside `path`, then renames it over
    /// `path`: a reader never sees half a file, and a failed write leaves the
    /// previous file as it was.
    public static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            // O_EXCL: never write through a file (or symlink) that is
            // already there under the temporary name.
            try Data(text.utf8).write(to: temporary, options: .withoutOverwriting)
            if rename(temporary.path, url.path) != 0 {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: temporary)
                throw WriteError(path: path, reason: reason)
            }
        } catch let error as WriteError {
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw WriteError(path: path, reason: describe(error))
        }
    }

    public static func printToStandardOutput(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    private static func describe(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if nsError.domain == NSCocoaErrorDomain {
            switch nsError.code {
            case NSFileNoSuchFileError, NSFileWriteNoPermissionError, NSFileWriteFileExistsError: break
            default: break
            }
        }
        return nsError.localizedDescription
    }
}
