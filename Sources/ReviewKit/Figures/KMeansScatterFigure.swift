import Foundation

/// One k-means iteration as a scatter plot: each point coloured by the
/// centroid it joined, the centroids the iteration started from as hollow
/// squares, the new centroids as filled diamonds, and an arrow for each
/// move. 1-D points lie on one line; points of more than two dimensions
/// have no picture (the tables hold everything).
struct KMeansScatterFigure {
    let points: [[Double]]
    let assignments: [Int]
    let start: [[Double]]
    let moved: [[Double]]
    let caption: String

    static let palette = ["#2458a6", "#d9822b", "#1f8a4c", "#a3285c", "#6b4fbb", "#8a6d1f", "#2a8a8a", "#5b6475"]
    private static let ink = "#1d2330", muted = "#5b6475", rule = "#d9dde5"
    private static let width = 320.0

    func figure() -> Figure? {
        let d = points.first?.count ?? 0
        guard d == 1 || d == 2, points.count <= 200, start.count <= Self.palette.count else { return nil }
        let canvas = draw()
        guard canvas.isFinite else { return nil }
        return Figure(svg: canvas.svg(cssClass: "scatter"), tikz: canvas.tikz(), mermaid: mermaid(), caption: caption)
    }

    private var flat: Bool { points[0].count == 1 }

    /// The box every point and centroid fits in, widened to at least 1.
    private var box: (x0: Double, x1: Double, y0: Double, y1: Double) {
        let all = points + start + moved
        let xs = all.map { $0[0] }, ys = all.map { flat ? 0 : $0[1] }
        var (x0, x1, y0, y1) = (xs.min()!, xs.max()!, ys.min()!, ys.max()!)
        if x1 - x0 < 1 { x0 -= 0.5; x1 += 0.5 }
        if y1 - y0 < 1 { y0 -= 0.5; y1 += 0.5 }
        return (x0, x1, y0, y1)
    }

    private var height: Double { flat ? 40 : Self.width * 0.8 }

    private func place(_ p: [Double]) -> FigureCanvas.Point {
        let b = box
        let x = (p[0] - b.x0) / (b.x1 - b.x0) * Self.width
        let y = flat ? height / 2 : (1 - (p[1] - b.y0) / (b.y1 - b.y0)) * height
        return .init(x: x, y: y)
    }

    private func draw() -> FigureCanvas {
        var canvas = FigureCanvas()
        // Labels go where no other label is: points close together, or a
        // centroid on a point, would otherwise print their names over each other.
        var labels = LabelPlacer()
        let b = box
        canvas.rect(-12, -12, Self.width + 24, height + 24, stroke: Self.rule)
        canvas.text(FigureText.number(b.x0), 0, height + 30, size: 11, colour: Self.muted)
        canvas.text(FigureText.number(b.x1), Self.width, height + 30, size: 11, colour: Self.muted)
        labels.fix(FigureText.number(b.x0), size: 11, at: .init(x: 0, y: height + 30))
        labels.fix(FigureText.number(b.x1), size: 11, at: .init(x: Self.width, y: height + 30))
        if !flat {
            canvas.text(FigureText.number(b.y0), -16, height + 4, size: 11, anchor: .end, colour: Self.muted)
            canvas.text(FigureText.number(b.y1), -16, 4, size: 11, anchor: .end, colour: Self.muted)
            labels.fix(FigureText.number(b.y0), size: 11, at: .init(x: -16, y: height + 4, anchor: .end))
            labels.fix(FigureText.number(b.y1), size: 11, at: .init(x: -16, y: 4, anchor: .end))
        } else {
            canvas.line([.init(x: 0, y: height / 2), .init(x: Self.width, y: height / 2)], stroke: Self.rule)
        }
        for (j, (old, new)) in zip(start, moved).enumerated() where old != new {
            let (a, c) = (place(old), place(new))
            if hypot(c.x - a.x, c.y - a.y) > 14 {
                canvas.arrow(a, c, colour: Self.palette[j], width: 1.2, head: 7)
            }
        }
        for (i, x) in points.enumerated() {
            canvas.circle(place(x), 5, fill: Self.palette[assignments[i]], stroke: "#ffffff", width: 1)
        }
        for (j, c) in start.enumerated() {
            let p = place(c)
            canvas.rect(p.x - 6, p.y - 6, 12, 12, fill: "#ffffff", stroke: Self.palette[j])
        }
        for (j, c) in moved.enumerated() {
            let p = place(c)
            canvas.polygon(
                [.init(x: p.x, y: p.y - 8), .init(x: p.x + 8, y: p.y), .init(x: p.x, y: p.y + 8), .init(x: p.x - 8, y: p.y)],
                fill: Self.palette[j], stroke: Self.ink)
        }
        // Centroid names first (bold, fewer), then the points', on top of every mark.
        for (j, c) in moved.enumerated() {
            let p = place(c), name = "c" + subscripted(j)
            let spot = labels.place(name, size: 12, [
                .init(x: p.x - 10, y: p.y + 4, anchor: .end), .init(x: p.x + 10, y: p.y + 4, anchor: .start),
                .init(x: p.x, y: p.y - 12), .init(x: p.x, y: p.y + 21), .init(x: p.x - 10, y: p.y - 10, anchor: .end),
                .init(x: p.x + 10, y: p.y + 18, anchor: .start),
            ])
            canvas.text(name, spot.x, spot.y, size: 12, anchor: spot.anchor, colour: Self.palette[j], bold: true, halo: true)
        }
        for (i, x) in points.enumerated() {
            let p = place(x), name = "x" + subscripted(i)
            let spot = labels.place(name, size: 11, [
                .init(x: p.x + 8, y: p.y - 6, anchor: .start), .init(x: p.x + 8, y: p.y + 13, anchor: .start),
                .init(x: p.x - 8, y: p.y - 6, anchor: .end), .init(x: p.x - 8, y: p.y + 13, anchor: .end),
                .init(x: p.x, y: p.y - 9), .init(x: p.x, y: p.y + 17), .init(x: p.x + 10, y: p.y + 4, anchor: .start),
                .init(x: p.x - 10, y: p.y + 4, anchor: .end), .init(x: p.x + 14, y: p.y - 18, anchor: .start),
                .init(x: p.x - 14, y: p.y - 18, anchor: .end), .init(x: p.x + 14, y: p.y + 26, anchor: .start),
                .init(x: p.x - 14, y: p.y + 26, anchor: .end),
            ])
            canvas.text(name, spot.x, spot.y, size: 11, anchor: spot.anchor, colour: Self.ink, halo: true)
        }
        return canvas
    }

    private func subscripted(_ n: Int) -> String {
        let digits: [Character: Character] = ["0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅", "6": "₆", "7": "₇", "8": "₈", "9": "₉"]
        return String(String(n).compactMap { digits[$0] })
    }

    // MARK: Mermaid

    /// A `quadrantChart` (GitHub draws it): the points and new centroids at
    /// their places scaled to 0–1, each point named with its cluster.
    private func mermaid() -> String {
        let b = box
        func scaled(_ p: [Double]) -> String {
            let x = (p[0] - b.x0) / (b.x1 - b.x0), y = flat ? 0.5 : (p[1] - b.y0) / (b.y1 - b.y0)
            return "[\(NumberFormat.coordinate(min(max(x, 0.02), 0.98), decimals: 3)), \(NumberFormat.coordinate(min(max(y, 0.02), 0.98), decimals: 3))]"
        }
        var lines = [
            "quadrantChart",
            "  x-axis \(FigureText.number(b.x0)) --> \(FigureText.number(b.x1))",
        ]
        if !flat { lines.append("  y-axis \(FigureText.number(b.y0)) --> \(FigureText.number(b.y1))") }
        for (i, x) in points.enumerated() { lines.append("  x\(i) in c\(assignments[i]): \(scaled(x))") }
        for (j, c) in moved.enumerated() { lines.append("  new c\(j): \(scaled(c))") }
        return lines.joined(separator: "\n")
    }
}
