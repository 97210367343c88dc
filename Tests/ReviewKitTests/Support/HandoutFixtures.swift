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

extension HandoutBuild {
    /// Path → contents.
    var byPath: [String: String] {
        Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.contents) })
    }
}
