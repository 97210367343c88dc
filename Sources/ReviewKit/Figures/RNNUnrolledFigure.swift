/// The RNN unrolled over its steps, CS231n-style: per step the input x_t at
/// the bottom, the state s_t in a circle, the output o_t in a box and the
/// step's loss on top, joined by the shared weights (U up from the input,
/// W along the states, V up to the output). Forward values are written in
/// ink beside each, gradients (g_t, ∂L/∂s_t, δ_t) in red, so the two passes
/// read off one picture.
struct RNNUnrolledFigure {
    /// Past this many steps the picture gets too wide for a page.
    static let maxSteps = 8

    let solution: RNNTopic.Solution
    /// Legend entries for the forward values and the gradients.
    let forwardWord: String, backwardWord: String
    let caption: String

    static let ink = "#1d2330", red = "#b3261e", edge = "#5b6475", fill = "#eef2f8", muted = "#5b6475"
    private static let column = 240.0, outputY = 70.0, stateY = 210.0, inputY = 340.0, radius = 24.0

    func figure() -> Figure? {
        let p = solution.problem
        guard p.steps <= Self.maxSteps else { return nil }
        let canvas = draw()
        guard canvas.isFinite else { return nil }
        return Figure(svg: canvas.svg(cssClass: "graph"), tikz: canvas.tikz(), mermaid: mermaid(), caption: caption)
    }

    private func vector(_ v: [Double]) -> String {
        FigureText.short("(" + v.map(FigureText.number).joined(separator: ", ") + ")", limit: 30)
    }

    private func x(_ t: Int) -> Double { Double(t) * Self.column }

    private func draw() -> FigureCanvas {
        var canvas = FigureCanvas()
        let p = solution.problem, f = solution.forward, back = solution.backward
        let r = Self.radius
        // The initial state.
        canvas.circle(.init(x: x(0), y: Self.stateY), r, fill: "#ffffff", stroke: Self.edge)
        canvas.text("s₀", x(0), Self.stateY + 5, size: 14, colour: Self.ink, italic: true)
        canvas.text(vector(p.initialState), x(0), Self.stateY + r + 18, size: 11, colour: Self.ink)
        for t in 1...p.steps {
            let cx = x(t)
            let index = Self.sub(t)
            // Arrows first, under the shapes.
            canvas.arrow(.init(x: cx, y: Self.inputY - 18), .init(x: cx, y: Self.stateY + r + 2), colour: Self.edge)
            canvas.text("U", cx - 10, (Self.inputY + Self.stateY) / 2 + 4, size: 13, anchor: .end, colour: Self.edge, bold: true)
            canvas.arrow(.init(x: x(t - 1) + r, y: Self.stateY), .init(x: cx - r - 2, y: Self.stateY), colour: Self.edge)
            canvas.text("W", (x(t - 1) + cx) / 2, Self.stateY - 8, size: 13, colour: Self.edge, bold: true, halo: true)
            canvas.arrow(.init(x: cx, y: Self.stateY - r), .init(x: cx, y: Self.outputY + 22), colour: Self.edge)
            canvas.text("V", cx - 10, (Self.outputY + Self.stateY) / 2 + 4, size: 13, anchor: .end, colour: Self.edge, bold: true)
            // Input, state, output.
            canvas.rect(cx - 20, Self.inputY - 18, 40, 36, fill: Self.fill, stroke: Self.edge, corner: 4)
            canvas.text("x" + index, cx, Self.inputY + 5, size: 14, colour: Self.ink, italic: true)
            canvas.text(vector(p.x[t - 1]), cx + 26, Self.inputY + 5, size: 11, anchor: .start, colour: Self.ink)
            canvas.circle(.init(x: cx, y: Self.stateY), r, fill: "#ffffff", stroke: Self.ink)
            canvas.text("s" + index, cx, Self.stateY + 5, size: 14, colour: Self.ink, italic: true)
            canvas.text(vector(f.s[t - 1]), cx + r + 6, Self.stateY + 22, size: 11, anchor: .start, colour: Self.ink)
            canvas.rect(cx - 20, Self.outputY - 22, 40, 44, fill: Self.fill, stroke: Self.ink, corner: 4)
            canvas.text("o" + index, cx, Self.outputY + 5, size: 14, colour: Self.ink, italic: true)
            canvas.text(vector(f.o[t - 1]), cx + 26, Self.outputY - 6, size: 11, anchor: .start, colour: Self.ink)
            if p.output == .softmax {
                canvas.text("ŷ = " + vector(f.yHat[t - 1]), cx + 26, Self.outputY + 8, size: 11, anchor: .start, colour: Self.ink)
            }
            if let back {
                canvas.text("g = " + vector(back.g[t - 1]), cx + 26, Self.outputY + 22, size: 11, anchor: .start, colour: Self.red)
                canvas.text("∂L/∂s = " + vector(back.ds[t - 1]), cx + r + 6, Self.stateY + 36, size: 11, anchor: .start, colour: Self.red)
                canvas.text("δ = " + vector(back.delta[t - 1]), cx + r + 6, Self.stateY + 50, size: 11, anchor: .start, colour: Self.red)
                let hasTarget = f.y[t - 1] != nil
                canvas.text(
                    hasTarget ? "L" + index + " = " + FigureText.number(f.losses[t - 1]) : "—", cx, Self.outputY - 34,
                    size: 12, colour: hasTarget ? Self.ink : Self.muted)
            }
        }
        // Legend.
        canvas.text(forwardWord, x(0) - r, Self.outputY - 34, size: 12, anchor: .start, colour: Self.ink)
        if back != nil {
            canvas.text(backwardWord, x(0) - r, Self.outputY - 16, size: 12, anchor: .start, colour: Self.red)
        }
        return canvas
    }

    /// `₁₂` for 12.
    static func sub(_ t: Int) -> String { String(FigureText.name("x\(t)").dropFirst()) }

    // MARK: Mermaid

    private func mermaid() -> String {
        let p = solution.problem, f = solution.forward, back = solution.backward
        var lines = ["flowchart LR", "  s0((\"\(FigureText.mermaid("s₀ = " + vector(p.initialState)))\"))"]
        for t in 1...p.steps {
            let i = Self.sub(t)
            var state = "s\(i) = \(vector(f.s[t - 1]))"
            var output = "o\(i) = \(vector(f.o[t - 1]))"
            if p.output == .softmax { output += " · ŷ\(i) = \(vector(f.yHat[t - 1]))" }
            if let back {
                state += " · δ\(i) = \(vector(back.delta[t - 1]))"
                output += " · g\(i) = \(vector(back.g[t - 1]))"
            }
            lines.append("  x\(t)[\"\(FigureText.mermaid("x\(i) = " + vector(p.x[t - 1])))\"]")
            lines.append("  s\(t)((\"\(FigureText.mermaid(state))\"))")
            lines.append("  o\(t)[\"\(FigureText.mermaid(output))\"]")
            lines.append("  x\(t) -->|U| s\(t)")
            lines.append("  s\(t - 1) -->|W| s\(t)")
            lines.append("  s\(t) -->|V| o\(t)")
        }
        return lines.joined(separator: "\n")
    }
}
