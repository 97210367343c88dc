import Foundation
import Testing

/// Patterns that crash or fail silently on a write, kept out of `Sources/`
/// by reading the code: a crash on a full disk or a closed pipe is found by
/// no ordinary test run, so it is ruled out here. `StandardStreams.write`
/// is the one way to standard output and standard error.
@Suite struct SourceSafetyTests {
    struct Rule: CustomStringConvertible {
        var name: String
        var pattern: String
        /// Folders under `Sources/` the rule covers (all when empty).
        var only: [String] = []
        var description: String { name }
    }

    static let rules = [
        // Any failure becomes a trap with a backtrace instead of an error line.
        Rule(name: "try!", pattern: #"try!"#),
        // FileHandle.write traps when the write fails (closed, full or broken stream).
        Rule(name: "FileHandle write to stdout/stderr", pattern: #"FileHandle\.standard(Output|Error)\.write"#),
        // A force-unwrap on the result of an I/O call traps when the call fails.
        Rule(
            name: "force-unwrap on an I/O call",
            pattern: #"(FileHandle\(|fopen\(|fdopen\(|readToEnd|readDataToEndOfFile|upToCount|(Data|String)\(contentsOf|contentsOfDirectory)([^\n]*[\w)\]])?!(?!=)"#),
        // print fails silently: `review topics >/dev/full` used to exit 0.
        // review-bench is a developer's tool run at a terminal.
        Rule(name: "print", pattern: #"(^|\W)print\("#, only: ["review", "ReviewKit"]),
    ]

    /// Every Swift file under `Sources/`, path relative to it → its lines.
    static func sources() throws -> [(path: String, lines: [Substring])] {
        let root = ReviewProcess.packageRoot.appendingPathComponent("Sources")
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        var files: [(String, [Substring])] = []
        while let path = enumerator?.nextObject() as? String {
            guard path.hasSuffix(".swift") else { continue }
            let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
            files.append((path, text.split(separator: "\n", omittingEmptySubsequences: false)))
        }
        #expect(files.count > 50, "found the sources")
        return files.sorted { $0.0 < $1.0 }
    }

    @Test(arguments: rules)
    func noSourceBreaksTheRule(rule: Rule) throws {
        let regex = try NSRegularExpression(pattern: rule.pattern)
        var found: [String] = []
        for (path, lines) in try Self.sources() {
            if !rule.only.isEmpty, !rule.only.contains(where: { path.hasPrefix($0 + "/") }) { continue }
            for (number, line) in lines.enumerated() {
                let code = String(line.split(separator: "//", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
                if regex.firstMatch(in: code, range: NSRange(code.startIndex..., in: code)) != nil {
                    found.append("Sources/\(path):\(number + 1): \(line.trimmingCharacters(in: .whitespaces))")
                }
            }
        }
        #expect(found.isEmpty, "\(rule.name):\n\(found.joined(separator: "\n"))")
    }
}
