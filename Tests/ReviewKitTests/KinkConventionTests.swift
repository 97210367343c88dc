import Testing
@testable import ReviewKit

/// The contract's shared `kink` on `backprop` and `gcn` (topics-networks.md,
/// "Shared rules"): relu'(0) is 0 under `left` (the default, PyTorch's) and
/// 1 under `right` (the course notes' table, f'(x) = 1 for x ≥ 0). Every
/// expected gradient below is worked by hand from the chain rule.
@Suite struct KinkConventionTests {
    // MARK: backprop

    /// f = relu(x)·y at x = 0, y = 3: f = 0 and ∂f/∂y = relu(0) = 0 either
    /// way; ∂f/∂x = y·relu'(0) = 3·0 = 0 (left) or 3·1 = 3 (right).
    @Test func reluTimesYAtZero() throws {
        for (kink, dx) in [("left", 0.0), ("right", 3.0)] {
            let answers = try solve(json: #"{"topic": "backprop", "expression": "relu(x)*y", "values": {"x": 0, "y": 3}, "kink": "\#(kink)"}"#)[0].answers
            #expect(answers.at("value")?.double == 0)
            #expect(answers.at("gradient", "x")?.double == dx, "kink \(kink)")
            #expect(answers.at("gradient", "y")?.double == 0, "kink \(kink)")
        }
    }

    /// f = v·relu(w·x + b) at w = 2, x = 1, b = −2, v = 3: the unit's input
    /// is 2 − 2 = 0. Left: nothing passes relu, so every gradient is 0.
    /// Right: relu passes ∂f/∂a = v·1 = 3, so ∂f/∂w = 3·x = 3,
    /// ∂f/∂x = 3·w = 6, ∂f/∂b = 3; ∂f/∂v = relu(0) = 0 either way.
    @Test func reluUnitSwitchedOnOnlyFromTheRight() throws {
        let json = #"{"topic": "backprop", "expression": "v*relu(w*x+b)", "values": {"v": 3, "w": 2, "x": 1, "b": -2}"#
        let left = try solve(json: json + "}")[0].answers
        let right = try solve(json: json + #", "kink": "right"}"#)[0].answers
        for name in ["v", "w", "x", "b"] { #expect(left.at("gradient", name)?.double == 0, "\(name)") }
        #expect(right.at("gradient", "v")?.double == 0)
        #expect(right.at("gradient", "w")?.double == 3)
        #expect(right.at("gradient", "x")?.double == 6)
        #expect(right.at("gradient", "b")?.double == 3)
    }

    /// Off the kink the field changes nothing: relu(x)·y at x = 2 gives
    /// ∂f/∂x = y = 3 under both conventions.
    @Test func offTheKinkBothConventionsAgree() throws {
        for kink in ["left", "right"] {
            let answers = try solve(json: #"{"topic": "backprop", "expression": "relu(x)*y", "values": {"x": 2, "y": 3}, "kink": "\#(kink)"}"#)[0].answers
            #expect(answers.at("gradient", "x")?.double == 3)
            #expect(answers.at("gradient", "y")?.double == 2)
        }
    }

    @Test func backpropEchoesKinkWithItsDefaultAndRoundTrips() throws {
        let plain = try solve(json: #"{"topic": "backprop", "expression": "relu(x)*y", "values": {"x": 0, "y": 3}}"#)[0]
        #expect(plain.problem.at("kink") == .string("left"))
        let right = try solve(json: #"{"topic": "backprop", "expression": "relu(x)*y", "values": {"x": 0, "y": 3}, "kink": "right"}"#)[0]
        #expect(right.problem.at("kink") == .string("right"))
        let again = try solve(json: JSONWriter.compact(right.problem))[0]
        #expect(again.answers == right.answers)
        #expect(errorLine(json: #"{"topic": "backprop", "expression": "x", "values": {"x": 1}, "kink": "middle"}"#)?
            .hasPrefix("test.json: kink: ") == true)
    }

    /// At the kink every sheet (en and zh, md/html/latex) names the
    /// convention it used and the other one.
    @Test func backpropSheetsNameTheConventionAtTheKink() throws {
        for kink in ["left", "right"] {
            let worked = try solve(json: #"{"topic": "backprop", "expression": "relu(x)*y", "values": {"x": 0, "y": 3}, "kink": "\#(kink)"}"#)
            expectNamesTheKink(worked, kink: kink)
        }
        // Away from 0 the sheet says nothing about the kink.
        let away = try solve(json: #"{"topic": "backprop", "expression": "relu(x)*y", "values": {"x": 2, "y": 3}}"#)
        #expect(!Sheet(problems: away, options: .init()).render().contains("slope from the left"))
    }

    // MARK: gcn

    /// Path 0 − 1 − 2 with self loops and row normalisation, H = (1, −1, 2)ᵀ:
    /// node 0 averages 1 and −1, so Z_00 = (1 − 1)/2 = 0 exactly; node 1
    /// (1 − 1 + 2)/3 = 2/3, node 2 (−1 + 2)/2 = 1/2. ReLU(0) = 0 under both
    /// conventions, so the answers are the same.
    static let gcnAtZero = #"{"topic": "gcn", "edges": [[0, 1], [1, 2]], "nodes": 3, "features": [[1], [-1], [2]], "normalization": "row""#

    @Test func gcnPreActivationExactlyZero() throws {
        let left = try solve(json: Self.gcnAtZero + "}")[0]
        let right = try solve(json: Self.gcnAtZero + #", "kink": "right"}"#)[0]
        expectMatrix(left.answers.at("pre_activation"), [[0], [2.0 / 3], [0.5]])
        expectMatrix(left.answers.at("output"), [[0], [2.0 / 3], [0.5]])
        #expect(left.answers == right.answers)
        #expect(left.problem.at("kink") == .string("left"))
        #expect(right.problem.at("kink") == .string("right"))
        #expect(try solve(json: JSONWriter.compact(right.problem))[0].answers == right.answers)
        expectNamesTheKink([left], kink: "left")
        expectNamesTheKink([right], kink: "right")
    }

    /// No entry at 0, or no relu: nothing to name.
    @Test func gcnSheetIsSilentAwayFromTheKink() throws {
        let away = try solve(json: #"{"topic": "gcn", "edges": [[0, 1], [1, 2]], "nodes": 3, "features": [[1], [2], [2]]}"#)
        let sigmoid = try solve(json: Self.gcnAtZero + #", "activation": "sigmoid"}"#)
        for worked in [away, sigmoid] {
            #expect(!Sheet(problems: worked, options: .init()).render().contains("relu's kink"))
        }
    }

    // MARK: Helpers

    private func expectNamesTheKink(_ worked: [WorkedProblem], kink: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let used = kink == "left" ? ("slope from the left", "左侧斜率") : ("slope from the right", "右侧斜率")
        let other = kink == "left" ? ("slope from the right", "右侧斜率") : ("slope from the left", "左侧斜率")
        for format in [OutputFormat.md, .html, .latex] {
            for language in ["en", "zh"] {
                var options = Sheet.Options()
                options.format = format
                options.language = language
                let text = Sheet(problems: worked, options: options).render()
                let (mine, theirs) = language == "en" ? (used.0, other.0) : (used.1, other.1)
                guard let first = text.range(of: mine) else {
                    Issue.record("\(format) \(language): no '\(mine)'", sourceLocation: sourceLocation); continue
                }
                // The convention used comes first, then the one the other side uses.
                #expect(text[first.upperBound...].contains(theirs), "\(format) \(language)", sourceLocation: sourceLocation)
                #expect(text.contains("PyTorch"), "\(format) \(language)", sourceLocation: sourceLocation)
                #expect(text.contains(language == "en" ? "course notes" : "课程笔记"), "\(format) \(language)", sourceLocation: sourceLocation)
            }
        }
    }
}
