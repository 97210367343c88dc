import Foundation

/// The transitions of a bellman problem (issue 16, item 6): each state a
/// circle on one row, in order of first appearance; each outcome of each
/// update an arrow from the state to where it leads, labelled
/// `1: right, r = 0` with `p = 0.8` on a random branch. An episode that
/// ends without a named state ends in a square (`end`).
///
/// Every arrow runs up from its state to a lane of its own above the row,
/// across, and down into the next state, so arrows never cross a circle
/// and no two labels share a line: the labels sit on the lanes.
struct BellmanTransitionsFigure {
    struct Arrow {
        var update: Int
        var action: String
        var reward: Double
        /// Nil for a deterministic update.
        var probability: Double?
        var from: String
        /// Nil: the episode ends in the unnamed end state.
        var to: String?
        var terminal: Bool
    }

    let arrows: [Arrow]
    /// The word in the unnamed end state's box.
    let endWord: String
    var caption = ""

    static let maxArrows = 30
    private static let ink = "#1d2330", state = "#2458a6", label = "#5b6475", terminal = "#b4232c"
    private static let radius = 20.0, laneGap = 24.0, labelSize = 12.0

    func figure() -> Figure? {
        guard !arrows.isEmpty, arrows.count <= Self.maxArrows else { return nil }
        let canvas = draw()
        return Figure(svg: canvas.svg(cssClass: "transitions"), tikz: canvas.tikz(), mermaid: mermaid(), caption: caption)
    }

    // MARK: What is drawn

    /// States in order of first appearance; the unnamed end state is `nil`.
    private var states: [String?] {
        var seen: [String?] = []
        for arrow in arrows {
            if !seen.contains(arrow.from) { seen.append(arrow.from) }
            if !seen.contains(arrow.to) { seen.append(arrow.to) }
        }
        return seen
    }

    /// Whether some arrow ends in a square (the caption says what it means).
    var hasEnd: Bool { states.contains(where: isEnd) }

    /// Which states only ever end an episode (drawn as squares).
    private func isEnd(_ state: String?) -> Bool {
        state == nil || (arrows.contains { $0.to == state && $0.terminal } && !arrows.contains { $0.from == state })
    }

    private func name(_ state: String?) -> String { FigureText.short(state ?? endWord, limit: 12) }

    private func text(_ arrow: Arrow) -> String {
        var text = "\(arrow.update): \(FigureText.short(arrow.action, limit: 14)), r = \(FigureText.number(arrow.reward))"
        if let p = arrow.probability { text += ", p = \(FigureText.number(p))" }
        return text
    }

    // MARK: SVG and TikZ

    private func draw() -> FigureCanvas {
        var canvas = FigureCanvas()
        let states = self.states
        let widest = states.map { FigureCanvas.textWidth(name($0), size: 13) }.max() ?? 0
        let spacing = max(110, widest + 50)
        func x(_ state: String?) -> Double { Double(states.firstIndex(of: state) ?? 0) * spacing }
        let r = Self.radius
        for state in states {
            if isEnd(state) {
                canvas.rect(x(state) - r, -r, 2 * r, 2 * r, fill: "#fdf3f3", stroke: Self.terminal)
            } else {
                canvas.circle(.init(x: x(state), y: 0), r, fill: "#f5f7fb", stroke: Self.state, width: 1.6)
            }
            let size = FigureCanvas.textWidth(name(state), size: 13) > 2 * r - 4 ? 10.0 : 13.0
            canvas.text(name(state), x(state), 4.5, size: size, colour: Self.ink, italic: state != nil)
        }
        // Arrows leaving and entering one state start and end side by side.
        var leaving: [String?: Int] = [:], entering: [String?: Int] = [:]
        // Short arrows on the low lanes, long ones above them, so they nest rather than cross.
        let span = { (arrow: Arrow) in abs(x(arrow.to) - x(arrow.from)) }
        let byLane = arrows.enumerated().sorted { (span($0.element), $0.offset) < (span($1.element), $1.offset) }.map(\.element)
        for (lane, arrow) in byLane.enumerated() {
            let y = -(r + 22 + Double(lane) * Self.laneGap)
            let out = Double(leaving[arrow.from, default: 0]), into = Double(entering[arrow.to, default: 0])
            leaving[arrow.from, default: 0] += 1
            entering[arrow.to, default: 0] += 1
            // Leave from the left half of the circle's top, arrive on the right half.
            let start = x(arrow.from) - 4 - (out * 4).truncatingRemainder(dividingBy: 12)
            let end = x(arrow.to) + 4 + (into * 4).truncatingRemainder(dividingBy: 12)
            let top = { (px: Double, state: String?) in
                self.isEnd(state) ? -r : -sqrt(max(r * r - (px - x(state)) * (px - x(state)), 0))
            }
            let colour = arrow.terminal ? Self.terminal : Self.ink
            canvas.line(
                [.init(x: start, y: top(start, arrow.from)), .init(x: start, y: y), .init(x: end, y: y), .init(x: end, y: y + 8)],
                stroke: colour)
            canvas.arrow(.init(x: end, y: y + 8), .init(x: end, y: top(end, arrow.to)), colour: colour, head: 7)
            canvas.text(text(arrow), (start + end) / 2, y - 5, size: Self.labelSize, colour: Self.label, halo: true)
        }
        return canvas
    }

    // MARK: Mermaid

    private func mermaid() -> String {
        let states = self.states
        var lines = ["flowchart LR"]
        for (i, state) in states.enumerated() {
            let label = "\"" + FigureText.mermaid(name(state)) + "\""
            lines.append(isEnd(state) ? "  s\(i)[\(label)]" : "  s\(i)((\(label)))")
        }
        for arrow in arrows {
            let from = states.firstIndex(of: arrow.from)!, to = states.firstIndex(of: arrow.to)!
            lines.append("  s\(from) -- \"\(FigureText.mermaid(text(arrow)))\" --> s\(to)")
        }
        return lines.joined(separator: "\n")
    }
}
