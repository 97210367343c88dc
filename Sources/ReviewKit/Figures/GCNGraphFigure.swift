import Foundation

/// Draws a gcn problem's graph: nodes on a circle (node 0 at the top, then
/// clockwise), each with its number inside and its feature vector h_i
/// outside; every edge of A, with an arrow for directed graphs pointing the
/// way features flow (edge (u, v) means u gathers from v, so the arrow runs
/// v → u); the self loops of Ã as small loops; and each edge labelled with
/// its weight in Â, the number the aggregation multiplies by.
struct GCNGraphFigure {
    /// Past this many nodes a circle of labels no longer reads; the
    /// matrices on the sheet say everything anyway.
    static let maxNodes = 12

    let solution: GCNTopic.Solution
    let caption: String

    private static let radius = 18.0
    private static let ink = "#1d2330", edge = "#5b6475", node = "#2458a6", weight = "#8a4b08", feature = "#1f6f3f"

    private var problem: GCNTopic.Problem { solution.problem }
    private var n: Int { problem.nodeCount }

    /// Whether the edges carry Â labels: not when every one would read 1
    /// (normalisation "none" on an unweighted graph), which says nothing.
    var labelsWeights: Bool {
        solution.normalizedEntries.contains { $0.value != 1 }
    }

    /// Whether some undirected edge carries two labels, one near each end
    /// (row normalisation: Â_uv ≠ Â_vu), so the caption says which is which.
    var labelsEnds: Bool {
        labelsWeights && !problem.directed
            && pairs.contains { solution.normalized[$0.i][$0.j] != solution.normalized[$0.j][$0.i] }
    }

    func figure() -> Figure? {
        guard n >= 1, n <= Self.maxNodes else { return nil }
        let canvas = draw()
        guard canvas.isFinite else { return nil }
        return Figure(svg: canvas.svg(cssClass: "graph"), tikz: canvas.tikz(), mermaid: mermaid(), caption: caption)
    }

    // MARK: Layout

    /// Node i's centre; the picture's centre is (0, 0).
    func position(_ i: Int) -> FigureCanvas.Point {
        guard n > 1 else { return .init(x: 0, y: 0) }
        let circle = max(100, Double(n) * 130 / (2 * Double.pi))
        let start = n == 2 ? Double.pi : -Double.pi / 2
        let angle = start + 2 * Double.pi * Double(i) / Double(n)
        return .init(x: circle * cos(angle), y: circle * sin(angle))
    }

    /// The unit vector pointing away from the picture's centre at node i
    /// (straight up for a lone node).
    private func outward(_ i: Int) -> (Double, Double) {
        let p = position(i)
        let length = hypot(p.x, p.y)
        return length == 0 ? (0, -1) : (p.x / length, p.y / length)
    }

    /// Edges i–j of A (i < j) and which way each gathers.
    private var pairs: [(i: Int, j: Int, iGathers: Bool, jGathers: Bool)] {
        var result: [(Int, Int, Bool, Bool)] = []
        for i in 0..<n {
            for j in (i + 1)..<max(n, i + 1) where solution.adjacency[i][j] != 0 || solution.adjacency[j][i] != 0 {
                result.append((i, j, solution.adjacency[i][j] != 0, solution.adjacency[j][i] != 0))
            }
        }
        return result
    }

    private func weightText(_ i: Int, _ j: Int) -> String {
        FigureText.number(solution.normalized[i][j])
    }

    // MARK: Drawing

    private func draw() -> FigureCanvas {
        var canvas = FigureCanvas()
        let r = Self.radius
        // Weights go where no other label is (two edges meeting at a node put
        // their row-normalised weights side by side); the node numbers and
        // feature vectors, drawn last, are known first.
        var labels = LabelPlacer()
        for i in 0..<n {
            let feature = featureSpot(i)
            labels.fix(features(i), size: 13, at: .init(x: feature.x, y: feature.y, anchor: feature.anchor))
            labels.fix(String(i), size: 15, at: .init(x: position(i).x, y: position(i).y + 5))
        }
        for pair in pairs {
            let (a, b) = (position(pair.i), position(pair.j))
            let length = hypot(b.x - a.x, b.y - a.y)
            let (ux, uy) = ((b.x - a.x) / length, (b.y - a.y) / length)
            func along(_ p: FigureCanvas.Point, _ t: Double, offset: Double) -> FigureCanvas.Point {
                .init(x: p.x + ux * t - uy * offset, y: p.y + uy * t + ux * offset)
            }
            /// The spot `t` along the edge, then nearby ones: further along, then beside it.
            func near(_ t: Double, offset: Double = 0, towards sign: Double = 1) -> [FigureCanvas.Point] {
                [0.0, 12, -12, 24].flatMap { dt in [0.0, 12, -12].map { dn in along(a, t + sign * dt, offset: offset + dn) } }
            }
            if !problem.directed {
                canvas.line([along(a, r, offset: 0), along(b, -r, offset: 0)], stroke: Self.edge)
                guard labelsWeights else { continue }
                if solution.normalized[pair.i][pair.j] == solution.normalized[pair.j][pair.i] {
                    // 40% of the way, so labels of chords crossing at the centre part.
                    label(&canvas, &labels, weightText(pair.i, pair.j), near(length * 0.4))
                } else {
                    // Row normalisation: each end gathers with its own weight.
                    label(&canvas, &labels, weightText(pair.i, pair.j), near(r + (length - 2 * r) * 0.25))
                    label(&canvas, &labels, weightText(pair.j, pair.i), near(length - r - (length - 2 * r) * 0.25, towards: -1))
                }
                continue
            }
            let both = pair.iGathers && pair.jGathers
            let offset = both ? 5.0 : 0
            if pair.iGathers {  // features flow j → i
                canvas.arrow(along(a, length - r, offset: offset), along(a, r + 1, offset: offset), colour: Self.edge)
                if labelsWeights {
                    label(&canvas, &labels, weightText(pair.i, pair.j), near(both ? length * 0.38 : length / 2, offset: both ? 13 : 0))
                }
            }
            if pair.jGathers {  // features flow i → j
                canvas.arrow(along(a, r, offset: -offset), along(a, length - r - 1, offset: -offset), colour: Self.edge)
                if labelsWeights {
                    label(&canvas, &labels, weightText(pair.j, pair.i), near(both ? length * 0.62 : length / 2, offset: both ? -13 : 0, towards: -1))
                }
            }
        }
        for i in 0..<n {
            let p = position(i)
            if solution.withSelfLoops[i][i] != 0 { selfLoop(&canvas, &labels, i) }
            canvas.circle(p, r, fill: "#f5f7fb", stroke: Self.node, width: 1.6)
            canvas.text(String(i), p.x, p.y + 5, size: 15, colour: Self.ink, bold: true)
            let feature = featureSpot(i)
            canvas.text(features(i), feature.x, feature.y, size: 13, anchor: feature.anchor, colour: Self.feature, halo: true)
        }
        return canvas
    }

    /// The feature vector's baseline point just outside node i, away from the centre.
    private func featureSpot(_ i: Int) -> (x: Double, y: Double, anchor: FigureCanvas.Anchor) {
        let p = position(i), r = Self.radius
        let (ox, oy) = outward(i)
        let at = FigureCanvas.Point(x: p.x + ox * (r + 12), y: p.y + oy * (r + 12))
        let anchor: FigureCanvas.Anchor = abs(ox) < 0.35 ? .middle : ox > 0 ? .start : .end
        let baseline = anchor == .middle ? (oy < 0 ? at.y : at.y + 11) : at.y + 4
        return (at.x, baseline, anchor)
    }

    /// A loop on node i, beside the feature label (75° from the outward
    /// direction: chords to the neighbours leave at 90° + 180°/n or more).
    private func selfLoop(_ canvas: inout FigureCanvas, _ labels: inout LabelPlacer, _ i: Int) {
        let p = position(i)
        let (ox, oy) = outward(i)
        let turn = Double.pi * 75 / 180 * (ox >= 0 ? 1 : -1)
        let (dx, dy) = (ox * cos(turn) - oy * sin(turn), ox * sin(turn) + oy * cos(turn))
        let loopRadius = 10.0
        let centre = FigureCanvas.Point(x: p.x + dx * (Self.radius + 5), y: p.y + dy * (Self.radius + 5))
        canvas.circle(centre, loopRadius, stroke: Self.edge, width: 1.3)
        if labelsWeights {
            let text = weightText(i, i)
            let far = Self.radius + 5 + loopRadius + 9 + abs(dx) * FigureCanvas.textWidth(text, size: 12) / 2
            label(&canvas, &labels, text, [0.0, 10, 20, 32].map { .init(x: p.x + dx * (far + $0), y: p.y + dy * (far + $0)) })
        }
    }

    /// A weight at the first of `spots` (centres) that leaves every label readable.
    private func label(_ canvas: inout FigureCanvas, _ labels: inout LabelPlacer, _ text: String, _ spots: [FigureCanvas.Point]) {
        let at = labels.place(text, size: 12, spots.map { .init(x: $0.x, y: $0.y + 4) })
        canvas.text(text, at.x, at.y, size: 12, colour: Self.weight, halo: true)
    }

    /// `(1, 0.5, −2)`: h_i with at most 5 entries shown.
    func features(_ i: Int) -> String {
        let row = problem.features[i]
        var entries = row.prefix(5).map(FigureText.number)
        if row.count > 5 { entries.append("…") }
        return "(" + entries.joined(separator: ", ") + ")"
    }

    // MARK: Mermaid

    private func mermaid() -> String {
        var lines = ["flowchart LR"]
        for i in 0..<n {
            lines.append("  n\(i)((\"\(i): \(features(i))\"))")
        }
        func weight(_ i: Int, _ j: Int) -> String { labelsWeights ? "|\"\(weightText(i, j))\"|" : "" }
        for pair in pairs {
            if !problem.directed {
                let text = solution.normalized[pair.i][pair.j] == solution.normalized[pair.j][pair.i]
                    ? weightText(pair.i, pair.j) : "\(weightText(pair.i, pair.j)) / \(weightText(pair.j, pair.i))"
                lines.append("  n\(pair.i) ---\(labelsWeights ? "|\"\(text)\"|" : "") n\(pair.j)")
                continue
            }
            if pair.iGathers { lines.append("  n\(pair.j) -->\(weight(pair.i, pair.j)) n\(pair.i)") }
            if pair.jGathers { lines.append("  n\(pair.i) -->\(weight(pair.j, pair.i)) n\(pair.j)") }
        }
        for i in 0..<n where solution.withSelfLoops[i][i] != 0 {
            lines.append("  n\(i) \(problem.directed ? "-->" : "---")\(weight(i, i)) n\(i)")
        }
        return lines.joined(separator: "\n")
    }
}
