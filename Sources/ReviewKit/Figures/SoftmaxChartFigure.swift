import Foundation

/// A bar chart of one example's softmax output against its target: per
/// class a blue bar for p_i beside a grey bar for y_i, on a 0–1 axis, each
/// bar with its value above it. It shows at a glance how far the prediction
/// is from the target, which is the gradient p − y.
struct SoftmaxChartFigure {
    /// Past this many classes the bars get too thin to label.
    static let maxClasses = 12

    let probabilities: [Double]
    let target: [Double]
    /// Axis title (under the class numbers) and the two legend entries.
    let axis: String, legendP: String, legendY: String
    let caption: String

    static let pColour = "#2458a6", yColour = "#9aa3b2"
    private static let ink = "#1d2330", muted = "#5b6475", rule = "#d9dde5"
    private static let plotHeight = 150.0

    func figure() -> Figure? {
        let k = probabilities.count
        guard k >= 1, k <= Self.maxClasses, target.count == k,
            (probabilities + target).allSatisfy({ $0.isFinite && $0 >= 0 && $0 <= 1 })
        else { return nil }
        let canvas = draw()
        guard canvas.isFinite else { return nil }
        return Figure(svg: canvas.svg(cssClass: "chart"), tikz: canvas.tikz(), mermaid: mermaid(), caption: caption)
    }

    /// Width of one class's pair of bars, and of one bar.
    private var group: Double { probabilities.count <= 8 ? 84 : 64 }
    private var bar: Double { probabilities.count <= 8 ? 28 : 22 }

    /// The y coordinate of value v (0 at the axis, 1 at the top).
    func level(_ v: Double) -> Double { Self.plotHeight * (1 - v) }

    private func draw() -> FigureCanvas {
        var canvas = FigureCanvas()
        let width = group * Double(probabilities.count)
        let h = Self.plotHeight
        for tick in [0.0, 0.5, 1.0] {
            canvas.line([.init(x: 0, y: level(tick)), .init(x: width, y: level(tick))], stroke: Self.rule, width: 1)
            canvas.text(FigureText.number(tick), -6, level(tick) + 4, size: 11, anchor: .end, colour: Self.muted)
        }
        let size = probabilities.count <= 8 ? 12.0 : 10.5
        for i in probabilities.indices {
            let centre = (Double(i) + 0.5) * group
            let (p, y) = (probabilities[i], target[i])
            let pX = centre - bar - 2, yX = centre + 2
            if p > 0 { canvas.rect(pX, level(p), bar, h - level(p), fill: Self.pColour) }
            if y > 0 { canvas.rect(yX, level(y), bar, h - level(y), fill: "#e4e7ee", stroke: Self.yColour) }
            // Values above the bars; the target's is raised when the two
            // would sit side by side at almost the same height.
            let pLabel = level(p) - 5
            var yLabel = level(y) - 5
            let (pText, yText) = (FigureText.number(p), FigureText.number(y))
            let overlap = (FigureCanvas.textWidth(pText, size: size) + FigureCanvas.textWidth(yText, size: size)) / 2 > bar + 4
            if overlap, abs(pLabel - yLabel) < 14 { yLabel = min(pLabel, yLabel) - 14 }
            canvas.text(pText, pX + bar / 2, pLabel, size: size, colour: Self.pColour, bold: true)
            canvas.text(yText, yX + bar / 2, yLabel, size: size, colour: Self.muted)
            canvas.text(String(i), centre, h + 17, size: 12, colour: Self.ink)
        }
        canvas.line([.init(x: 0, y: h), .init(x: width, y: h)], stroke: Self.muted, width: 1.2)
        canvas.text(axis, width / 2, h + 36, size: 12, colour: Self.muted, italic: true)
        // Legend above the plot, right-aligned.
        let line = -34.0
        let yEntry = width - FigureCanvas.textWidth(legendY, size: 12) - 2
        canvas.rect(yEntry - 16, line - 10, 11, 11, fill: "#e4e7ee", stroke: Self.yColour)
        canvas.text(legendY, yEntry, line, size: 12, anchor: .start, colour: Self.ink)
        let pEntry = yEntry - 30 - FigureCanvas.textWidth(legendP, size: 12)
        canvas.rect(pEntry - 16, line - 10, 11, 11, fill: Self.pColour)
        canvas.text(legendP, pEntry, line, size: 12, anchor: .start, colour: Self.ink)
        return canvas
    }

    // MARK: Mermaid

    /// `xychart-beta` (GitHub renders it): p as bars, y as a line, in the
    /// same blue and grey as the SVG. The closing braces of the init
    /// directive are spaced so no `}}}` reads like a leftover template tag.
    private func mermaid() -> String {
        func list(_ values: [Double]) -> String {
            "[" + values.map { NumberFormat.coordinate($0, decimals: 3) }.joined(separator: ", ") + "]"
        }
        return """
            %%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "\(Self.pColour), \(Self.yColour)"} } } }%%
            xychart-beta
              x-axis "\(FigureText.mermaid(axis))" [\(probabilities.indices.map { "\"\($0)\"" }.joined(separator: ", "))]
              y-axis 0 --> 1
              bar \(list(probabilities))
              line \(list(target))
            """
    }
}
