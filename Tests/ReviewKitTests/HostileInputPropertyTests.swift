import Foundation
import Testing
@testable import ReviewKit

/// Whatever arrives, `review` answers with a worked problem or a located
/// `ProblemFileError`: never a trap, never another error type, never a
/// non-finite answer. Each test draws thousands of inputs from a fixed seed.
@Suite struct HostileInputPropertyTests {
    /// Solves `bytes` as a file; records an issue for anything but success or
    /// a `ProblemFileError`, and for a non-finite answer; renders every format.
    func check(_ bytes: [UInt8], _ note: @autoclosure () -> String) {
        do {
            let problems = try ProblemSolver.solve(bytes: bytes, source: ProblemSource(displayName: "p.json", stem: "p"))
            for problem in problems {
                #expect(FiniteCheck.isFinite(problem.answers), "non-finite answer for \(note())")
            }
            for format in OutputFormat.allCases {
                var options = Sheet.Options()
                options.format = format
                #expect(!Sheet(problems: problems, options: options).render().isEmpty)
            }
        } catch let error as ProblemFileError {
            #expect(!error.description.isEmpty)
            #expect(error.file == "p.json")
        } catch {
            Issue.record("not a located error for \(note()): \(error)")
        }
    }

    @Test func randomBytesGiveAResultOrALocatedError() {
        var random = PropertyRandom(state: 1)
        let alphabet = Array("{}[],:\"\\ 0123456789.-+eE truefalsn\n\tπ\u{E000}".utf8)
        for _ in 0..<3000 {
            let count = random.below(120)
            let bytes: [UInt8] = (0..<count).map { _ in
                random.below(4) == 0 ? UInt8(random.below(256)) : random.pick(alphabet)
            }
            check(bytes, "bytes \(bytes)")
        }
    }

    @Test func randomProblemsGiveAResultOrALocatedError() {
        var random = PropertyRandom(state: 2)
        for _ in 0..<3000 {
            var members: [(String, JSONValue)] = [("topic", .string(random.pick(TopicRegistry.names + ["gnc", ""])))]
            for _ in 0..<random.below(6) {
                members.append((random.pick(Self.vocabulary), randomValue(&random, depth: 3)))
            }
            let text = JSONWriter.compact(.object(Self.unique(members)))
            check(Array(text.utf8), text)
        }
    }

    /// The course's own problem files, each leaf replaced in turn by hostile
    /// values: the structure stays plausible, so decoding and solving get far.
    @Test func mutatedProblemFilesGiveAResultOrALocatedError() throws {
        var random = PropertyRandom(state: 3)
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("problems")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
        #expect(files.count >= 20)
        for file in files {
            let original = try JSONParser.parse([UInt8](Data(contentsOf: folder.appendingPathComponent(file))))
            for _ in 0..<60 {
                var value = original
                mutate(&value, &random)
                let text = JSONWriter.compact(value)
                check(Array(text.utf8), "\(file) mutated: \(text)")
            }
        }
    }

    // MARK: Generators

    static let vocabulary = [
        "expression", "values", "wrt", "input", "layers", "type", "filters", "kernel", "stride", "padding",
        "dilation", "bias", "units", "mode", "adjacency", "edges", "nodes", "features", "weights", "directed",
        "self_loops", "normalization", "activation", "q", "updates", "alpha", "gamma", "rule", "logits", "target",
        "temperature", "reduction", "title", "statement", "id", "state", "action", "reward", "next_state",
    ]

    static let hostileNumbers: [Double] = [
        0, -0.0, 1, -1, 2, 0.5, 3, 1e308, -1e308, 1.7976931348623157e308, 5e-324, 1e-300, 9007199254740993,
        1e18, -9.2e18, 4294967296, 1000, 1001, 100, 101,
    ]

    static let hostileStrings = [
        "", "x", "x*(x+y)", "same", "valid", "max", "relu", "q-learning", "sarsa", "symmetric", "row", "none",
        "conv", "pool", "fc", "<script>", "$\\input{x}$", "%", "s1", "\u{E000}0\u{E001}", "log(x)", "exp(x)^x",
    ]

    func randomValue(_ random: inout PropertyRandom, depth: Int) -> JSONValue {
        switch random.below(depth > 0 ? 7 : 4) {
        case 0: return .number(random.pick(Self.hostileNumbers))
        case 1: return .string(random.pick(Self.hostileStrings))
        case 2: return random.below(2) == 0 ? .bool(random.below(2) == 0) : .null
        case 3: return .number(Double(random.below(7)) - 2)
        case 4, 5:
            return .array((0..<random.below(5)).map { _ in randomValue(&random, depth: depth - 1) })
        default:
            let members = (0..<random.below(4)).map { _ in
                (random.pick(Self.vocabulary + Self.hostileStrings), randomValue(&random, depth: depth - 1))
            }
            return .object(Self.unique(members))
        }
    }

    /// Replaces one random leaf (or container) of `value`.
    func mutate(_ value: inout JSONValue, _ random: inout PropertyRandom) {
        switch value.kind {
        case .array(var items) where !items.isEmpty && random.below(5) != 0:
            let i = random.below(items.count)
            if random.below(8) == 0 { items.remove(at: i) } else { mutate(&items[i], &random) }
            value = .array(items)
        case .object(var members) where !members.isEmpty && random.below(5) != 0:
            let i = random.below(members.count)
            if random.below(10) == 0 { members.remove(at: i) } else { mutate(&members[i].value, &random) }
            value = JSONValue(.object(members))
        default:
            value = randomValue(&random, depth: 2)
        }
    }

    /// Keeps the first of each key (the parser rejects duplicate keys, so
    /// a file with them never reaches the decoders).
    static func unique(_ members: [(String, JSONValue)]) -> [(String, JSONValue)] {
        var seen: Set<String> = []
        return members.filter { seen.insert($0.0).inserted }
    }
}
