import Foundation
import Testing

/// One bad input from `BadInputs/catalogue.json`: what to write, how to call
/// `review`, and the exact error line the user must see.
struct BadInput: Sendable, CustomTestStringConvertible {
    var name: String
    /// The file's bytes (nil: no file is written).
    var bytes: [UInt8]?
    /// A CSV roster written beside it as `roster.csv` (a handout's students).
    var roster: String?
    var arguments: [String]
    var standardInput: String?
    var directory: String?
    var error: String

    var testDescription: String { name }

    /// The catalogue, read once. `@REPEAT@` in `content` stands for
    /// `repeat.text` written `repeat.times` times (joined by its
    /// `separator`), so a 1001-element case stays one readable line.
    static let catalogue: [BadInput] = {
        let url = ReviewProcess.packageRoot.appendingPathComponent("Tests/ReviewCLITests/BadInputs/catalogue.json")
        guard let data = try? Data(contentsOf: url),
              let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let cases = root["cases"] as? [[String: Any]]
        else { return [] }
        return cases.map { entry in
            var bytes: [UInt8]?
            if let hex = entry["hex"] as? String {
                bytes = stride(from: 0, to: hex.count, by: 2).map {
                    let start = hex.index(hex.startIndex, offsetBy: $0)
                    return UInt8(hex[start..<hex.index(start, offsetBy: 2)], radix: 16)!
                }
            } else if var content = entry["content"] as? String {
                for marker in ["repeat", "repeat2"] {
                    guard let spec = entry[marker] as? [String: Any] else { continue }
                    let text = spec["text"] as? String ?? "", times = spec["times"] as? Int ?? 0
                    let expanded = Array(repeating: text, count: times).joined(separator: spec["separator"] as? String ?? "")
                    content = content.replacingOccurrences(of: "@\(marker.uppercased())@", with: expanded)
                }
                bytes = Array(content.utf8)
            }
            return BadInput(
                name: entry["name"] as? String ?? "?", bytes: bytes, roster: entry["roster"] as? String,
                arguments: entry["args"] as? [String] ?? ["solve", "p.json"],
                standardInput: entry["stdin"] as? String, directory: entry["mkdir"] as? String,
                error: entry["error"] as? String ?? "?")
        }
    }()
}

/// Every bad input of the catalogue: exit status 2, exactly the expected
/// one-line error on stderr, nothing on stdout, and nothing written, not
/// even a temporary file, although `--output` names a file (`--out` a
/// directory, for `build`).
@Suite struct BadInputCatalogueTests {
    @Test func theCatalogueHasAtLeastFortyCases() {
        #expect(BadInput.catalogue.count >= 40)
        #expect(Set(BadInput.catalogue.map(\.name)).count == BadInput.catalogue.count, "case names are unique")
    }

    @Test(arguments: BadInput.catalogue)
    func badInputGivesOneLocatedLineAndWritesNothing(_ input: BadInput) throws {
        let directory = try ReviewProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        if let bytes = input.bytes {
            try Data(bytes).write(to: directory.appendingPathComponent("p.json"))
        }
        if let roster = input.roster {
            try Data(roster.utf8).write(to: directory.appendingPathComponent("roster.csv"))
        }
        if let name = input.directory {
            try FileManager.default.createDirectory(
                at: directory.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        let before = try Set(FileManager.default.contentsOfDirectory(atPath: directory.path))

        // `build` writes a directory (`--out`); the other commands a file.
        let output = input.arguments.first == "build" ? ["--out", "out"] : ["--output", "out.txt"]
        let run = try ReviewProcess.run(input.arguments + output, stdin: input.standardInput, in: directory)

        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr == "review: error: \(input.error)\n")
        let after = try Set(FileManager.default.contentsOfDirectory(atPath: directory.path))
        #expect(after == before, "no output and no temporary file is left behind")
    }
}
