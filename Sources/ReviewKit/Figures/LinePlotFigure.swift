import Foundation

/// A small line plot: a few curves on one pair of axes, each in its own
/// colour with a legend entry, and optional marked points. Used by
/// `activation` (f and f' against x; the chain factor against depth).
struct LinePlotFigure {
    struct Series {
        var label: String
        var colour: FigureCanvas.Colour
        var points: [FigureCanvas.Point]
        var dashed = false
    }

    let series: [Series]
    /// Points drawn as dots (in data coordinates), with their colours.
    var marks: [(point: FigureCanvas.Point, colour: FigureCanvas.Colour)] = []
    let xLabel: String
    let yLabel: String
    let caption: String

    static let palette: [FigureCanvas.Colour] = ["#2458a6", "#b3261e", "#2e7d32", "#8e44ad", "#c77700", "#00838f"]
    private static let ink = "#1d2330", muted = "#5b6475", rule = "#d9dde5"
    private static let width = 420.0, height = 220.0

    func figure() -> Figure? {
        let all = series.flatMap(\.points) + marks.map(\.point)
        guard !all.isEmpty, all.allSatisfy({ $0.x.isFinite && $0.y.isFinite }) else { return nil }
        let canvas = draw()
        guard canvas.isFinite else { return nil }
        return Figure(svg: canvas.svg(cssClass: "plot"), tikz: canvas.tikz(), mermaid: mermaid(), caption: caption)
    }

    private var ranges: (x: ClosedRange<Double>, y: ClosedRange<Double>) {
        let all = series.flatMap(\.points) + marks.map(\.point)
        var x0 = all.map(\.x).min()!, x1 = all.map(\.x).max()!
        var y0 = all.map(\.y).min()!, y1 = all.map(\.y).max()!
        if x0 == x1 { x0 -= 1; x1 += 1 }
        if y0 == y1 { y0 -= 1; y1 += 1 }
        let pad = (y1 - y0) * 0.05
        return (x0...x1, (y0 - pad)...(y1 + pad))
    }

    private func place(_ p: FigureCanvas.Point) -> FigureCanvas.Point {
        let r = ranges
        return .init(
            x: (p.x - r.x.lowerBound) / (r.x.upperBound - r.x.lowerBound) * Self.width,
            y: Self.height - (p.y - r.y.lowerBound) / (r.y.upperBound - r.y.lowerBound) * Self.height)
    }

    private func draw() -> FigureCanvas {
        var canvas = FigureCanvas()
        let r = ranges
        // Grid: the x and y of three ticks each, and the zero lines.
        for t in [0.0, 0.5, 1.0] {
            let x = r.x.lowerBound + t * (r.x.upperBound - r.x.lowerBound)
            let y = r.y.lowerBound + t * (r.y.upperBound - r.y.lowerBound)
            let px = place(.init(x: x, y: r.y.lowerBound)).x, py = place(.init(x: r.x.lowerBound, y: y)).y
            canvas.line([.init(x: px, y: 0), .init(x: px, y: Self.height)], stroke: Self.rule, width: 1)
            canvas.line([.init(x: 0, y: py), .init(x: Self.width, y: py)], stroke: Self.rule, width: 1)
            canvas.text(FigureText.number(x), px, Self.height + 16, size: 11, colour: Self.muted)
            canvas.text(FigureText.number(y), -6, py + 4, size: 11, anchor: .end, colour: Self.muted)
        }
        if r.y.contains(0) {
            let y0 = place(.init(x: 0, y: 0)).y
            canvas.line([.init(x: 0, y: y0), .init(x: Self.width, y: y0)], stroke: Self.muted, width: 1)
        }
        if r.x.contains(0) {
            let x0 = place(.init(x: 0, y: 0)).x
            canvas.line([.init(x: x0, y: 0), .init(x: x0, y: Self.height)], stroke: Self.muted, width: 1)
        }
        for s in series where s.points.count > 1 {
            canvas.line(s.points.map(place), stroke: s.colour, width: 2, dashed: s.dashed)
        }
        for mark in marks { canvas.circle(place(mark.point), 4, fill: mark.colour, stroke: "#ffffff", width: 1) }
        canvas.text(xLabel, Self.width / 2, Self.height + 36, size: 12, colour: Self.muted, italic: true)
        canvas.text(yLabel, 0, -12, size: 12, anchor: .start, colour: Self.muted, italic: true)
        // Legend to the right of the plot.
        for (i, s) in series.enumerated() {
            let y = 14 + Double(i) * 18
            canvas.line([.init(x: Self.width + 14, y: y - 4), .init(x: Self.width + 34, y: y - 4)], stroke: s.colour, width: 2, dashed: s.dashed)
            canvas.text(s.label, Self.width + 40, y, size: 12, anchor: .start, colour: Self.ink)
        }
        return canvas
    }

    /// `xychart-beta` with one line per series, sampled at the first
    /// series' x values.
    private func mermaid() -> String {
        guard let first = series.first else { return "" }
        func list(_ values: [Double]) -> String {
            "[" + values.map { NumberFormat.coordinate($0, decimals: 3) }.joined(separator: ", ") + "]"
        }
        var lines = [
            "xychart-beta",
            "  x-axis \"\(FigureText.mermaid(xLabel))\" \(list(first.points.map(\.x)))",
            "  y-axis \"\(FigureText.mermaid(yLabel))\"",
        ]
        for s in series where s.points.count == first.points.count { lines.append("  line \(list(s.points.map(\.y)))") }
        return lines.joined(separator: "\n")
    }
}
