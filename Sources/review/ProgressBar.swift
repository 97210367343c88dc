import Foundation
import ReviewKit

/// A one-line progress bar on stderr, redrawn in place with `\r`.
///
/// Only when stderr is a terminal (a log file or a test pipe should not
/// fill with carriage returns) and only for builds big enough to wait for.
/// It is drawn from the build's worker threads, which cannot throw: the
/// first failed write stops the drawing and is kept in `failure`, for the
/// command to report once the build is done.
final class ProgressBar: @unchecked Sendable {
    /// Builds with fewer sheets finish before a bar would be read.
    static let minimumSheets = 50
    private static let width = 30

    private let lock = NSLock()
    private var lastDrawn = -1
    private var firstFailure: StandardStreamError?

    static func forStandardError(sheets: Int) -> ProgressBar? {
        guard sheets >= minimumSheets, isatty(STDERR_FILENO) == 1 else { return nil }
        return ProgressBar()
    }

    /// The first write to stderr that failed, if any.
    var failure: StandardStreamError? {
        lock.lock()
        defer { lock.unlock() }
        return firstFailure
    }

    func show(_ done: Int, _ total: Int) {
        lock.lock()
        defer { lock.unlock() }
        let filled = total == 0 ? Self.width : done * Self.width / total
        guard filled != lastDrawn || done == total else { return }
        lastDrawn = filled
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: Self.width - filled)
        draw("\r\(bar) \(done)/\(total)")
    }

    /// Clears the bar so the summary line starts clean.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        draw("\r\u{1B}[K")
    }

    /// Called with the lock held.
    private func draw(_ text: String) {
        guard firstFailure == nil else { return }
        do {
            try StandardStreams.write(text, to: .error)
        } catch {
            firstFailure = error as? StandardStreamError
        }
    }
}
