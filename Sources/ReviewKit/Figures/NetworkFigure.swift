import Foundation

/// A small fully connected network drawn as the notes draw it: one column
/// of circles per layer (the input on the left), every weight on its edge,
/// each neuron with its z and a inside and, after the backward pass, its δ
/// beneath (red) with its bias. Used by `mlp`.
struct NetworkFigure {
    /// Past this many neurons in a column the labels would collide.
    static let maxNeurons = 6

    struct Column {
        /// The column's title under it ("input", "layer 1").
        var title: String
        var z: [Double]?
        var a: [Double]
        var delta: [Double]?
        var biases: [Double]?
    }

    /// Columns from the input to the output layer.
    let columns: [Column]
    /// weights[l] connects column l to column l + 1 (row j: into neuron j).
    let weights: [[[Double]]]
    let caption: String

    private static let ink = "#1d2330", muted = "#5b6475", edge = "#9aa3b2", weight = "#2458a6", red = "#b3261e"
    private static let fill = "#eef2fa"
    private static let dx = 210.0, dy = 112.0, radius = 32.0

    func figure() -> Figure? {
        guard columns.count >= 2, columns.allSatisfy({ $0.a.count <= Self.maxNeurons && !$0.a.isEmpty }),
            weights.count == columns.count - 1
        else { return nil }
        let canvas = draw()
        guard canvas.isFinite else { return nil }
        return Figure(svg: canvas.svg(cssClass: "network"), tikz: canvas.tikz(), mermaid: mermaid(), caption: caption)
    }

    private func centre(_ column: Int, _ j: Int) -> FigureCanvas.Point {
        let tallest = columns.map(\.a.count).max() ?? 1
        let offset = Double(tallest - columns[column].a.count) * Self.dy / 2
        return .init(x: Double(column) * Self.dx, y: offset + Double(j) * Self.dy)
    }

    private func draw() -> FigureCanvas {
        var canvas = FigureCanvas()
        let r = Self.radius
        // Edges first, so circles and labels sit on top.
        for (l, w) in weights.enumerated() {
            for (j, row) in w.enumerated() {
                for (k, value) in row.enumerated() {
                    let from = centre(l, k), to = centre(l + 1, j)
                    let length = hypot(to.x - from.x, to.y - from.y)
                    let (ux, uy) = ((to.x - from.x) / length, (to.y - from.y) / length)
                    canvas.arrow(
                        .init(x: from.x + ux * r, y: from.y + uy * r), .init(x: to.x - ux * r, y: to.y - uy * r),
                        colour: Self.edge, width: 1.2, head: 7)
                    let t = 0.3
                    let at = FigureCanvas.Point(x: from.x + (to.x - from.x) * t, y: from.y + (to.y - from.y) * t)
                    canvas.text(FigureText.number(value), at.x, at.y + 4, size: 11, colour: Self.weight, halo: true)
                }
            }
        }
        let bottom = (0..<columns.count).map { c in centre(c, columns[c].a.count - 1).y }.max() ?? 0
        for (c, column) in columns.enumerated() {
            for j in column.a.indices {
                let p = centre(c, j)
                canvas.circle(p, r, fill: Self.fill, stroke: Self.ink)
                if let z = column.z {
                    canvas.text("z " + FigureText.number(z[j]), p.x, p.y - 3, size: 10.5, colour: Self.muted)
                    canvas.text("a " + FigureText.number(column.a[j]), p.x, p.y + 12, size: 10.5, colour: Self.ink, bold: true)
                } else {
                    canvas.text(FigureText.number(column.a[j]), p.x, p.y + 4, size: 12, colour: Self.ink, bold: true)
                }
                var below = p.y + r + 14
                if let delta = column.delta {
                    canvas.text("δ " + FigureText.number(delta[j]), p.x, below, size: 10.5, colour: Self.red, bold: true)
                    below += 13
                }
                if let b = column.biases, b[j] != 0 {
                    canvas.text("b " + FigureText.number(b[j]), p.x, below, size: 10, colour: Self.muted)
                }
            }
            canvas.text(column.title, Double(c) * Self.dx, bottom + r + 46, size: 12, colour: Self.muted, italic: true)
        }
        return canvas
    }

    /// `graph LR`: one node per neuron with its values, one edge per weight.
    private func mermaid() -> String {
        func id(_ c: Int, _ j: Int) -> String { "n\(c)_\(j)" }
        var lines = ["graph LR"]
        for (c, column) in columns.enumerated() {
            for j in column.a.indices {
                var label = column.z.map { "z = \(FigureText.number($0[j]))<br/>a = \(FigureText.number(column.a[j]))" }
                    ?? FigureText.number(column.a[j])
                if let delta = column.delta { label += "<br/>δ = \(FigureText.number(delta[j]))" }
                lines.append("  \(id(c, j))((\"\(FigureText.mermaid(label))\"))")
            }
        }
        for (l, w) in weights.enumerated() {
            for (j, row) in w.enumerated() {
                for (k, value) in row.enumerated() {
                    lines.append("  \(id(l, k)) -- \"\(FigureText.number(value))\" --> \(id(l + 1, j))")
                }
            }
        }
        return lines.joined(separator: "\n")
    }
}
