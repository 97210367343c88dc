import Foundation
import Testing
import Yams
@testable import ReviewKit

/// YAML problem and handout files: the same problems, defaults and answers
/// as JSON, and located errors with the path and the line and column.
@Suite struct YAMLInputTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("problems")

    /// A JSON value as the plain Swift values Yams writes (block style).
    private func plain(_ value: JSONValue) -> Any {
        switch value.kind {
        case .null: return NSNull()
        case .bool(let b): return b
        case .number(let x, _): return x == x.rounded() && abs(x) < 1e15 ? Int(x) as Any : x
        case .string(let s): return s
        case .array(let items): return items.map(plain)
        case .object(let members):
            // Yams keeps a mapping's order when given pairs in order.
            return members.map { ($0.key, plain($0.value)) }
        }
    }

    private func yaml(_ value: JSONValue) throws -> String {
        func node(_ value: JSONValue) -> Node {
            switch value.kind {
            case .null: return Node("null", Tag(.null))
            case .bool(let b): return Node(b ? "true" : "false", Tag(.bool))
            case .number(_, let literal): return Node(literal, Tag(.float))
            case .string(let s): return Node(s, Tag(.str), .doubleQuoted)
            case .array(let items): return Node(items.map(node))
            case .object(let members): return Node(members.map { (Node($0.key), node($0.value)) })
            }
        }
        return try Yams.serialize(node: node(value))
    }

    /// Every example problem file, written as block YAML, solves to the
    /// same answers.
    @Test func everyExampleSolvesTheSameAsYAML() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
            .filter { $0.hasSuffix(".json") && !$0.hasPrefix("handout") }.sorted()
        #expect(files.count > 10)
        for file in files {
            let bytes = [UInt8](try Data(contentsOf: Self.folder.appendingPathComponent(file)))
            let fromJSON = try ProblemSolver.solve(bytes: bytes, source: ProblemSource(path: file), forSheets: false)
            let text = try yaml(try JSONParser.parse(bytes))
            let name = file.replacingOccurrences(of: ".json", with: ".yaml")
            let fromYAML = try ProblemSolver.solve(bytes: Array(text.utf8), source: ProblemSource(path: name), forSheets: false)
            #expect(fromYAML.map(\.answers) == fromJSON.map(\.answers), "\(file)")
            #expect(fromYAML.map(\.problem) == fromJSON.map(\.problem), "\(file)")
        }
    }

    @Test func handWrittenYAMLWithCommentsAndPlainScalars() throws {
        let text = """
            # the notes' classic
            topic: backprop
            expression: f = x*(x+y)   # plain, no quotes
            values: {x: 2, y: 1}
            """
        let problem = try #require(try ProblemSolver.solve(bytes: Array(text.utf8), source: ProblemSource(path: "p.yml")).first)
        #expect(problem.answers == JSONValue.object([
            ("value", .number(6)), ("gradient", .object([("x", .number(5)), ("y", .number(2))])),
        ]))
    }

    @Test(arguments: [
        ("topic: conv\ninput: [32, 32, 3]\nlayers:\n  - type: conv\n    filters: 6\n    kernel: 0\n",
         "c.yaml: layers[0].kernel (line 6, column 13): must be a positive integer, got 0"),
        ("topic: softmax\nlogits: [2, 1]\nlogits: [3]\ntarget: 0\n", "c.yaml: line 3, column 1: duplicate key \"logits\""),
        ("topic: softmax\nlogits: [2, .nan]\ntarget: 0\n", "c.yaml: line 2, column 13: .nan is not a finite number"),
        ("topic: softmax\nlogits: [2, 1\n", "c.yaml: line 3, column 1: YAML: did not find expected ',' or ']'"),
        ("? [a, b]\n: 1\n", "c.yaml: line 1, column 3: a key must be a plain name, not a list or mapping"),
        (String(repeating: "[", count: 600), "c.yaml: line 1, column 1: nested too deeply (more than 512 levels)"),
        ("", "c.yaml: the file is empty"),
    ])
    func badYAMLIsLocated(_ text: String, _ message: String) {
        #expect(errorLine(yaml: text) == message)
    }

    /// A "billion laughs" file: aliases that would expand to 9^12 values.
    @Test func aliasBombsAreRefusedQuickly() {
        var text = "a: &a [x, x, x, x, x, x, x, x, x]\n"
        var previous = "a"
        for i in 1...11 {
            text += "l\(i): &l\(i) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
            previous = "l\(i)"
        }
        #expect(errorLine(yaml: text)?.contains("aliases expand to too much") == true)
    }

    private func errorLine(yaml text: String) -> String? {
        do {
            _ = try ProblemSolver.solve(bytes: Array(text.utf8), source: ProblemSource(path: "c.yaml"))
            return nil
        } catch let error as ProblemFileError {
            return error.description
        } catch {
            return "unexpected: \(error)"
        }
    }
}
