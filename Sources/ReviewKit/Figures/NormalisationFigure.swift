import Foundation

/// One feature of a batch before and after batch normalisation: the raw
/// values x_i on an upper number line, the normalised x̂_i on a lower one
/// (its 0 and ±1 marked), a thin line joining each example's two dots. It
/// shows that normalising shifts the batch to mean 0 and scales it to
/// spread 1 without reordering it.
struct NormalisationFigure {
    let before: [Double]
    let after: [Double]
    /// Labels of the two lines (`x`, `x̂`).
    let beforeLabel: String, afterLabel: String
    let caption: String

    private static let width = 360.0, gap = 70.0
    private static let ink = "#1d2330", muted = "#5b6475", dot = "#2458a6", link = "#b8c3d6"

    func figure() -> Figure? {
        guard !before.isEmpty, before.count == after.count, (before + after).allSatisfy(\.isFinite) else { return nil }
        let canvas = draw()
        guard canvas.isFinite else { return nil }
        return Figure(svg: canvas.svg(cssClass: "normalisation"), tikz: canvas.tikz(maxWidth: 9), mermaid: mermaid(), caption: caption)
    }

    /// Pixel x of value v on a line spanning `range`.
    private func position(_ v: Double, _ range: (Double, Double)) -> Double {
        range.1 > range.0 ? (v - range.0) / (range.1 - range.0) * Self.width : Self.width / 2
    }

    private func span(_ values: [Double], including extra: [Double] = []) -> (Double, Double) {
        let all = values + extra
        let low = all.min()!, high = all.max()!
        let pad = max((high - low) * 0.08, 0.5)
        return (low - pad, high + pad)
    }

    private func draw() -> FigureCanvas {
        var canvas = FigureCanvas()
        let top = span(before), bottom = span(after, including: [-1, 1])
        let (y0, y1) = (0.0, Self.gap)
        for (y, range, label) in [(y0, top, beforeLabel), (y1, bottom, afterLabel)] {
            canvas.line([.init(x: 0, y: y), .init(x: Self.width, y: y)], stroke: Self.muted, width: 1.2)
            canvas.text(label, -10, y + 4, size: 13, anchor: .end, colour: Self.ink, italic: true)
            _ = range
        }
        for tick in [-1.0, 0, 1] {
            let x = position(tick, bottom)
            canvas.line([.init(x: x, y: y1 - 4), .init(x: x, y: y1 + 4)], stroke: Self.muted, width: 1)
            canvas.text(FigureText.number(tick), x, y1 + 18, size: 11, colour: Self.muted)
        }
        for (a, b) in zip(before, after) {
            canvas.line([.init(x: position(a, top), y: y0), .init(x: position(b, bottom), y: y1)], stroke: Self.link, width: 1, dashed: true)
        }
        var labelled: [Double] = []
        for a in before where !labelled.contains(a) {
            labelled.append(a)
            canvas.text(FigureText.number(a), position(a, top), y0 - 9, size: 11, colour: Self.muted)
        }
        for a in before { canvas.circle(.init(x: position(a, top), y: y0), 4.5, fill: Self.dot) }
        for b in after { canvas.circle(.init(x: position(b, bottom), y: y1), 4.5, fill: "#c0392b") }
        return canvas
    }

    /// Markdown: the two series per example as an `xychart-beta`.
    private func mermaid() -> String {
        func list(_ values: [Double]) -> String {
            "[" + values.map { NumberFormat.coordinate($0, decimals: 4) }.joined(separator: ", ") + "]"
        }
        let all = before + after
        return """
            xychart-beta
              x-axis "i" [\(before.indices.map { "\"\($0 + 1)\"" }.joined(separator: ", "))]
              y-axis "\(FigureText.mermaid(beforeLabel)), \(FigureText.mermaid(afterLabel))" \(NumberFormat.coordinate(all.min()! - 0.5, decimals: 2)) --> \(NumberFormat.coordinate(all.max()! + 0.5, decimals: 2))
              bar \(list(before))
              line \(list(after))
            """
    }
}
