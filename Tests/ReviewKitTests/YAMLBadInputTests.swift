import Foundation
import Testing
import Yams
@testable import ReviewKit

/// Every bad problem of the CLI's bad-input catalogue
/// (`Tests/ReviewCLITests/BadInputs/catalogue.json`) that can be written in
/// YAML — it is well-formed JSON and its mistake is in the data, not the
/// syntax — gives the same error at the same path when written as block
/// YAML, with the line and column added.
@Suite struct YAMLBadInputTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var json: String
        var error: String
        var testDescription: String { name }
    }

    static let cases: [Case] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("ReviewCLITests/BadInputs/catalogue.json")
        guard let data = try? Data(contentsOf: url),
              let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let entries = root["cases"] as? [[String: Any]]
        else { return [] }
        return entries.compactMap { entry in
            guard entry["args"] == nil, entry["repeat"] == nil, entry["stdin"] == nil, entry["hex"] == nil,
                  let content = entry["content"] as? String, let error = entry["error"] as? String,
                  !error.contains(": line "), (try? JSONParser.parse(Array(content.utf8))) != nil
            else { return nil }
            return Case(name: entry["name"] as? String ?? "?", json: content, error: error)
        }
    }()

    /// Block-style YAML of a JSON value, strings double-quoted so every
    /// character survives.
    static func yaml(_ value: JSONValue) throws -> String {
        func node(_ value: JSONValue) -> Node {
            switch value.kind {
            case .null: return Node("null", Tag(.null))
            case .bool(let b): return Node(b ? "true" : "false", Tag(.bool))
            case .number(_, let literal): return Node(literal, Tag(.float))
            case .string(let s): return Node(s, Tag(.str), .doubleQuoted)
            case .array(let items): return Node(items.map(node))
            case .object(let members): return Node(members.map { (Node($0.key, Tag(.str), .doubleQuoted), node($0.value)) })
            }
        }
        return try Yams.serialize(node: node(value))
    }

    @Test func theCatalogueHasYAMLCases() {
        #expect(Self.cases.count >= 30)
    }

    @Test(arguments: cases)
    func theSameMistakeInYAMLHasTheSamePathAndMessage(_ item: Case) throws {
        let text = try Self.yaml(try JSONParser.parse(Array(item.json.utf8)))
        var line: String
        do {
            _ = try ProblemSolver.solve(bytes: Array(text.utf8), source: ProblemSource(path: "p.yaml"))
            line = "no error"
        } catch let error as ProblemFileError {
            line = ErrorLine.clean(error.description)  // as the CLI prints it
        }
        // `p.yaml: layers[0].kernel (line 6, column 13): …` reads as the JSON line without the position.
        let withoutPosition = line.replacingOccurrences(
            of: #" \(line \d+, column \d+\)"#, with: "", options: .regularExpression)
        #expect(withoutPosition == item.error.replacingOccurrences(of: "p.json", with: "p.yaml"), "YAML:\n\(text)")
    }
}
