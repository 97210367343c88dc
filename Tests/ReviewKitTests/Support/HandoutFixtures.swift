import Foundation
@testable import ReviewKit

/// A scratch folder holding a handout and the files it names.
struct HandoutFolder {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("review-handout-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    @discardableResult
    func write(_ text: String, to name: String) throws -> String {
        try write(Data(text.utf8), to: name)
    }

    @discardableResult
    func write(_ data: Data, to name: String) throws -> String {
        let file = path + "/" + name
        try FileManager.default.createDirectory(
            atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: file))
        return file
    }

    /// Writes `json` as `handout.json` and reads it.
    func handout(_ json: String) throws -> Handout {
        try HandoutReader.read(path: try write(json, to: "handout.json"), drawSeed: { 99 })
    }

    /// The one-line error reading `json` gives, or nil.
    func handoutError(_ json: String) -> String? {
        do {
            _ = try handout(json)
            return nil
        } catch {
            return "\(error)".replacingOccurrences(of: path + "/", with: "")
        }
    }
}

/// A build collected in memory instead of written to a directory.
struct InMemoryBuild {
    /// Student files sorted by path (workers finish in any order), then the
    /// shared files (answer keys, index, manifest) in the order they were written.
    var files: [PlannedFile]
    var made: HandoutBuild
    var students: Int { made.students }
    var problems: Int { made.problems }
}

/// Collects a build's files instead of writing them.
final class CollectingSink: HandoutSink, @unchecked Sendable {
    private let lock = NSLock()
    private(set) var batches: [[PlannedFile]] = []
    /// Binary files (`qti.zip`), by path.
    private(set) var binaries: [String: [UInt8]] = [:]

    func write(_ files: [PlannedFile]) throws {
        lock.lock()
        batches.append(files)
        lock.unlock()
    }

    func stream(_ path: String, _ produce: ((String) throws -> Void) throws -> Void) throws {
        var text = ""
        try produce { text += $0 }
        try write([PlannedFile(path: path, contents: text)])
    }

    func write(_ path: String, bytes: [UInt8]) throws {
        lock.lock()
        binaries[path] = bytes
        lock.unlock()
    }
}

extension HandoutBuilder {
    static func build(_ handout: Handout, jobs: Int = 2) throws -> InMemoryBuild {
        let sink = CollectingSink()
        let made = try build(handout, jobs: jobs, into: sink)
        let studentFiles = sink.batches.flatMap { $0 }.filter { $0.path.contains("/") }.sorted { $0.path < $1.path }
        let shared = sink.batches.flatMap { $0 }.filter { !$0.path.contains("/") }
        return InMemoryBuild(files: studentFiles + shared, made: made)
    }
}

extension InMemoryBuild {
    /// Path → contents.
    var byPath: [String: String] {
        Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.contents) })
    }
}
