import Foundation

/// A one-line progress bar on stderr, redrawn in place with `\r`.
///
/// Only when stderr is a terminal (a log file or a test pipe should not
/// fill with carriage returns) and only for builds big enough to wait for.
final class ProgressBar: @unchecked Sendable {
    /// Builds with fewer sheets finish before a bar would be read.
    static let minimumSheets = 50
    private static let width = 30

    private let lock = NSLock()
    private var lastDrawn = -1

    static func forStandardError(sheets: Int) -> ProgressBar? {
        guard sheets >= minimumSheets, isatty(STDERR_FILENO) == 1 else { return nil }
        return ProgressBar()
    }

    func show(_ done: Int, _ total: Int) {
        lock.lock()
        defer { lock.unlock() }
        let filled = total == 0 ? Self.width : done * Self.width / total
        guard filled != lastDrawn || done == total else { return }
        lastDrawn = filled
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: Self.width - filled)
        FileHandle.standardError.write(Data("\r\(bar) \(done)/\(total)".utf8))
    }

    /// Clears the bar so the summary line starts clean.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
