import Foundation

/// One step of a convolution drawn the way a board shows it: the padded
/// image as a grid (the zeros of the padding shaded) with the current
/// window outlined in orange, the kernel beside it in the same orange, and
/// the feature map with the entry that window gives. The numbers are in
/// the cells, so the picture can be checked against the products on the sheet.
struct ConvolveWindowFigure {
    /// Past this many cells across, the numbers no longer fit a page.
    static let maxSide = 16

    /// The padded image (one channel), its original area and the window.
    let image: [[Double]]
    let padTop: Int, padLeft: Int, rows: Int, columns: Int
    let windowRow: Int, windowColumn: Int
    let kernel: [[Double]]
    /// The feature map and the entry the window gives.
    let map: [[Double]]
    let entryRow: Int, entryColumn: Int
    /// Labels under the three grids.
    let imageLabel: String, kernelLabel: String, mapLabel: String
    let caption: String

    private static let cell = 30.0, gap = 46.0
    private static let ink = "#1d2330", muted = "#5b6475", grid = "#9aa3b2"
    static let windowFill = "#fde2c4", windowStroke = "#d9822b", padFill = "#eceff4"

    func figure() -> Figure? {
        guard !image.isEmpty, !kernel.isEmpty, !map.isEmpty,
            [image.count, image[0].count, map.count, map[0].count].allSatisfy({ $0 <= Self.maxSide })
        else { return nil }
        let canvas = draw()
        guard canvas.isFinite else { return nil }
        return Figure(svg: canvas.svg(cssClass: "convolve"), tikz: canvas.tikz(), mermaid: mermaid(), caption: caption)
    }

    private var kh: Int { kernel.count }
    private var kw: Int { kernel[0].count }

    private func inWindow(_ r: Int, _ c: Int) -> Bool {
        (windowRow..<windowRow + kh).contains(r) && (windowColumn..<windowColumn + kw).contains(c)
    }

    private func isPadding(_ r: Int, _ c: Int) -> Bool {
        !(padTop..<padTop + rows).contains(r) || !(padLeft..<padLeft + columns).contains(c)
    }

    private func draw() -> FigureCanvas {
        var canvas = FigureCanvas()
        let s = Self.cell
        // The padded image.
        grid(&canvas, image, x: 0, y: 0) { r, c in
            inWindow(r, c) ? Self.windowFill : isPadding(r, c) ? Self.padFill : "#ffffff"
        }
        canvas.rect(Double(windowColumn) * s, Double(windowRow) * s, Double(kw) * s, Double(kh) * s, stroke: Self.windowStroke)
        canvas.rect(Double(windowColumn) * s - 1, Double(windowRow) * s - 1, Double(kw) * s + 2, Double(kh) * s + 2, stroke: Self.windowStroke)
        let imageWidth = Double(image[0].count) * s
        let height = Double(max(image.count, kernel.count, map.count)) * s
        canvas.text(imageLabel, imageWidth / 2, height + 22, size: 12, colour: Self.muted, italic: true)
        // × kernel
        let kernelX = imageWidth + Self.gap
        let kernelY = (Double(image.count) - Double(kh)) / 2 * s
        canvas.text("×", imageWidth + Self.gap / 2, kernelY + Double(kh) * s / 2 + 6, size: 18, colour: Self.ink)
        grid(&canvas, kernel, x: kernelX, y: kernelY) { _, _ in Self.windowFill }
        canvas.rect(kernelX, kernelY, Double(kw) * s, Double(kh) * s, stroke: Self.windowStroke)
        canvas.text(kernelLabel, kernelX + Double(kw) * s / 2, height + 22, size: 12, colour: Self.muted, italic: true)
        // → map
        let arrowX = kernelX + Double(kw) * s + 10
        let mapX = arrowX + Self.gap
        let mapY = (Double(image.count) - Double(map.count)) / 2 * s
        let middle = kernelY + Double(kh) * s / 2
        canvas.arrow(.init(x: arrowX, y: middle), .init(x: mapX - 8, y: middle), colour: Self.muted)
        grid(&canvas, map, x: mapX, y: mapY) { r, c in r == entryRow && c == entryColumn ? Self.windowFill : "#ffffff" }
        canvas.rect(mapX + Double(entryColumn) * s, mapY + Double(entryRow) * s, s, s, stroke: Self.windowStroke)
        canvas.text(mapLabel, mapX + Double(map[0].count) * s / 2, height + 22, size: 12, colour: Self.muted, italic: true)
        return canvas
    }

    private func grid(_ canvas: inout FigureCanvas, _ values: [[Double]], x: Double, y: Double, fill: (Int, Int) -> String) {
        let s = Self.cell
        for (r, row) in values.enumerated() {
            for (c, value) in row.enumerated() {
                let (cx, cy) = (x + Double(c) * s, y + Double(r) * s)
                canvas.rect(cx, cy, s, s, fill: fill(r, c), stroke: Self.grid)
                let text = FigureText.number(value)
                canvas.text(text, cx + s / 2, cy + s / 2 + 4, size: text.count > 4 ? 9 : 12, colour: Self.ink)
            }
        }
    }

    // MARK: Mermaid

    /// A `block-beta` diagram: the three grids side by side, the window,
    /// the kernel and the entry in orange, the padding in grey.
    private func mermaid() -> String {
        var lines = ["block-beta", "  columns 3"]
        var window: [String] = [], padding: [String] = []
        func block(_ name: String, _ values: [[Double]], label: String, mark: (Int, Int) -> Bool, pad: (Int, Int) -> Bool) {
            lines.append("  block:\(name)")
            lines.append("    columns \(values[0].count)")
            for (r, row) in values.enumerated() {
                let cells = row.enumerated().map { c, value -> String in
                    let id = "\(name)_\(r)_\(c)"
                    if mark(r, c) { window.append(id) } else if pad(r, c) { padding.append(id) }
                    return "\(id)[\"\(FigureText.mermaid(FigureText.number(value)))\"]"
                }
                lines.append("    " + cells.joined(separator: " "))
            }
            lines.append("  end")
        }
        block("image", image, label: imageLabel, mark: inWindow, pad: isPadding)
        block("kernel", kernel, label: kernelLabel, mark: { _, _ in true }, pad: { _, _ in false })
        block("map", map, label: mapLabel, mark: { $0 == entryRow && $1 == entryColumn }, pad: { _, _ in false })
        lines.append("  imageLabel[\"\(FigureText.mermaid(imageLabel))\"] kernelLabel[\"\(FigureText.mermaid(kernelLabel))\"] mapLabel[\"\(FigureText.mermaid(mapLabel))\"]")
        lines.append("  classDef window fill:\(Self.windowFill),stroke:\(Self.windowStroke)")
        lines.append("  classDef pad fill:\(Self.padFill)")
        if !window.isEmpty { lines.append("  class \(window.joined(separator: ",")) window") }
        if !padding.isEmpty { lines.append("  class \(padding.joined(separator: ",")) pad") }
        return lines.joined(separator: "\n")
    }
}
