/// A histogram of a class's totals: one bar per possible total (0 … the
/// most answers anyone was graded on), its height the number of students
/// with that total, the count above each bar. For the class report.
struct HistogramFigure {
    /// Students per total, index = total.
    let counts: [Int]
    let axis: String
    let caption: String

    private static let bar = "#2458a6", ink = "#1d2330", muted = "#5b6475", rule = "#d9dde5"
    private static let height = 140.0

    func figure() -> Figure? {
        guard !counts.isEmpty, counts.count <= 400, let top = counts.max(), top > 0 else { return nil }
        let canvas = draw(top: top)
        return Figure(svg: canvas.svg(cssClass: "chart"), tikz: canvas.tikz(), mermaid: mermaid(), caption: caption)
    }

    private func draw(top: Int) -> FigureCanvas {
        var canvas = FigureCanvas()
        let slot = max(8, min(40, 640 / Double(counts.count)))
        let width = slot * Double(counts.count)
        let h = Self.height
        let every = max(1, counts.count / 16)  // label every total while they fit
        for (total, count) in counts.enumerated() {
            let x = Double(total) * slot
            if count > 0 {
                let barHeight = h * Double(count) / Double(top)
                canvas.rect(x + slot * 0.12, h - barHeight, slot * 0.76, barHeight, fill: Self.bar)
                canvas.text(String(count), x + slot / 2, h - barHeight - 4, size: 11, colour: Self.bar, bold: true)
            }
            if total % every == 0 || total == counts.count - 1 {
                canvas.text(String(total), x + slot / 2, h + 15, size: 11, colour: Self.ink)
            }
        }
        canvas.line([.init(x: 0, y: h), .init(x: width, y: h)], stroke: Self.muted, width: 1.2)
        canvas.text(axis, width / 2, h + 33, size: 12, colour: Self.muted, italic: true)
        return canvas
    }

    private func mermaid() -> String {
        """
        xychart-beta
          x-axis "\(FigureText.mermaid(axis))" [\(counts.indices.map { "\"\($0)\"" }.joined(separator: ", "))]
          bar [\(counts.map(String.init).joined(separator: ", "))]
        """
    }
}
