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

func seconds(_ elapsed: Duration) -> Double {
    Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
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

/// One line per target of issues 15 and 21: what was measured and whether it is met.
var verdicts: [(target: String, measured: String, met: Bool)] = []
@MainActor func verdict(_ target: String, _ measured: String, _ met: Bool) {
    verdicts.append((target, measured, met))
}

let problemsPerCase = quick ? 100 : 1_000
let widths = [10, 6, 12, 12, 9, 10, 4, 11, 8, 4]
print("Per worked problem (gen + solve + sheet of one problem), over \(problemsPerCase) problems in one process:\n")
print(row(["topic", "format", "per problem", "target", "met", "cmark floor", "", "× floor", "target", "met"], widths: widths))

/// The most a sheet may cost per problem (issue 21), nil for a format without a target.
func absoluteTarget(_ format: OutputFormat) -> Double? {
    switch format {
    case .md: 150e-6
    case .html: 300e-6
    case .latex, .json: nil
    }
}
/// The most a sheet may cost in multiples of the cmark floor (issue 15's
/// targets); nil for a format without one.
func floorTarget(_ format: OutputFormat) -> Double? {
    switch format {
    case .html: 3
    case .md: 2
    case .latex, .json: nil
    }
}
var missedAbsolute: [String] = [], missedFloor: [String] = []
var seed: UInt64 = 1
for topic in TopicRegistry.names {
    for format in OutputFormat.allCases {
        var options = Sheet.Options()
        options.format = format
        options.seed = 1
        // Warm the caches (templates, fonts) as a build would, then time
        // `problemsPerCase` fresh problems in a row.
        _ = Sheet(problems: try ProblemSolver.generate(topic: topic, count: 1, seed: 0, difficulty: .standard), options: options).render()
        let start = clock.now
        for _ in 0..<problemsPerCase {
            seed &+= 1
            let problems = try ProblemSolver.generate(topic: topic, count: 1, seed: seed, difficulty: .standard)
            _ = Sheet(problems: problems, options: options).render()
        }
        let perProblem = seconds(clock.now - start) / Double(problemsPerCase)
        var markdownOptions = options
        markdownOptions.format = .md
        let markdown = Sheet(problems: try ProblemSolver.generate(topic: topic, count: 1, seed: 1, difficulty: .standard),
                             options: markdownOptions).render()
        let floor = format == .json ? nil : measure { _ = CMarkFloor.render(markdown, as: format) }
        let ratio = floor.map { perProblem / $0 }
        let target = absoluteTarget(format), ratioTarget = floorTarget(format)
        let met = target.map { perProblem <= $0 }
        let ratioMet = ratio.flatMap { ratio in ratioTarget.map { ratio <= $0 } }
        if met == false { missedAbsolute.append("\(topic) \(format.rawValue)") }
        if ratioMet == false { missedFloor.append("\(topic) \(format.rawValue)") }
        print(row([
            topic, format.rawValue, duration(perProblem), target.map { "≤ " + duration($0) } ?? "—",
            met.map { $0 ? "yes" : "no" } ?? "—", floor.map(duration) ?? "—", "",
            ratio.map { String(format: "%.2f×", $0) } ?? "—", ratioTarget.map { String(format: "≤ %.0f×", $0) } ?? "—",
            ratioMet.map { $0 ? "yes" : "no" } ?? "—",
        ], widths: widths))
    }
}
verdict("every topic: md ≤ 150 µs, html ≤ 300 µs per problem",
    missedAbsolute.isEmpty ? "all met" : "missed: " + missedAbsolute.joined(separator: ", "), missedAbsolute.isEmpty)
verdict("every topic: md ≤ 2×, html ≤ 3× the cmark floor",
    missedFloor.isEmpty ? "all met" : "missed: " + missedFloor.joined(separator: ", "), missedFloor.isEmpty)

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
    guard status == 0 else {
        print("review-bench: `review \(arguments.joined(separator: " "))` failed (status \(status))")
        throw CocoaError(.executableLoad)
    }
    return (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18, usage.ru_maxrss)
}


print("\ncommand                                                   wall time   peak memory")
func report(_ label: String, _ run: (seconds: Double, peakKiB: Int)) {
    print(label.padding(toLength: 58, withPad: " ", startingAt: 0)
        + duration(run.seconds).padding(toLength: 12, withPad: " ", startingAt: 0)
        + String(format: "%.0f MB", Double(run.peakKiB) / 1024))
}
/// The best of `runs` runs (wall time), with that run's peak memory.
func best(_ arguments: [String], runs: Int) throws -> (seconds: Double, peakKiB: Int) {
    try (0..<runs).map { _ in try measureProcess(arguments) }.min { $0.seconds < $1.seconds }!
}

let coldStart = try best(["gen", "--topic", "backprop"], runs: quick ? 5 : 20)
report("review gen --topic backprop (cold start)", coldStart)
verdict("cold start of review gen --topic backprop < 15 ms", duration(coldStart.seconds), coldStart.seconds < 0.015)

/// A class handout: `students` × the five core topics, `perTopic` problems each.
func classHandout(students: Int, perTopic: Int) throws -> String {
    let file = scratch.appendingPathComponent("class-\(students)x\(perTopic).json")
    let sections = ["backprop", "conv", "gcn", "bellman", "softmax"].map { #"{"topic": "\#($0)", "count": \#(perTopic)}"# }
    try """
        {"title": "Benchmark", "seed": 1, "students": \(students), "formats": ["html", "md"],
         "sections": [\(sections.joined(separator: ", "))]}
        """.write(toFile: file.path, atomically: true, encoding: .utf8)
    return file.path
}
func build(_ handout: String, into name: String, jobs: Int? = nil, runs: Int) throws -> (seconds: Double, peakKiB: Int) {
    let out = scratch.appendingPathComponent(name).path
    return try best(["build", handout, "--out", out, "--force"] + (jobs.map { ["--jobs", String($0)] } ?? []), runs: runs)
}

let classOf300 = try classHandout(students: 300, perTopic: 2)
let parallel = try build(classOf300, into: "class300", runs: quick ? 1 : 3)
report("review build: 300 students × 10 problems, html + md", parallel)
verdict("review build, 300 students × 10 problems, html + md < 1 s", duration(parallel.seconds), parallel.seconds < 1)
let serial = try build(classOf300, into: "class300-serial", jobs: 1, runs: 1)
report("the same with --jobs 1", serial)
let identical = try sameFiles(scratch.appendingPathComponent("class300").path, scratch.appendingPathComponent("class300-serial").path)
verdict("the build is byte-identical to a --jobs 1 build", identical ? "identical" : "differs", identical)

// Cost grows linearly: 10× the students or 10× the problems costs at
// most 11× the time, and memory stays flat (students are written as they
// are made; only their answers are kept for the key).
// (A handout takes at most 999 students, so classes of 99 and 990.)
let small = try build(try classHandout(students: 30, perTopic: 2), into: "class30", runs: quick ? 1 : 3)
report("review build: 30 students × 10 problems", small)
let moreProblems = try build(try classHandout(students: 30, perTopic: 20), into: "class30x100", runs: quick ? 1 : 2)
report("review build: 30 students × 100 problems", moreProblems)
let fewStudents = try build(try classHandout(students: 99, perTopic: 2), into: "class99", runs: quick ? 1 : 2)
report("review build: 99 students × 10 problems", fewStudents)
let moreStudents = try build(try classHandout(students: 990, perTopic: 2), into: "class990", runs: 1)
report("review build: 990 students × 10 problems", moreStudents)
let studentGrowth = moreStudents.seconds / fewStudents.seconds, problemGrowth = moreProblems.seconds / small.seconds
verdict("10× the students (99 → 990) costs ≤ 11× the time", String(format: "%.1f×", studentGrowth), studentGrowth <= 11)
verdict("10× the problems (10 → 100 per student) costs ≤ 11× the time", String(format: "%.1f×", problemGrowth), problemGrowth <= 11)
let memoryGrowth = Double(moreStudents.peakKiB) / Double(fewStudents.peakKiB)
verdict("memory flat: peak at 990 students ≤ 1.5× the peak at 99",
    String(format: "%.0f MB → %.0f MB (%.2f×)", Double(fewStudents.peakKiB) / 1024, Double(moreStudents.peakKiB) / 1024, memoryGrowth),
    memoryGrowth <= 1.5)

/// Whether two directory trees hold the same files with the same bytes.
func sameFiles(_ a: String, _ b: String) throws -> Bool {
    let manager = FileManager.default
    let left = try manager.subpathsOfDirectory(atPath: a).sorted(), right = try manager.subpathsOfDirectory(atPath: b).sorted()
    guard left == right else { return false }
    for path in left {
        var isDirectory: ObjCBool = false
        _ = manager.fileExists(atPath: a + "/" + path, isDirectory: &isDirectory)
        if isDirectory.boolValue { continue }
        guard manager.contents(atPath: a + "/" + path) == manager.contents(atPath: b + "/" + path) else { return false }
    }
    return true
}

// MARK: - Scaling: cost should grow linearly with size

func solveTime(_ json: String, format: OutputFormat, name: String) throws -> Double {
    let file = scratch.appendingPathComponent("\(name).json")
    try json.write(to: file, atomically: true, encoding: .utf8)
    var options = Sheet.Options()
    options.format = format
    return try measure(budget: .milliseconds(quick ? 200 : 1000)) {
        _ = Sheet(problems: try ProblemSolver.solve(files: [file.path], forSheets: format != .json), options: options).render()
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
    if let previous {
        verdict("a 10× longer backprop expression costs ≤ 11× the time", String(format: "%.1f×", time / previous), time / previous <= 11)
    }
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

// MARK: - Targets

print("\ntargets (issues 15 and 21)")
for (target, measured, met) in verdicts {
    print("  [\(met ? "met" : "NOT met")] \(target): \(measured)")
}
