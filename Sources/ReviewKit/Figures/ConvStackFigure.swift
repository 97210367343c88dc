import Foundation

/// Draws a conv stack as a row of feature maps from input to output, the
/// way papers draw LeNet or VGG: an H×W×C map is a block (height from H,
/// depth from W, thickness from C, each on a log scale so 224 and 7 both
/// fit), a vector is a thin bar; under each, the layer's name and the shape
/// it outputs. Long stacks wrap into rows of at most `perRow`, joined by a
/// bent arrow, so VGG16's 22 maps read at full size.
struct ConvStackFigure {
    /// Past this many layers a picture is a wall of blocks; the summary
    /// table on the sheet lists them all anyway.
    static let maxLayers = 40
    static let perRow = 8

    struct Item {
        var label: String
        var shape: ConvModel.Shape
        var kind: Kind
        /// Named as the layer types are (`ConvModel.Kind.typeName`).
        enum Kind: String { case input, conv, pool, fc }
    }

    let items: [Item]
    let caption: String

    private static let slot = 92.0, labelSize = 12.0
    private static let ink = "#1d2330", arrowInk = "#5b6475"

    func figure() -> Figure? {
        guard items.count >= 2, items.count <= Self.maxLayers + 1 else { return nil }
        let canvas = draw()
        guard canvas.isFinite else { return nil }
        return Figure(svg: canvas.svg(cssClass: "stack"), tikz: canvas.tikz(), mermaid: mermaid(), caption: caption)
    }

    // MARK: Sizes

    /// How a dimension of `size` pixels-to-be is drawn: logarithmic, clamped.
    private static func scaled(_ size: Int, base: Double, per: Double, range: ClosedRange<Double>) -> Double {
        min(max(base + per * log2(Double(max(size, 1))), range.lowerBound), range.upperBound)
    }

    /// Front-face height, thickness, and the depth offset of the 3-D faces.
    func box(_ shape: ConvModel.Shape) -> (height: Double, thickness: Double, depth: Double) {
        switch shape {
        case .image(let h, let w, let c):
            return (
                Self.scaled(h, base: 12, per: 11, range: 14...100), Self.scaled(c, base: 4, per: 4, range: 4...40),
                Self.scaled(w, base: 3, per: 3.2, range: 3...28)
            )
        case .flat(let n):
            return (Self.scaled(n, base: 12, per: 8, range: 14...100), 9, 0)
        }
    }

    private func colours(_ kind: Item.Kind) -> (front: String, side: String, stroke: String) {
        switch kind {
        case .input: return ("#eceff4", "#d5dae3", "#5b6475")
        case .conv: return ("#dbe6f7", "#b9cdee", "#2458a6")
        case .pool: return ("#fbe7cf", "#f3cf9f", "#a35a00")
        case .fc: return ("#d9efe0", "#b5dfc2", "#1f6f3f")
        }
    }

    // MARK: Drawing

    private func draw() -> FigureCanvas {
        var canvas = FigureCanvas()
        // As few rows as `perRow` allows, filled evenly (LeNet's 8 maps in
        // one row, VGG16's 22 as 8, 8, 6) rather than leaving one map alone.
        let rowCount = (items.count + Self.perRow - 1) / Self.perRow
        let width = (items.count + rowCount - 1) / rowCount
        let rows = stride(from: 0, to: items.count, by: width).map { Array(items.indices[$0..<min($0 + width, items.count)]) }
        var top = 0.0
        var previous: (x: Double, y: Double, rowBottom: Double)?
        for row in rows {
            let tallest = row.map { box(items[$0].shape) }.map { $0.height + $0.depth }.max() ?? 0
            let centre = top + tallest / 2 + 6
            let labels = top + tallest + 26
            for (column, index) in row.enumerated() {
                let item = items[index]
                let (h, t, d) = box(item.shape)
                let slotCentre = (Double(column) + 0.5) * Self.slot
                let x = slotCentre - (t + d) / 2
                let y = centre - (h - d) / 2
                block(&canvas, x: x, y: y, h: h, t: t, d: d, colours: colours(item.kind))
                canvas.text(item.label, slotCentre, labels, size: Self.labelSize, colour: Self.ink, bold: true)
                canvas.text(shapeText(item.shape), slotCentre, labels + 16, size: Self.labelSize, colour: Self.ink)
                let left = FigureCanvas.Point(x: x - 3, y: centre)
                if let from = previous {
                    if column == 0 {
                        // Bend down from the end of the row above into this one.
                        let turn = from.rowBottom + 10
                        canvas.line(
                            [.init(x: from.x, y: from.y), .init(x: from.x + 12, y: from.y), .init(x: from.x + 12, y: turn),
                             .init(x: 8, y: turn), .init(x: 8, y: centre)], stroke: Self.arrowInk, width: 1.2)
                        canvas.arrow(.init(x: 8, y: centre), left, colour: Self.arrowInk, width: 1.2, head: 7)
                    } else {
                        canvas.arrow(.init(x: from.x, y: from.y), left, colour: Self.arrowInk, width: 1.2, head: 7)
                    }
                }
                previous = (x + t + d + 3, centre, labels + 22)
            }
            top = labels + 46
        }
        return canvas
    }

    /// A pseudo-3-D block: front face, then the top and right faces going
    /// back by `d` (a flat bar when `d` is 0).
    private func block(
        _ canvas: inout FigureCanvas, x: Double, y: Double, h: Double, t: Double, d: Double,
        colours: (front: String, side: String, stroke: String)
    ) {
        if d > 0 {
            let (dx, dy) = (d, -d)
            canvas.polygon(
                [.init(x: x, y: y), .init(x: x + t, y: y), .init(x: x + t + dx, y: y + dy), .init(x: x + dx, y: y + dy)],
                fill: colours.side, stroke: colours.stroke)
            canvas.polygon(
                [.init(x: x + t, y: y), .init(x: x + t + dx, y: y + dy), .init(x: x + t + dx, y: y + h + dy),
                 .init(x: x + t, y: y + h)], fill: colours.side, stroke: colours.stroke)
        }
        canvas.rect(x, y, t, h, fill: colours.front, stroke: colours.stroke)
    }

    private func shapeText(_ shape: ConvModel.Shape) -> String {
        shape.dimensions.map(String.init).joined(separator: "×")
    }

    // MARK: Mermaid

    private func mermaid() -> String {
        var lines = [items.count <= Self.perRow ? "flowchart LR" : "flowchart TD"]
        for (i, item) in items.enumerated() {
            lines.append("  l\(i)[\"\(FigureText.mermaid(item.label))<br/>\(shapeText(item.shape))\"]")
        }
        lines.append("  " + items.indices.map { "l\($0)" }.joined(separator: " --> "))
        return lines.joined(separator: "\n")
    }
}
