/// One LSTM step drawn as the cell of colah's and the notes' diagrams, with
/// the step's numbers on its wires: the cell state c running along the top
/// through ⊗ f and ⊕ i ⊙ g, the state h_{t−1} and the input x_t along the
/// bottom into the four gates (σ boxes for i, f, o, a tanh box for g), and
/// tanh(c_t) times o giving h_t.
///
/// Vectors are written `(0.731, −0.5)` with at most 3 decimals; the gate
/// words under the boxes come from the topic's `figure-words` template.
struct LSTMCellFigure {
    var step: LSTMSolver.Step
    /// Words under the boxes: forget, input, candidate, output.
    var words: [LSTMTopic.Gate: String]
    var caption: String

    static let wire = "#4a5568", ink = "#1d2330", cellFill = "#f4f6fb", cellStroke = "#9aa5b8"
    static let sigmoidFill = "#fde7c7", sigmoidStroke = "#c98a2b", tanhFill = "#dbeafe", tanhStroke = "#3b6fb6"

    func figure() -> Figure {
        let canvas = draw()
        let mermaid = self.mermaid()
        return Figure(svg: canvas.svg(cssClass: "cell"), tikz: canvas.tikz(), mermaid: mermaid, caption: caption)
    }

    /// `(0.731, −0.5)`
    static func vector(_ v: [Double]) -> String {
        v.count == 1 ? FigureText.number(v[0]) : "(" + v.map(FigureText.number).joined(separator: ", ") + ")"
    }

    private func name(_ base: String, _ t: Int) -> String { FigureText.name("\(base)_\(t)") }

    private func draw() -> FigureCanvas {
        var s = FigureCanvas()
        typealias P = FigureCanvas.Point
        let t = step.t
        let top = 70.0, bus = 270.0, gateY = 205.0
        let x = (f: 150.0, i: 290.0, g: 370.0, o: 480.0, mix: 330.0, out: 560.0, input: 230.0)
        s.rect(60, 30, 580, 280, fill: Self.cellFill, stroke: Self.cellStroke, corner: 14)
        // The cell state along the top.
        s.arrow(P(x: 10, y: top), P(x: x.f - 13, y: top), colour: Self.wire, width: 2.2)
        s.arrow(P(x: x.f + 13, y: top), P(x: x.mix - 13, y: top), colour: Self.wire, width: 2.2)
        s.arrow(P(x: x.mix + 13, y: top), P(x: 700, y: top), colour: Self.wire, width: 2.2)
        // The state and the input along the bottom.
        s.line([P(x: 10, y: bus), P(x: x.o, y: bus)], stroke: Self.wire)
        s.line([P(x: x.input, y: 345), P(x: x.input, y: bus)], stroke: Self.wire)
        for gate in LSTMTopic.Gate.allCases {
            let cx = [LSTMTopic.Gate.f: x.f, .i: x.i, .g: x.g, .o: x.o][gate]!
            s.arrow(P(x: cx, y: bus), P(x: cx, y: gateY + 20), colour: Self.wire)
            let tanh = gate == .g
            s.rect(cx - 26, gateY - 20, 52, 40, fill: tanh ? Self.tanhFill : Self.sigmoidFill,
                   stroke: tanh ? Self.tanhStroke : Self.sigmoidStroke, corner: 6)
            s.text(tanh ? "tanh" : "σ", cx, gateY - 1, size: 14, colour: Self.ink)
            s.text(words[gate] ?? "", cx, gateY + 14, size: 9, colour: "#5a6478")
        }
        // f → ⊗ on the cell line.
        s.arrow(P(x: x.f, y: gateY - 20), P(x: x.f, y: top + 13), colour: Self.wire)
        // i and g → ⊗ → ⊕.
        s.line([P(x: x.i, y: gateY - 20), P(x: x.i, y: 130)], stroke: Self.wire)
        s.arrow(P(x: x.i, y: 130), P(x: x.mix - 13, y: 130), colour: Self.wire)
        s.line([P(x: x.g, y: gateY - 20), P(x: x.g, y: 130)], stroke: Self.wire)
        s.arrow(P(x: x.g, y: 130), P(x: x.mix + 13, y: 130), colour: Self.wire)
        s.arrow(P(x: x.mix, y: 117), P(x: x.mix, y: top + 13), colour: Self.wire)
        // tanh(c_t) and o → ⊗ → h_t.
        s.arrow(P(x: x.out, y: top), P(x: x.out, y: 116), colour: Self.wire)
        s.rect(x.out - 24, 116, 48, 28, fill: Self.tanhFill, stroke: Self.tanhStroke, corner: 12)
        s.text("tanh", x.out, 135, size: 13, colour: Self.ink)
        s.arrow(P(x: x.out, y: 144), P(x: x.out, y: gateY - 13), colour: Self.wire)
        s.arrow(P(x: x.o + 26, y: gateY), P(x: x.out - 13, y: gateY), colour: Self.wire)
        s.line([P(x: x.out, y: gateY + 13), P(x: x.out, y: 290)], stroke: Self.wire, width: 2.2)
        s.arrow(P(x: x.out, y: 290), P(x: 700, y: 290), colour: Self.wire, width: 2.2)
        for (cx, cy, symbol) in [(x.f, top, "×"), (x.mix, top, "+"), (x.mix, 130.0, "×"), (x.out, gateY, "×")] {
            s.circle(P(x: cx, y: cy), 13, fill: "#ffffff", stroke: Self.wire)
            s.text(symbol, cx, cy + 5, size: 15, colour: Self.ink)
        }
        // The numbers on the wires.
        func label(_ text: String, _ lx: Double, _ ly: Double, _ anchor: FigureCanvas.Anchor = .start) {
            s.text(text, lx, ly, size: 11, anchor: anchor, colour: Self.ink, halo: true)
        }
        label("\(name("c", t - 1)) = \(Self.vector(step.cPrevious))", 10, top - 12)
        label("f×c = \(Self.vector(CellMath.hadamard(step.value(.f), step.cPrevious)))", x.f + 18, top - 12)
        label("\(name("c", t)) = \(Self.vector(step.c))", 700, top - 12, .end)
        label("f = \(Self.vector(step.value(.f)))", x.f + 6, 112)
        label("i = \(Self.vector(step.value(.i)))", x.i - 6, 170, .end)
        label("g = \(Self.vector(step.value(.g)))", x.g + 6, 170)
        label("i×g = \(Self.vector(CellMath.hadamard(step.value(.i), step.value(.g))))", x.mix + 6, 100)
        label("tanh \(name("c", t)) = \(Self.vector(step.tanhC))", x.out + 6, 168)
        label("o = \(Self.vector(step.value(.o)))", x.o + 6, 250)
        label("\(name("h", t)) = \(Self.vector(step.h))", 700, 280, .end)
        label("\(name("h", t - 1)) = \(Self.vector(step.hPrevious))", 10, bus - 8)
        label("\(name("x", t)) = \(Self.vector(step.x))", x.input, 362, .middle)
        return s
    }

    private func mermaid() -> String {
        let t = step.t
        var lines = ["flowchart LR"]
        lines.append(FigureText.mermaidNode("hp", "\(name("h", t - 1)) = \(Self.vector(step.hPrevious))"))
        lines.append(FigureText.mermaidNode("x", "\(name("x", t)) = \(Self.vector(step.x))"))
        lines.append(FigureText.mermaidNode("cp", "\(name("c", t - 1)) = \(Self.vector(step.cPrevious))"))
        for gate in LSTMTopic.Gate.allCases {
            let f = gate == .g ? "tanh" : "σ"
            lines.append(FigureText.mermaidNode(gate.rawValue, "\(words[gate] ?? "") \(gate.rawValue) = \(f)(…) = \(Self.vector(step.value(gate)))"))
        }
        lines.append(FigureText.mermaidNode("mf", "×", round: true))
        lines.append(FigureText.mermaidNode("mig", "×", round: true))
        lines.append(FigureText.mermaidNode("add", "+", round: true))
        lines.append(FigureText.mermaidNode("c", "\(name("c", t)) = \(Self.vector(step.c))"))
        lines.append(FigureText.mermaidNode("th", "tanh \(name("c", t)) = \(Self.vector(step.tanhC))"))
        lines.append(FigureText.mermaidNode("mo", "×", round: true))
        lines.append(FigureText.mermaidNode("h", "\(name("h", t)) = \(Self.vector(step.h))"))
        for gate in LSTMTopic.Gate.allCases {
            lines.append("  hp --> \(gate.rawValue)")
            lines.append("  x --> \(gate.rawValue)")
        }
        lines += [
            "  cp --> mf", "  f --> mf", "  i --> mig", "  g --> mig", "  mf --> add", "  mig --> add", "  add --> c",
            "  c --> th", "  th --> mo", "  o --> mo", "  mo --> h",
        ]
        return lines.joined(separator: "\n")
    }
}
