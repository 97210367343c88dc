import Foundation
import Testing
@testable import ReviewKit

/// The softmax bar chart: bar heights in proportion to p and y, values
/// computed here from the definition, the Mermaid twin, and its limits.
@Suite struct SoftmaxFigureTests {
    @Test func classicExampleBarsMatchTheProbabilities() throws {
        let z = [2.0, 1, 0.1]
        let e = z.map { Foundation.exp($0) }
        let p = e.map { $0 / e.reduce(0, +) }  // ≈ 0.659, 0.242, 0.099
        let figure = try #require(try figures(json: #"{"topic": "softmax", "logits": [2, 1, 0.1], "target": 0}"#).first)
        let svg = figure.svg
        for value in p { #expect(svg.contains(">\(String(format: "%.3f", value))</text>")) }
        // Blue: three bars, then the legend swatch.
        let blue = captures(##"height="([0-9.]+)" fill="#2458a6""##, in: svg).compactMap(Double.init)
        try #require(blue.count == 4)
        let heights = Array(blue.prefix(3))
        for i in 1..<3 { #expect(abs(heights[i] / heights[0] - p[i] / p[0]) < 0.01) }
        // One grey target bar (y = 1 for class 0) as tall as the full axis.
        let target = captures(##"height="([0-9.]+)" fill="#e4e7ee""##, in: svg).compactMap(Double.init)
        #expect(target.count == 2, "the target bar and its legend swatch")
        #expect(abs(target.max()! / heights[0] - 1 / p[0]) < 0.01)
        #expect(figure.mermaid.contains("xychart-beta"))
        // Three decimals, trailing zeros dropped.
        let trimmed = { (x: Double) -> String in
            var text = String(format: "%.3f", x)
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
            return text
        }
        #expect(figure.mermaid.contains("bar [\(p.map(trimmed).joined(separator: ", "))]"))
        #expect(figure.mermaid.contains("line [1, 0, 0]"))
        #expect(isFinite(figure))
    }

    @Test func oneChartPerExampleAndNoneForManyClasses() throws {
        let batch = #"{"topic": "softmax", "logits": [[1, 2], [3, 1], [0, 0]], "target": [0, 1, 1]}"#
        #expect(try figures(json: batch).count == 3)
        let thirteen = (0..<13).map(String.init).joined(separator: ", ")
        #expect(try figures(json: #"{"topic": "softmax", "logits": [\#(thirteen)], "target": 0}"#).isEmpty)
        // Huge logits: probabilities underflow to 0 but nothing is NaN.
        let figure = try #require(try figures(json: #"{"topic": "softmax", "logits": [1000, -1000, 0], "target": 1}"#).first)
        #expect(isFinite(figure))
    }
}
