import Foundation
import Testing
@testable import ReviewKit

/// Issue 16, item 10: no exercise twice on one sheet or one student's
/// handout, easy gcn with more than a handful of graphs, no degenerate gcn
/// draw, hard gcn still small.
@Suite struct SheetVarietyTests {
    @Test(arguments: TopicRegistry.names)
    func aGeneratedSheetNeverRepeatsAnExercise(topic: String) throws {
        for difficulty in Difficulty.allCases {
            for seed: UInt64 in 1...12 {
                let problems = try ProblemSolver.generate(topic: topic, count: 4, seed: seed, difficulty: difficulty)
                let keys = problems.map { $0.repetitionKey() }
                #expect(Set(keys).count == keys.count, "\(topic) \(difficulty.rawValue) seed \(seed): \(keys)")
            }
        }
    }

    /// The same exercise whatever the spacing, output name, values or variable names.
    @Test func backpropRepetitionIsTheExpressionsStructure() throws {
        func key(_ expression: String, _ values: String) throws -> String {
            try solve(json: #"{"topic": "backprop", "expression": "\#(expression)", "values": \#(values)}"#)[0].repetitionKey()
        }
        let classic = try key("f = x*(x+y)", #"{"x": 2, "y": 1}"#)
        #expect(try key("x * (x + y)", #"{"x": -3, "y": 4}"#) == classic)
        #expect(try key("a*(a+b)", #"{"a": 1, "b": 2}"#) == classic)
        #expect(try key("x*(y+x)", #"{"x": 2, "y": 1}"#) != classic)
        #expect(try key("x*(x+2)", #"{"x": 2}"#) != classic)
    }

    /// The course notes' handout: 30 students, two generated easy backprop
    /// problems each and the classic x·(x + y). Before, half the class got
    /// x·(x + y) twice.
    @Test func noStudentGetsAnExerciseTwice() throws {
        let folder = try HandoutFolder()
        let root = packageRoot()
        for name in ["backprop-notes-x-times-x-plus-y.json", "conv-notes-32x32.json"] {
            try folder.write(try String(contentsOf: root.appendingPathComponent("problems/\(name)"), encoding: .utf8), to: name)
        }
        let handout = try folder.handout(
            try String(contentsOf: root.appendingPathComponent("problems/handout-final-review.json"), encoding: .utf8))
        var classicDrawnAgain = 0
        for student in handout.students {
            let problems = try StudentSheets.problems(handout, student).problems.map(\.problem)
            let keys = problems.map { $0.repetitionKey() }
            #expect(Set(keys).count == keys.count, "student \(student.id): \(keys)")
            classicDrawnAgain += problems.filter { $0.problem["expression"] == .string("x*(x+y)") }.count
        }
        #expect(classicDrawnAgain == 0)
        #expect(handout.students.count == 30)
    }

    /// The Moodle export makes each student's problems again from the seeds:
    /// it must find the same ones the sheets show, redraws included.
    @Test func theMoodleReplayGivesTheStudentsOwnProblems() throws {
        let folder = try HandoutFolder()
        try folder.write(#"{"topic": "backprop", "expression": "f = x*(x+y)", "values": {"x": 2, "y": 1}}"#, to: "classic.json")
        let handout = try folder.handout(#"""
            {"title": "T", "seed": 7, "students": 12, "sections": [
              {"topic": "backprop", "count": 3, "difficulty": "easy"},
              {"problems": "classic.json"},
              {"topic": "backprop", "count": 2, "difficulty": "easy"}]}
            """#)
        for student in handout.students {
            let packet = try StudentSheets.problems(handout, student)
            for number in [1, 3] {
                let built = packet.problems.filter { $0.section.number == number }.map { JSONWriter.compact($0.problem.answers) }
                let again = try HandoutVariety.section(number, of: handout, seeds: packet.sectionSeeds)
                #expect(again.map { JSONWriter.compact($0.answers) } == built)
            }
            let keys = packet.problems.map { $0.problem.repetitionKey() }
            #expect(Set(keys).count == keys.count)
        }
    }

    @Test func easyGCNHasMoreThanFourGraphs() throws {
        var graphs = Set<[[Double]]>()
        for seed: UInt64 in 1...30 {
            for problem in try ProblemSolver.generate(topic: "gcn", count: 5, seed: seed, difficulty: .easy) {
                graphs.insert(problem.steps.first { $0.id == "A" }?.value.matrix ?? [])
            }
        }
        #expect(graphs.count > 4, "\(graphs.count) distinct graphs")
    }

    /// Row normalisation on a triangle makes every row of H′ equal; no
    /// generated problem may be so degenerate, and hard stays at 4–5 nodes.
    @Test(arguments: Difficulty.allCases)
    func everyGeneratedGCNHasTwoDistinctOutputRows(difficulty: Difficulty) throws {
        for seed: UInt64 in 1...40 {
            for problem in try ProblemSolver.generate(topic: "gcn", count: 5, seed: seed, difficulty: difficulty) {
                let output = problem.answers.at("output")?.matrix ?? []
                #expect(Set(output).count >= 2, "\(JSONWriter.compact(problem.problem))")
                if difficulty == .hard { #expect((4...5).contains(output.count)) }
                #expect(output.count <= 5)
            }
        }
    }

    /// The degenerate draw the issue names is refused by the generator's check.
    @Test func aRowNormalisedTriangleIsRefused() {
        let triangle: [[Double]] = [[0, 1, 1], [1, 0, 1], [1, 1, 0]]
        let problem = GCNTopic.Problem(
            graph: .adjacency(triangle), directed: false, features: [[1, 2], [3, -1], [-2, 1]], weights: [[1, -1], [2, 1]],
            bias: nil, selfLoops: true, normalization: .row, activation: .relu)
        #expect(!GCNGenerator.isHandSolvable(problem))
    }

    private func packageRoot(filePath: String = #filePath) -> URL {
        var url = URL(fileURLWithPath: filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }
}
