import Foundation

/// Draws a computational graph the way CS231n does: inputs on the left, one
/// node per operation, each wire labelled with its forward value (green,
/// above) and the gradient flowing back along it (red, below). Node names
/// match the written steps (`z₁ = x · 3`).
///
/// Layout is layered: an operation sits one column right of its deepest
/// input, a constant just left of the node that uses it; within a column,
/// nodes are ordered by where their inputs are. A wire that skips columns
/// runs along a lane above the graph, so it never crosses a node and its
/// labels have room.
struct ComputationGraphFigure {
    static let maxOperations = 40

    let graph: ComputationGraph
    let caption: String

    private static let radius = 21.0

    func figure() -> Figure? {
        guard graph.nodes.filter(\.isOperation).count <= Self.maxOperations else { return nil }
        var placed = GraphLayout(graph: graph, hidden: hiddenNodes)
        placeLabels(&placed)
        let layout = placed
        return Figure(svg: svg(layout), tikz: tikz(layout), mermaid: mermaid(), caption: caption)
    }

    // MARK: What is drawn

    /// Euler's `e` as the base of a power is drawn inside an `exp` node.
    private var hiddenNodes: Set<Int> {
        Set(graph.nodes.compactMap { node in
            guard node.operation == .power, case .constant(_, "e") = graph.nodes[node.inputs[0]].kind else { return nil }
            return node.inputs[0]
        })
    }

    private func symbol(_ node: GraphNode) -> String {
        switch node.kind {
        case .input(let name): return FigureText.name(name)
        case .constant: return node.isEuler ? "e" : FigureText.number(node.value)
        case .operation(let op):
            switch op {
            case .add: return "+"
            case .subtract: return "−"
            case .multiply: return "×"
            case .divide: return "÷"
            case .power: return hiddenNodes.contains(node.inputs[0]) ? "exp" : "^"
            case .negate: return "−"
            case .sqrt: return "√"
            case .abs: return "|·|"
            case .sigmoid: return "σ"
            case .log: return "ln"
            default: return op.rawValue
            }
        }
    }

    /// The gradient that flows back along the wire from operand `i` of `node`.
    private func wireGradient(_ wire: GraphLayout.Wire) -> Double? {
        graph.nodes[wire.from].contributions.first { $0.from == wire.to && $0.operandIndex == wire.operand }?.value
    }

    private func wireValue(_ wire: GraphLayout.Wire) -> Double {
        wire.to == -1 ? graph.output.value : graph.nodes[wire.from].value
    }

    /// Moves each wire's labels along its wire until they overlap no other
    /// label (two wires crossing between the same columns would put theirs
    /// on one spot): the node names and symbols first, then wire by wire.
    private func placeLabels(_ layout: inout GraphLayout) {
        var placer = LabelPlacer()
        for node in graph.nodes {
            guard let p = layout.position[node.index] else { continue }
            let text = symbol(node)
            placer.fix(text, size: node.isOperation && text.count <= 3 ? 15 : 13, at: .init(x: p.x, y: p.y + 5))
            if node.isOperation {
                placer.fix(FigureText.name(node.name ?? ""), size: 14, at: .init(x: p.x, y: p.y - Self.radius - 6))
            }
        }
        layout.placeLabels { wire, spots in
            var group = [(text: FigureText.number(wireValue(wire)), size: 13.0, dx: 0.0, dy: -6.0)]
            if case .constant = graph.nodes[wire.from].kind, wire.to != -1 { return spots[0] }
            if let gradient = wire.to == -1 ? 1 : wireGradient(wire) {
                group.append((FigureText.number(gradient), 13, 0, 16))
            }
            return placer.place(group: group, spots.map { LabelPlacer.Spot(x: $0.x, y: $0.y) }).point
        }
    }

    // MARK: SVG

    private func svg(_ layout: GraphLayout) -> String {
        let (forward, backward, ink) = ("#1f7a3f", "#b4232c", "#5b6475")
        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" class="graph" viewBox="0 0 \(Int(layout.width)) \(Int(layout.height))" \
            width="\(Int(layout.width))" style="max-width:100%;height:auto" role="img" font-family="inherit" font-size="14">
            <defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">\
            <path d="M0,0 L10,5 L0,10 z" fill="\(ink)"/></marker></defs>

            """
        func label(_ text: String, _ x: Double, _ y: Double, _ color: String) -> String {
            "<text x=\"\(r(x))\" y=\"\(r(y))\" text-anchor=\"middle\" fill=\"\(color)\" font-size=\"13\" "
                + "paint-order=\"stroke\" stroke=\"#ffffff\" stroke-width=\"4\">\(FigureText.xml(text))</text>\n"
        }
        for wire in layout.wires {
            let points = wire.points.map { "\(r($0.x)),\(r($0.y))" }.joined(separator: " ")
            out += "<polyline points=\"\(points)\" fill=\"none\" stroke=\"\(ink)\" stroke-width=\"1.4\" marker-end=\"url(#arrow)\"/>\n"
            // A constant's box already shows its value, and nothing flows back to it.
            if case .constant = graph.nodes[wire.from].kind, wire.to != -1 { continue }
            out += label(FigureText.number(wireValue(wire)), wire.label.x, wire.label.y - 6, forward)
            let gradient = wire.to == -1 ? 1 : wireGradient(wire)
            if let gradient { out += label(FigureText.number(gradient), wire.label.x, wire.label.y + 16, backward) }
        }
        for node in graph.nodes {
            guard let p = layout.position[node.index] else { continue }
            let text = FigureText.xml(symbol(node))
            let radius = Self.radius
            switch node.kind {
            case .operation:
                out += "<circle cx=\"\(r(p.x))\" cy=\"\(r(p.y))\" r=\"\(r(radius))\" fill=\"#f5f7fb\" stroke=\"#2458a6\" stroke-width=\"1.6\"/>\n"
                out += "<text x=\"\(r(p.x))\" y=\"\(r(p.y + 5))\" text-anchor=\"middle\" font-size=\"\(text.count > 3 ? 11 : 15)\">\(text)</text>\n"
                out += "<text x=\"\(r(p.x))\" y=\"\(r(p.y - radius - 6))\" text-anchor=\"middle\" font-style=\"italic\" fill=\"#2458a6\">\(FigureText.xml(FigureText.name(node.name ?? "")))</text>\n"
            case .input:
                out += "<rect x=\"\(r(p.x - radius))\" y=\"\(r(p.y - 15))\" width=\"\(r(2 * radius))\" height=\"30\" rx=\"6\" fill=\"#ffffff\" stroke=\"#1d2330\" stroke-width=\"1.4\"/>\n"
                out += "<text x=\"\(r(p.x))\" y=\"\(r(p.y + 5))\" text-anchor=\"middle\" font-style=\"italic\">\(text)</text>\n"
            case .constant:
                out += "<rect x=\"\(r(p.x - radius))\" y=\"\(r(p.y - 13))\" width=\"\(r(2 * radius))\" height=\"26\" rx=\"4\" fill=\"#f5f7fb\" stroke=\"#9aa3b2\" stroke-dasharray=\"3 2\"/>\n"
                out += "<text x=\"\(r(p.x))\" y=\"\(r(p.y + 5))\" text-anchor=\"middle\" fill=\"\(ink)\" font-size=\"13\">\(text)</text>\n"
            }
        }
        out += "</svg>"
        return out
    }

    private func r(_ value: Double) -> String {
        NumberFormat.coordinate(value)
    }

    // MARK: TikZ

    private func tikz(_ layout: GraphLayout) -> String {
        let scale = 1 / 60.0
        func point(_ p: GraphLayout.Point) -> String { "(\(r(p.x * scale)),\(r(-p.y * scale)))" }
        var out = "\\begin{tikzpicture}[>={Stealth}, every node/.style={font=\\small}]\n"
        for node in graph.nodes {
            guard let p = layout.position[node.index] else { continue }
            switch node.kind {
            case .operation:
                let name = MathNotation.name(node.name ?? "")
                out += "\\node[circle, draw=blue!60!black, fill=blue!4, minimum size=8mm, inner sep=1pt, label={[text=blue!60!black]above:$\(name)$}] (n\(node.index)) at \(point(p)) {\(tikzSymbol(node))};\n"
            case .input(let name):
                out += "\\node[draw, rounded corners, minimum width=8mm, minimum height=6mm] (n\(node.index)) at \(point(p)) {$\(MathNotation.name(name))$};\n"
            case .constant:
                out += "\\node[draw=gray, dashed, minimum width=8mm, minimum height=5mm, text=gray] (n\(node.index)) at \(point(p)) {$\(FigureText.tikzNumber(node.value))$};\n"
            }
        }
        for wire in layout.wires {
            var path = wire.points.map(point).joined(separator: " -- ")
            // Start and end on the node outlines, except for the two wires of
            // an operand used twice, which keep their offset points.
            if wire.to != -1, graph.nodes[wire.to].inputs.filter({ $0 == wire.from }).count == 1 {
                var inner = Array(wire.points.dropFirst().dropLast()).map(point)
                inner.insert("(n\(wire.from))", at: 0)
                inner.append("(n\(wire.to))")
                path = inner.joined(separator: " -- ")
            }
            let gradient = wire.to == -1 ? 1 : wireGradient(wire)
            var labels = "\\node[text=green!45!black, font=\\scriptsize, above] at \(point(wire.label)) {$\(FigureText.tikzNumber(wireValue(wire)))$};"
            if let gradient {
                labels += " \\node[text=red!70!black, font=\\scriptsize, below] at \(point(wire.label)) {$\(FigureText.tikzNumber(gradient))$};"
            }
            out += "\\draw[->, gray!70!black] \(path);\n\(labels)\n"
        }
        out += "\\end{tikzpicture}"
        return out
    }

    private func tikzSymbol(_ node: GraphNode) -> String {
        switch node.operation {
        case .add: return "$+$"
        case .subtract, .negate: return "$-$"
        case .multiply: return "$\\times$"
        case .divide: return "$\\div$"
        case .power: return hiddenNodes.contains(node.inputs[0]) ? "exp" : "\\textasciicircum"
        case .sqrt: return "$\\sqrt{\\cdot}$"
        case .abs: return "$|\\cdot|$"
        case .sigmoid: return "$\\sigma$"
        case .log: return "ln"
        case .some(let op): return op.rawValue
        case .none: return ""
        }
    }

    // MARK: Mermaid

    private func mermaid() -> String {
        var lines = ["flowchart LR"]
        let hidden = hiddenNodes
        for node in graph.nodes where !hidden.contains(node.index) {
            let text = node.isOperation ? "\(FigureText.name(node.name ?? "")): \(symbol(node))" : symbol(node)
            let quoted = "\"" + text.replacingOccurrences(of: "\"", with: "#quot;") + "\""
            switch node.kind {
            case .operation: lines.append("  n\(node.index)((\(quoted)))")
            case .input: lines.append("  n\(node.index)[\(quoted)]")
            case .constant: lines.append("  n\(node.index)[/\(quoted)/]")
            }
        }
        for node in graph.nodes where node.isOperation {
            for (i, input) in node.inputs.enumerated() where !hidden.contains(input) {
                let wire = GraphLayout.Wire(from: input, to: node.index, operand: i, points: [], label: .init(x: 0, y: 0))
                var label = FigureText.number(wireValue(wire))
                if let gradient = wireGradient(wire) { label += " / ∂ " + FigureText.number(gradient) }
                lines.append("  n\(input) -- \"\(label)\" --> n\(node.index)")
            }
        }
        lines.append("  out[\" \"]")
        lines.append("  n\(graph.outputIndex) -- \"\(FigureText.number(graph.output.value)) / ∂ 1\" --> out")
        return lines.joined(separator: "\n")
    }
}

/// Positions and wire routes for `ComputationGraphFigure`.
struct GraphLayout {
    struct Point { var x: Double; var y: Double }
    /// A wire from node `from` into operand `operand` of node `to` (`to` is
    /// -1 for the output's outgoing wire), with the point its labels sit on.
    struct Wire { var from: Int; var to: Int; var operand: Int; var points: [Point]; var label: Point }

    private(set) var position: [Int: Point] = [:]
    private(set) var wires: [Wire] = []
    private(set) var width = 0.0, height = 0.0

    private let rowHeight = 104.0, laneHeight = 34.0, margin = 30.0, radius = 21.0
    /// Narrower columns for long graphs, so the picture fits a page at a
    /// readable scale (labels are short numbers).
    private let columnWidth: Double

    init(graph: ComputationGraph, hidden: Set<Int>) {
        let nodes = graph.nodes
        var column = [Int](repeating: 0, count: nodes.count)
        var firstUser: [Int: Int] = [:]
        for node in nodes where node.isOperation {
            column[node.index] = 1 + (node.inputs.filter { !hidden.contains($0) }.map { column[$0] }.max() ?? -1)
            for input in node.inputs where firstUser[input] == nil { firstUser[input] = node.index }
        }
        for node in nodes {  // constants sit just before the node that uses them
            if case .constant = node.kind, let user = firstUser[node.index] { column[node.index] = max(column[user] - 1, 0) }
        }
        let visible = nodes.indices.filter { !hidden.contains($0) }
        let columns = (visible.map { column[$0] }.max() ?? 0) + 1
        columnWidth = max(104, min(170, 760 / Double(columns)))

        // Rows: each column ordered by the mean row of its members' inputs.
        var row: [Int: Double] = [:]
        var rows = 1
        for c in 0..<columns {
            let members = visible.filter { column[$0] == c }.sorted { a, b in
                Self.sortKey(a, nodes, row, firstUser) < Self.sortKey(b, nodes, row, firstUser)
            }
            for (i, index) in members.enumerated() { row[index] = Double(i) }
            rows = max(rows, members.count)
        }

        // Wires that skip a column get a lane each: above the nodes when they
        // start in the upper half, below otherwise.
        var long: [(Int, Int, Int)] = []
        var short: [(Int, Int, Int)] = []
        for node in nodes where node.isOperation {
            for (i, input) in node.inputs.enumerated() where !hidden.contains(input) {
                if column[node.index] - column[input] > 1 { long.append((input, node.index, i)) } else { short.append((input, node.index, i)) }
            }
        }
        let isUpper = { (index: Int) in row[index]! < Double(visible.filter { column[$0] == column[index] }.count) / 2 }
        let above = long.filter { isUpper($0.0) }, below = long.filter { !isUpper($0.0) }
        let top = margin + Double(above.count) * laneHeight + (above.isEmpty ? 0 : 14)
        for index in visible {
            let members = visible.filter { column[$0] == column[index] }.count
            let offset = (Double(rows) - Double(members)) / 2
            position[index] = Point(
                x: margin + 30 + Double(column[index]) * columnWidth,
                y: top + (row[index]! + offset + 0.5) * rowHeight)
        }
        for (from, to, operand) in short {
            let a = position[from]!, b = position[to]!
            var start = Point(x: a.x + radius, y: a.y), end = Point(x: b.x - radius - 2, y: b.y)
            var label = Point(x: (start.x + end.x) / 2, y: (start.y + end.y) / 2)
            // A node filling both operands of one node (x·x, or a shared z·z)
            // gets two wires, one above the other, so neither they nor their
            // labels lie on top of each other.
            if nodes[to].inputs.filter({ $0 == from }).count > 1 {
                let side = nodes[to].inputs.firstIndex(of: from) == operand ? -1.0 : 1.0
                start = Point(x: a.x + radius * 0.6, y: a.y + side * radius * 0.8)
                end = Point(x: b.x - radius * 0.6 - 2, y: b.y + side * radius * 0.8)
                label = Point(x: (start.x + end.x) / 2, y: (start.y + end.y) / 2 + side * 8)
            }
            wires.append(Wire(from: from, to: to, operand: operand, points: [start, end], label: label))
        }
        let bottom = top + Double(rows) * rowHeight
        let lanes = above.enumerated().map { ($1, margin + Double(above.count - 1 - $0) * laneHeight + 14, -1.0) }
            + below.enumerated().map { ($1, bottom + Double($0) * laneHeight + 10, 1.0) }
        for ((from, to, operand), y, side) in lanes {
            let a = position[from]!, b = position[to]!
            let points = [
                Point(x: a.x + radius * 0.7, y: a.y + side * radius * 0.7), Point(x: a.x + columnWidth * 0.35, y: y),
                Point(x: b.x - columnWidth * 0.45, y: y), Point(x: b.x - radius * 0.8, y: b.y + side * radius * 0.7),
            ]
            let label = Point(x: (points[1].x + points[2].x) / 2, y: y)
            wires.append(Wire(from: from, to: to, operand: operand, points: points, label: label))
        }
        let output = position[graph.outputIndex]!
        let end = Point(x: output.x + radius + columnWidth * 0.6, y: output.y)
        wires.append(
            Wire(
                from: graph.outputIndex, to: -1, operand: 0, points: [Point(x: output.x + radius, y: output.y), end],
                label: Point(x: output.x + radius + columnWidth * 0.3, y: output.y)))
        width = margin + 30 + Double(columns - 1) * columnWidth + columnWidth * 0.8 + margin
        height = bottom + Double(below.count) * laneHeight + margin / 2 + (below.isEmpty ? 0 : 14)
    }

    /// Lets `choose` pick each wire's label point among spots along it, the
    /// middle first.
    mutating func placeLabels(_ choose: (Wire, [Point]) -> Point) {
        for w in wires.indices {
            let points = wires[w].points
            // The straight wire, or a lane's horizontal run.
            let (a, b) = points.count == 4 ? (points[1], points[2]) : (points[0], points[points.count - 1])
            let spots = [0.5, 0.38, 0.62, 0.28, 0.72, 0.2, 0.8].map { t in
                Point(x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t + (wires[w].label.y - (a.y + b.y) / 2))
            }
            wires[w].label = choose(wires[w], spots)
        }
    }

    /// Inside a column: the mean row of a node's inputs; leaves follow the
    /// order of the node that first uses them.
    private static func sortKey(_ index: Int, _ nodes: [GraphNode], _ row: [Int: Double], _ firstUser: [Int: Int]) -> Double {
        let rows = nodes[index].inputs.compactMap { row[$0] }
        if !rows.isEmpty { return rows.reduce(0, +) / Double(rows.count) + Double(index) * 1e-6 }
        return Double(firstUser[index] ?? index) * 1e-3 + Double(index) * 1e-6
    }
}
