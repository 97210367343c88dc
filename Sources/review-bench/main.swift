import Foundation
import ReviewKit

// review-bench: how fast review is, in a release build.
//
//   swift run -c release review-bench [--quick]
//
// For each topic and format: worked problems per second (gen + solve +
// render) and the time cmark alone needs to render the same Markdown to the
// same format (the floor), with their ratio. Then the scaling cases.
// Prints a table; see README "Performance" for recorded figures.

let quick = CommandLine.arguments.contains("--quick")
let clock = ContinuousClock()

/// Runs `body` repeatedly for at least `budget` and returns seconds per call
/// (the best of three rounds, to shrug off a busy machine).
func measure(budget: Duration = .milliseconds(quick ? 60 : 400), _ body: () throws -> Void) rethrows -> Double {
    var best = Double.infinity
    for _ in 0..<3 {
        var calls = 0
        let start = clock.now
        repeat {
            try body()
            calls += 1
        } while clock.now - start < budget
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        best = min(best, seconds / Double(calls))
    }
    return best
}

func row(_ cells: [String], widths: [Int]) -> String {
    zip(cells, widths).map { cell, width in
        cell.count >= width ? cell : cell + String(repeating: " ", count: width - cell.count)
    }.joined(separator: "  ")
}

func duration(_ seconds: Double) -> String {
    seconds >= 1 ? String(format: "%.2f s", seconds)
        : seconds >= 1e-3 ? String(format: "%.2f ms", seconds * 1e3) : String(format: "%.1f µs", seconds * 1e6)
}

print("review-bench (\(quick ? "quick" : "full") run, \(ProcessInfo.processInfo.activeProcessorCount) cores)\n")
let widths = [9, 6, 14, 12, 12, 7]
print(row(["topic", "format", "problems/s", "per problem", "cmark floor", "ratio"], widths: widths))
var seed: UInt64 = 1
for topic in TopicRegistry.names {
    for format in OutputFormat.allCases {
        var options = Sheet.Options()
        options.format = format
        options.seed = 1
        let perProblem = try measure {
            seed &+= 1
            let problems = try Workbook.generate(topic: topic, count: 1, seed: seed, difficulty: .standard)
            _ = Sheet(problems: problems, options: options).render()
        }
        var markdownOptions = options
        markdownOptions.format = .md
        let markdown = Sheet(problems: try Workbook.generate(topic: topic, count: 1, seed: 1, difficulty: .standard),
                             options: markdownOptions).render()
        let floor = format == .json ? nil : measure { _ = CMarkFloor.render(markdown, as: format) }
        print(row([
            topic, format.rawValue, String(format: "%.0f", 1 / perProblem), duration(perProblem),
            floor.map(duration) ?? "—", floor.map { String(format: "%.2f×", perProblem / $0) } ?? "—",
        ], widths: widths))
    }
}
