import Foundation

/// Every (template, context, output) rendered while a test has switched
/// recording on: the differential test renders the same pairs with
/// swift-mustache and compares. Off in the tool, where recording costs one
/// uncontended lock per render.
final class TemplateRenderLog: @unchecked Sendable {
    struct Entry {
        let language: String
        let name: String
        let context: Any
        let output: String
    }

    static let shared = TemplateRenderLog()

    private let lock = NSLock()
    private var recording = false
    private var entries: [Entry] = []

    func record(language: String, name: String, context: Any, output: String) {
        lock.lock()
        defer { lock.unlock() }
        guard recording else { return }
        entries.append(Entry(language: language, name: name, context: context, output: output))
    }

    /// Records everything rendered while `body` runs (on any thread) and returns it.
    func capture(_ body: () throws -> Void) rethrows -> [Entry] {
        lock.lock()
        recording = true
        entries = []
        lock.unlock()
        defer {
            lock.lock()
            recording = false
            entries = []
            lock.unlock()
        }
        try body()
        lock.lock()
        defer { lock.unlock() }
        return entries
    }
}
