/// One GRU step drawn as a cell with the step's numbers on its wires: the
/// state h_{t−1} along the top through ⊗ and ⊕ to h_t; h_{t−1} and x_t along
/// the bottom into the reset gate r, the update gate z (σ boxes) and the
/// candidate h̃ (a tanh box); r meeting h_{t−1} (reset before) or W h_{t−1}
/// (reset after, a small W box on the wire); and the 1 − z node on whichever
/// branch the problem's `z_weights` puts it.
struct GRUCellFigure {
    var step: GRUSolver.Step
    var reset: GRUTopic.Reset
    var zWeights: GRUTopic.ZWeights
    /// Words under the boxes: reset, update, candidate.
    var words: [GRUTopic.Gate: String]
    var caption: String

    private typealias P = FigureCanvas.Point
    private static let wire = LSTMCellFigure.wire, ink = LSTMCellFigure.ink

    func figure() -> Figure {
        let canvas = draw()
        return Figure(svg: canvas.svg(cssClass: "cell"), tikz: canvas.tikz(), mermaid: mermaid(), caption: caption)
    }

    private func name(_ base: String, _ t: Int) -> String { FigureText.name("\(base)_\(t)") }
    private var vector: ([Double]) -> String { LSTMCellFigure.vector }

    /// The products on the two branches of h_t's sum.
    private var keep: [Double] {
        let z = step.value(.z)
        return zWeights == .previous ? CellMath.hadamard(z, step.hPrevious) : CellMath.hadamard(CellMath.oneMinus(z), step.hPrevious)
    }
    private var write: [Double] {
        let z = step.value(.z)
        return zWeights == .previous
            ? CellMath.hadamard(CellMath.oneMinus(z), step.value(.hTilde)) : CellMath.hadamard(z, step.value(.hTilde))
    }

    private func draw() -> FigureCanvas {
        var s = FigureCanvas()
        let t = step.t
        let top = 70.0, bus = 270.0, gateY = 215.0
        let x = (branch: 60.0, input: 120.0, r: 170.0, z: 260.0, cand: 440.0, mix: 540.0, add: 600.0)
        s.rect(40, 30, 600, 270, fill: LSTMCellFigure.cellFill, stroke: LSTMCellFigure.cellStroke, corner: 14)
        s.arrow(P(x: 10, y: top), P(x: x.z - 13, y: top), colour: Self.wire, width: 2.2)
        s.arrow(P(x: x.z + 13, y: top), P(x: x.add - 13, y: top), colour: Self.wire, width: 2.2)
        s.arrow(P(x: x.add + 13, y: top), P(x: 700, y: top), colour: Self.wire, width: 2.2)
        s.line([P(x: x.branch, y: top), P(x: x.branch, y: bus), P(x: x.cand, y: bus)], stroke: Self.wire)
        s.line([P(x: x.input, y: 345), P(x: x.input, y: bus)], stroke: Self.wire)
        for gate in GRUTopic.Gate.allCases {
            let cx = [GRUTopic.Gate.r: x.r, .z: x.z, .hTilde: x.cand][gate]!
            s.arrow(P(x: cx, y: bus), P(x: cx, y: gateY + 20), colour: Self.wire)
            let tanh = gate == .hTilde
            s.rect(cx - 26, gateY - 20, 52, 40, fill: tanh ? LSTMCellFigure.tanhFill : LSTMCellFigure.sigmoidFill,
                   stroke: tanh ? LSTMCellFigure.tanhStroke : LSTMCellFigure.sigmoidStroke, corner: 6)
            s.text(tanh ? "tanh" : "σ", cx, gateY - 1, size: 14, colour: Self.ink)
            s.text(words[gate] ?? "", cx, gateY + 14, size: 9, colour: "#5a6478")
        }
        // Reset: r meets h_{t−1} (before) or W h_{t−1} (after) on its way to the candidate.
        s.arrow(P(x: x.r, y: gateY - 20), P(x: x.r, y: 153), colour: Self.wire)
        if reset == .after {
            s.line([P(x: x.branch, y: 140), P(x: 88, y: 140)], stroke: Self.wire)
            s.rect(88, 128, 34, 24, fill: "#ffffff", stroke: Self.wire, corner: 4)
            s.text("W", 105, 145, size: 12, colour: Self.ink, italic: true)
            s.arrow(P(x: 122, y: 140), P(x: x.r - 13, y: 140), colour: Self.wire)
        } else {
            s.arrow(P(x: x.branch, y: 140), P(x: x.r - 13, y: 140), colour: Self.wire)
        }
        s.line([P(x: x.r + 13, y: 140), P(x: 380, y: 140), P(x: 380, y: gateY)], stroke: Self.wire)
        s.arrow(P(x: 380, y: gateY), P(x: x.cand - 26, y: gateY), colour: Self.wire)
        // z to both products, 1 − z on one branch.
        s.line([P(x: x.z, y: gateY - 20), P(x: x.z, y: 130)], stroke: Self.wire)
        s.arrow(P(x: x.z, y: 130), P(x: x.z, y: top + 13), colour: Self.wire)
        s.line([P(x: x.z, y: 130), P(x: x.mix, y: 130)], stroke: Self.wire)
        s.arrow(P(x: x.mix, y: 130), P(x: x.mix, y: 147), colour: Self.wire)
        let oneMinus = zWeights == .previous ? P(x: 400, y: 130) : P(x: x.z, y: 106)
        s.circle(oneMinus, 12, fill: "#ffffff", stroke: Self.wire)
        s.text("1−", oneMinus.x, oneMinus.y + 4, size: 11, colour: Self.ink)
        // The candidate into its product, the products into h_t.
        s.line([P(x: x.cand, y: gateY - 20), P(x: x.cand, y: 160)], stroke: Self.wire)
        s.arrow(P(x: x.cand, y: 160), P(x: x.mix - 13, y: 160), colour: Self.wire)
        s.line([P(x: x.mix + 13, y: 160), P(x: x.add, y: 160)], stroke: Self.wire)
        s.arrow(P(x: x.add, y: 160), P(x: x.add, y: top + 13), colour: Self.wire)
        for (c, symbol) in [(P(x: x.r, y: 140), "×"), (P(x: x.z, y: top), "×"), (P(x: x.mix, y: 160), "×"), (P(x: x.add, y: top), "+")] {
            s.circle(c, 13, fill: "#ffffff", stroke: Self.wire)
            s.text(symbol, c.x, c.y + 5, size: 15, colour: Self.ink)
        }
        func label(_ text: String, _ lx: Double, _ ly: Double, _ anchor: FigureCanvas.Anchor = .start) {
            s.text(text, lx, ly, size: 11, anchor: anchor, colour: Self.ink, halo: true)
        }
        let z = step.value(.z)
        label("\(name("h", t - 1)) = \(vector(step.hPrevious))", 10, top - 12)
        label("\(name("h", t)) = \(vector(step.h))", 700, top - 12, .end)
        label("\(name("x", t)) = \(vector(step.x))", x.input, 362, .middle)
        label("r = \(vector(step.value(.r)))", x.r - 6, 178, .end)
        label("z = \(vector(z))", x.z + 6, 178)
        label("\(reset == .after ? "r×Wh" : "r×h") = \(vector(step.resetInput.indices.map { reset == .after ? step.value(.r)[$0] * step.resetInput[$0] : step.resetInput[$0] }))", x.r + 18, 132)
        label("h̃ = \(vector(step.value(.hTilde)))", x.cand + 6, 185)
        label("1−z = \(vector(CellMath.oneMinus(z)))", zWeights == .previous ? 416 : x.z + 16, zWeights == .previous ? 122 : 104)
        label("\(zWeights == .previous ? "z×h" : "(1−z)×h") = \(vector(keep))", x.z + 18, top - 12)
        label("\(zWeights == .previous ? "(1−z)×h̃" : "z×h̃") = \(vector(write))", x.add + 6, 188)
        return s
    }

    private func mermaid() -> String {
        let t = step.t
        let z = step.value(.z)
        var lines = ["flowchart LR"]
        lines.append(FigureText.mermaidNode("hp", "\(name("h", t - 1)) = \(vector(step.hPrevious))"))
        lines.append(FigureText.mermaidNode("x", "\(name("x", t)) = \(vector(step.x))"))
        lines.append(FigureText.mermaidNode("r", "\(words[.r] ?? "") r = σ(…) = \(vector(step.value(.r)))"))
        lines.append(FigureText.mermaidNode("z", "\(words[.z] ?? "") z = σ(…) = \(vector(z))"))
        lines.append(FigureText.mermaidNode("rr", reset == .after ? "r × W h" : "r × h", round: true))
        lines.append(FigureText.mermaidNode("c", "\(words[.hTilde] ?? "") h̃ = tanh(…) = \(vector(step.value(.hTilde)))"))
        lines.append(FigureText.mermaidNode("om", "1 − z = \(vector(CellMath.oneMinus(z)))"))
        lines.append(FigureText.mermaidNode("keep", "× \(vector(keep))", round: true))
        lines.append(FigureText.mermaidNode("write", "× \(vector(write))", round: true))
        lines.append(FigureText.mermaidNode("h", "\(name("h", t)) = \(vector(step.h))"))
        lines += [
            "  hp --> r", "  x --> r", "  hp --> z", "  x --> z", "  r --> rr", "  hp --> rr", "  rr --> c", "  x --> c",
            "  z --> om", "  hp --> keep", "  c --> write", "  keep --> h", "  write --> h",
            zWeights == .previous ? "  z --> keep" : "  om --> keep",
            zWeights == .previous ? "  om --> write" : "  z --> write",
        ]
        return lines.joined(separator: "\n")
    }
}
