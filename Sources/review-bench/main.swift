import Foundation
import ReviewKit

// review-bench: how fast review is, in a release build.
//
//   swift run -c release review-bench [--quick]
//
// For each topic and format: worked problems per second (gen + solve +
// render) and the time cmark alone needs to render the same Markdown to the
// same format (the floor), with their ratio and, where the issue sets one,
// its target (HTML at most 3× the floor, Markdown at most 2×) and whether it
// is met. Then the scaling cases.
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
let widths = [9, 6, 14, 12, 12, 7, 7, 4]
print(row(["topic", "format", "problems/s", "per problem", "cmark floor", "ratio", "target", "met"], widths: widths))

/// The most a sheet may cost in multiples of the cmark floor (issue 15's
/// targets); nil for a format without one.
func floorTarget(_ format: OutputFormat) -> Double? {
    switch format {
    case .html: 3
    case .md: 2
    case .latex, .json: nil
    }
}
var missed: [String] = []
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
        let ratio = floor.map { perProblem / $0 }
        let target = floorTarget(format)
        let met = ratio.flatMap { ratio in target.map { ratio <= $0 } }
        if met == false { missed.append("\(topic) \(format.rawValue)") }
        print(row([
            topic, format.rawValue, String(format: "%.0f", 1 / perProblem), duration(perProblem),
            floor.map(duration) ?? "—", ratio.map { String(format: "%.2f×", $0) } ?? "—",
            target.map { String(format: "≤ %.0f×", $0) } ?? "—", met.map { $0 ? "yes" : "no" } ?? "—",
        ], widths: widths))
    }
}

print(missed.isEmpty ? "\nevery floor target met" : "\nfloor targets missed: " + missed.joined(separator: ", "))

// MARK: - Whole commands, as processes

/// The `review` binary next to this benchmark (same build configuration).
let reviewBinary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    .appendingPathComponent("review").path
let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("review-bench-\(getpid())")
try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: scratch) }

/// Wall time and peak resident memory (the child's `ru_maxrss`, in KiB,
/// from `wait4`) of one run of `review arguments…`, started with
/// posix_spawn and reaped with wait4: Foundation's `Process` polls for the
/// child's exit and would add tens of milliseconds to a cold start.
func measureProcess(_ arguments: [String]) throws -> (seconds: Double, peakKiB: Int) {
    let argv = ([reviewBinary] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    defer { posix_spawn_file_actions_destroy(&actions) }
    var pid: pid_t = 0
    let start = clock.now
    guard posix_spawn(&pid, reviewBinary, &actions, nil, argv, environ) == 0 else { throw CocoaError(.executableLoad) }
    var status: Int32 = 0
    var usage = rusage()
    wait4(pid, &status, 0, &usage)
    let elapsed = clock.now - start
    guard status == 0 else { throw CocoaError(.executableLoad) }
    return (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18, usage.ru_maxrss)
}

/// The best wall time of `runs` runs.
func timeProcess(_ arguments: [String], runs: Int) throws -> Double {
    try (0..<runs).map { _ in try measureProcess(arguments).seconds }.min() ?? .infinity
}

print("\ncommand                                              wall time")
let coldStart = try timeProcess(["gen", "--topic", "backprop"], runs: quick ? 5 : 20)
print("review gen --topic backprop (cold start)             \(duration(coldStart))")

let handout = scratch.appendingPathComponent("class.json")
try """
    {"title": "Benchmark", "seed": 1, "students": 300, "formats": ["html", "md"],
     "sections": [{"topic": "backprop", "count": 2}, {"topic": "conv", "count": 2}, {"topic": "gcn", "count": 2},
                  {"topic": "bellman", "count": 2}, {"topic": "softmax", "count": 2}]}
    """.write(to: handout, atomically: true, encoding: .utf8)
let buildTime = try timeProcess(
    ["build", handout.path, "--out", scratch.appendingPathComponent("out").path, "--force"], runs: quick ? 1 : 3)
print("review build: 300 students × 10 problems, html + md    \(duration(buildTime))")

// Memory stays flat across class sizes: students are written as they are
// made, so the peak is a few students' sheets plus every student's answers.
print("\nclass build (html + md, 100 problems each)           wall time   peak memory")
for students in quick ? [100, 999] : [10, 100, 999] {
    let file = scratch.appendingPathComponent("class\(students).json")
    try """
        {"title": "Memory", "seed": 1, "students": \(students), "formats": ["html", "md"],
         "sections": [{"topic": "backprop", "count": 20}, {"topic": "conv", "count": 20}, {"topic": "gcn", "count": 20},
                      {"topic": "bellman", "count": 20}, {"topic": "softmax", "count": 20}]}
        """.write(to: file, atomically: true, encoding: .utf8)
    let run = try measureProcess(
        ["build", file.path, "--out", scratch.appendingPathComponent("class\(students)").path, "--force"])
    print("review build: \(students) students".padding(toLength: 53, withPad: " ", startingAt: 0)
        + duration(run.seconds).padding(toLength: 12, withPad: " ", startingAt: 0)
        + String(format: "%.0f MB", Double(run.peakKiB) / 1024))
}

// MARK: - Scaling: cost should grow linearly with size

func solveTime(_ json: String, format: OutputFormat, name: String) throws -> Double {
    let file = scratch.appendingPathComponent("\(name).json")
    try json.write(to: file, atomically: true, encoding: .utf8)
    var options = Sheet.Options()
    options.format = format
    return try measure(budget: .milliseconds(quick ? 200 : 1000)) {
        _ = Sheet(problems: try Workbook.solve(files: [file.path], forSheets: format != .json), options: options).render()
    }
}

func chain(_ terms: Int) -> String {
    // x*y + x*y + …: 3 parse nodes per term plus the additions.
    (0..<terms).map { _ in "x*y" }.joined(separator: "+")
}

print("\nscaling case                                  format  time")
var previous: Double?
for nodes in [10_000, 100_000] {
    let json = #"{"topic": "backprop", "expression": "\#(chain(nodes / 4))", "values": {"x": 1.5, "y": -2}}"#
    let time = try solveTime(json, format: .json, name: "expr\(nodes)")
    let growth = previous.map { String(format: "  (%.1f× for 10× the nodes)", time / $0) } ?? ""
    print("backprop expression, \(nodes) nodes".padding(toLength: 46, withPad: " ", startingAt: 0) + "json    \(duration(time))\(growth)")
    previous = time
}
let layers = (0..<200).map { i in i % 2 == 0 ? #"{"type": "conv", "filters": 8, "kernel": 3, "padding": "same"}"# : #"{"type": "conv", "filters": 8, "kernel": 3, "padding": 1}"# }
let conv = #"{"topic": "conv", "input": [32, 32, 3], "layers": [\#(layers.joined(separator: ", "))]}"#
for format in [OutputFormat.json, .html] {
    print("conv stack, 200 layers".padding(toLength: 46, withPad: " ", startingAt: 0)
        + "\(format.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0))\(duration(try solveTime(conv, format: format, name: "conv200")))")
}
/// A ring of `n` nodes with two features each.
func ring(_ n: Int) -> String {
    let edges = (0..<n).map { "[\($0), \(($0 + 1) % n)]" }.joined(separator: ", ")
    let features = (0..<n).map { "[\($0 % 3), \(($0 + 1) % 2)]" }.joined(separator: ", ")
    return #"{"topic": "gcn", "nodes": \#(n), "edges": [\#(edges)], "features": [\#(features)], "weights": [[1, -1], [2, 0]]}"#
}
// Worked sheets stop at 100 nodes (every n×n matrix is written out); JSON goes on.
for (n, format) in [(200, OutputFormat.json), (100, .html)] {
    print("gcn, \(n) nodes".padding(toLength: 46, withPad: " ", startingAt: 0)
        + "\(format.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0))\(duration(try solveTime(ring(n), format: format, name: "gcn\(n)")))")
}
let rows = (0..<1000).map { i in "[\(Double(i % 7) / 2), \(Double(i % 5) - 2), 0.5]" }.joined(separator: ", ")
let targets = (0..<1000).map { String($0 % 3) }.joined(separator: ", ")
let softmax = #"{"topic": "softmax", "logits": [\#(rows)], "target": [\#(targets)]}"#
for format in [OutputFormat.json, .html] {
    print("softmax, batch of 1000 rows".padding(toLength: 46, withPad: " ", startingAt: 0)
        + "\(format.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0))\(duration(try solveTime(softmax, format: format, name: "softmax1000")))")
}
