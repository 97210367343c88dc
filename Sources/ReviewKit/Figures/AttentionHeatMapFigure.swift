/// The attention weights as a heat map: a row per query (or the decoder
/// state), a column per key, each cell shaded from white (0) to blue (1)
/// with its weight written in it; a masked cell is grey and says so. Each
/// row sums to 1, so the picture shows at a glance where each query looks.
struct AttentionHeatMapFigure {
    /// Past this many rows or columns the cells get too small to label.
    static let maxSize = 12

    let weights: [[Double]]
    let allowed: [[Bool]]
    let rowLabels: [String]
    let columnLabels: [String]
    /// The word written in a masked cell.
    let maskedWord: String
    let caption: String

    private static let cell = 64.0, ink = "#1d2330", muted = "#5b6475", maskFill = "#d9dde5"

    /// `₁₂` for 12.
    static func sub(_ n: Int) -> String { String(FigureText.name("x\(n)").dropFirst()) }

    func figure() -> Figure? {
        let n = weights.count, m = weights.first?.count ?? 0
        guard n >= 1, m >= 1, n <= Self.maxSize, m <= Self.maxSize,
            weights.allSatisfy({ $0.count == m && $0.allSatisfy { $0.isFinite && $0 >= 0 && $0 <= 1 } })
        else { return nil }
        let canvas = draw()
        guard canvas.isFinite else { return nil }
        return Figure(svg: canvas.svg(cssClass: "chart"), tikz: canvas.tikz(), mermaid: mermaid(), caption: caption)
    }

    /// White to the sheets' blue (#2458a6) as the weight goes from 0 to 1.
    static func shade(_ w: Double) -> String {
        let (r, g, b) = (0x24, 0x58, 0xA6)
        func mix(_ c: Int) -> Int { Int((255 - Double(255 - c) * w).rounded()) }
        let hex = "0123456789abcdef".map { $0 }
        func byte(_ v: Int) -> String { String([hex[v / 16], hex[v % 16]]) }
        return "#" + byte(mix(r)) + byte(mix(g)) + byte(mix(b))
    }

    private func draw() -> FigureCanvas {
        var canvas = FigureCanvas()
        let c = Self.cell
        for (j, label) in columnLabels.enumerated() {
            canvas.text(label, (Double(j) + 0.5) * c, -10, size: 13, colour: Self.ink, italic: true)
        }
        for (i, label) in rowLabels.enumerated() {
            canvas.text(label, -10, (Double(i) + 0.5) * c + 5, size: 13, anchor: .end, colour: Self.ink, italic: true)
            for j in weights[i].indices {
                let (x, y) = (Double(j) * c, Double(i) * c)
                if allowed[i][j] {
                    let w = weights[i][j]
                    canvas.rect(x, y, c, c, fill: Self.shade(w), stroke: "#ffffff")
                    canvas.text(FigureText.number(w), x + c / 2, y + c / 2 + 4, size: 12, colour: w > 0.5 ? "#ffffff" : Self.ink, bold: true)
                } else {
                    canvas.rect(x, y, c, c, fill: Self.maskFill, stroke: "#ffffff")
                    canvas.text(maskedWord, x + c / 2, y + c / 2 + 4, size: 10, colour: Self.muted, italic: true)
                }
            }
        }
        return canvas
    }

    // MARK: Mermaid

    /// A `block-beta` grid (GitHub renders it): the same cells and shades.
    private func mermaid() -> String {
        var lines = ["block-beta", "  columns \(columnLabels.count + 1)", "  corner[\" \"]"]
        lines += columnLabels.enumerated().map { "  col\($0.offset)[\"\(FigureText.mermaid($0.element))\"]" }
        var styles: [String] = ["  style corner fill:#ffffff,stroke:#ffffff"]
        for (i, label) in rowLabels.enumerated() {
            lines.append("  row\(i)[\"\(FigureText.mermaid(label))\"]")
            for j in weights[i].indices {
                let id = "w\(i)_\(j)"
                if allowed[i][j] {
                    let w = weights[i][j]
                    lines.append("  \(id)[\"\(FigureText.number(w))\"]")
                    styles.append("  style \(id) fill:\(Self.shade(w)),color:\(w > 0.5 ? "#ffffff" : Self.ink)")
                } else {
                    lines.append("  \(id)[\"\(FigureText.mermaid(maskedWord))\"]")
                    styles.append("  style \(id) fill:\(Self.maskFill),color:\(Self.muted)")
                }
            }
        }
        return (lines + styles).joined(separator: "\n")
    }
}
