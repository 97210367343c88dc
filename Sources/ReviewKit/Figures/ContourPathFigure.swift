import Foundation

/// Level curves of a two-parameter function with the path an optimiser
/// takes over them: the iterates θ₀, θ₁, … as dots joined by arrows, the
/// start hollow. The curves come from a grid of values the topic computed
/// (`values[row][column]`, row 0 at `yRange.lowerBound`), traced by
/// marching squares at levels spread over the grid's values, so the plot
/// needs no math library and stays the same in SVG and TikZ.
struct ContourPathFigure {
    let values: [[Double]]
    let xRange: ClosedRange<Double>
    let yRange: ClosedRange<Double>
    /// The iterates, in order.
    let path: [(x: Double, y: Double)]
    /// The two parameters' names (axis titles).
    let xName: String, yName: String
    let caption: String

    static let size = 300.0
    static let levels = 9
    private static let ink = "#1d2330", muted = "#5b6475", curve = "#9fb4d6", pathColour = "#c0392b"

    func figure() -> Figure? {
        let finite = values.flatMap { $0 }.filter(\.isFinite)
        guard values.count >= 2, values[0].count >= 2, !path.isEmpty, !finite.isEmpty,
            path.allSatisfy({ $0.x.isFinite && $0.y.isFinite }), xRange.upperBound > xRange.lowerBound,
            yRange.upperBound > yRange.lowerBound
        else { return nil }
        // Every coordinate drawn is a grid corner, a point between two, or an
        // iterate: finite when the iterates map to finite pixels. Checked here
        // so the drawing itself (thousands of segments) is made only for the
        // format asked for — a Markdown sheet draws none of it.
        guard path.allSatisfy({ px($0.x).isFinite && py($0.y).isFinite }) else { return nil }
        return Figure(
            svg: draw(finite).svg(cssClass: "contour"), tikz: draw(finite).tikz(maxWidth: 9), mermaid: mermaid(),
            caption: caption)
    }

    private func px(_ x: Double) -> Double { (x - xRange.lowerBound) / (xRange.upperBound - xRange.lowerBound) * Self.size }
    private func py(_ y: Double) -> Double { Self.size - (y - yRange.lowerBound) / (yRange.upperBound - yRange.lowerBound) * Self.size }

    /// Levels at evenly spaced quantiles of the grid's values: every curve
    /// falls inside the plot whatever the function's scale.
    private func levels(_ finite: [Double]) -> [Double] {
        let sorted = finite.sorted()
        let picked = (1...Self.levels).map { sorted[min(sorted.count - 1, sorted.count * $0 / (Self.levels + 1))] }
        return Array(Set(picked)).sorted()
    }

    private func draw(_ finite: [Double]) -> FigureCanvas {
        var canvas = FigureCanvas()
        let s = Self.size
        canvas.rect(0, 0, s, s, fill: "#ffffff", stroke: Self.muted)
        for level in levels(finite) {
            for curve in curves(at: level) {
                canvas.line(curve, stroke: Self.curve, width: 1)
            }
        }
        // Axes: the range's ends and the parameter names.
        let small = 11.0
        canvas.text(FigureText.number(xRange.lowerBound), 0, s + 15, size: small, anchor: .start, colour: Self.muted)
        canvas.text(FigureText.number(xRange.upperBound), s, s + 15, size: small, anchor: .end, colour: Self.muted)
        canvas.text(FigureText.name(xName), s / 2, s + 17, size: 13, colour: Self.ink, italic: true)
        canvas.text(FigureText.number(yRange.lowerBound), -5, s, size: small, anchor: .end, colour: Self.muted)
        canvas.text(FigureText.number(yRange.upperBound), -5, 10, size: small, anchor: .end, colour: Self.muted)
        canvas.text(FigureText.name(yName), -8, s / 2, size: 13, anchor: .end, colour: Self.ink, italic: true)
        // The path.
        let points = path.map { FigureCanvas.Point(x: px($0.x), y: py($0.y)) }
        for (a, b) in zip(points, points.dropFirst()) where hypot(b.x - a.x, b.y - a.y) > 9 {
            let length = hypot(b.x - a.x, b.y - a.y)
            let tip = FigureCanvas.Point(x: b.x - (b.x - a.x) / length * 4, y: b.y - (b.y - a.y) / length * 4)
            canvas.arrow(a, tip, colour: Self.pathColour, width: 1.6, head: 7)
        }
        for (t, p) in points.enumerated() {
            canvas.circle(p, t == 0 ? 4.5 : 3.5, fill: t == 0 ? "#ffffff" : Self.pathColour, stroke: Self.pathColour, width: 1.6)
        }
        if let first = points.first {
            canvas.text("θ₀", first.x + 7, first.y - 7, size: 12, anchor: .start, colour: Self.pathColour, bold: true, halo: true)
        }
        if points.count > 1, let last = points.last {
            canvas.text("θ" + subscripted(points.count - 1), last.x + 7, last.y + 14, size: 12, anchor: .start,
                colour: Self.pathColour, bold: true, halo: true)
        }
        return canvas
    }

    /// The level curves at `level` as polylines, by marching squares: each
    /// cell joins the crossings on its edges in pairs, and pieces that meet
    /// on a shared grid edge are chained into one line. A crossing is worked
    /// out once per grid edge, so the two cells beside an edge agree on it
    /// to the bit. One line per curve instead of one per cell keeps the
    /// picture a few kilobytes.
    private func curves(at level: Double) -> [[FigureCanvas.Point]] {
        let rows = values.count, columns = values[0].count
        let s = Self.size
        let dx = s / Double(columns - 1), dy = s / Double(rows - 1)
        // Grid edges: horizontal (r, c)–(r, c+1) and vertical (r, c)–(r+1, c).
        func horizontal(_ r: Int, _ c: Int) -> Int { (r * columns + c) * 2 }
        func vertical(_ r: Int, _ c: Int) -> Int { (r * columns + c) * 2 + 1 }
        func point(_ edge: Int) -> FigureCanvas.Point {
            let r = edge / 2 / columns, c = edge / 2 % columns
            let a = values[r][c]
            if edge % 2 == 0 {
                let f = (level - a) / (values[r][c + 1] - a)
                return FigureCanvas.Point(x: (Double(c) + f) * dx, y: s - Double(r) * dy)
            }
            let f = (level - a) / (values[r + 1][c] - a)
            return FigureCanvas.Point(x: Double(c) * dx, y: s - (Double(r) + f) * dy)
        }
        var pieces: [(Int, Int)] = []
        for r in 0..<rows - 1 {
            for c in 0..<columns - 1 {
                // Corners bottom left, bottom right, top right, top left, and
                // the edge after each corner.
                let corners = [values[r][c], values[r][c + 1], values[r + 1][c + 1], values[r + 1][c]]
                guard corners.allSatisfy(\.isFinite) else { continue }
                let edges = [horizontal(r, c), vertical(r, c + 1), horizontal(r + 1, c), vertical(r, c)]
                var crossed: [Int] = []
                for e in 0..<4 where (corners[e] < level) != (corners[(e + 1) % 4] < level) {
                    crossed.append(edges[e])
                }
                var i = 0
                while i + 1 < crossed.count {
                    pieces.append((crossed[i], crossed[i + 1]))
                    i += 2
                }
            }
        }
        // Chain the pieces through the edges they share.
        var touching: [Int: [Int]] = [:]
        for (index, piece) in pieces.enumerated() {
            touching[piece.0, default: []].append(index)
            touching[piece.1, default: []].append(index)
        }
        var used = [Bool](repeating: false, count: pieces.count)
        func extend(_ chain: inout [Int]) {
            while let end = chain.last,
                let next = touching[end]?.first(where: { !used[$0] })
            {
                used[next] = true
                chain.append(pieces[next].0 == end ? pieces[next].1 : pieces[next].0)
            }
        }
        var lines: [[FigureCanvas.Point]] = []
        for index in pieces.indices where !used[index] {
            used[index] = true
            var forward = [pieces[index].0, pieces[index].1]
            extend(&forward)
            var backward = [pieces[index].0]
            extend(&backward)
            lines.append((backward.dropFirst().reversed() + forward).map(point))
        }
        return lines
    }

    private func subscripted(_ n: Int) -> String {
        let digits: [Character: Character] = ["0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅", "6": "₆", "7": "₇", "8": "₈", "9": "₉"]
        return String(String(n).compactMap { digits[$0] })
    }

    // MARK: Mermaid

    /// Markdown has no contour plot: each coordinate of the iterates
    /// against the step, as lines of an `xychart-beta`.
    private func mermaid() -> String {
        func list(_ values: [Double]) -> String {
            "[" + values.map { NumberFormat.coordinate($0, decimals: 4) }.joined(separator: ", ") + "]"
        }
        let all = path.flatMap { [$0.x, $0.y] }
        let low = all.min() ?? 0, high = all.max() ?? 1
        let pad = max((high - low) * 0.1, 0.1)
        return """
            xychart-beta
              x-axis "t" [\(path.indices.map { "\"\($0)\"" }.joined(separator: ", "))]
              y-axis "\(FigureText.mermaid(xName)), \(FigureText.mermaid(yName))" \(NumberFormat.coordinate(low - pad, decimals: 2)) --> \(NumberFormat.coordinate(high + pad, decimals: 2))
              line \(list(path.map(\.x)))
              line \(list(path.map(\.y)))
            """
    }
}
