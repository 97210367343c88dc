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

extension HandoutBuilder {
    static func build(_ handout: Handout, jobs: Int = 2) throws -> InMemoryBuild {
        final class Collected: @unchecked Sendable {
            let lock = NSLock()
            var batches: [[PlannedFile]] = []
        }
        let collected = Collected()
        let made = try build(handout, jobs: jobs) { files in
            collected.lock.lock()
            collected.batches.append(files)
            collected.lock.unlock()
        }
        let shared = collected.batches.removeLast()
        let students = collected.batches.flatMap { $0 }.sorted { $0.path < $1.path }
        return InMemoryBuild(files: students + shared, made: made)
    }
}

extension InMemoryBuild {
    /// Path → contents.
    var byPath: [String: String] {
        Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.contents) })
    }
}
