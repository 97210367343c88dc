import Foundation

/// Reads the raw bytes of a problem file, turning every way that can fail
/// into a short, fixed message (`no such file`, `is a directory, not a
/// file`, …) instead of Foundation's long localized descriptions.
///
/// Reading stops just past `maxBytes`, so a huge file or an endless pipe
/// cannot exhaust memory before we complain about its size.
enum FileBytes {
    static func read(path: String, displayName: String, maxBytes requested: Int) throws -> [UInt8] {
        let maxBytes = min(max(requested, 0), Int.max - (1 << 20))  // room to read one byte past it
        func fail(_ message: String) -> ProblemFileError {
            ProblemFileError(file: displayName, location: nil, message: message)
        }
        let handle: FileHandle
        if path == "-" {
            handle = FileHandle.standardInput
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw fail("no such file")
            }
            guard !isDirectory.boolValue else { throw fail("is a directory, not a file") }
            guard FileManager.default.isReadableFile(atPath: path), let opened = FileHandle(forReadingAtPath: path) else {
                throw fail("cannot be read (permission denied)")
            }
            handle = opened
        }
        defer { if path != "-" { try? handle.close() } }

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

    /// `8 MiB` for whole mebibytes, otherwise a byte count.
    static func sizeText(_ bytes: Int) -> String {
        bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB" : "\(bytes) bytes"
    }
}
