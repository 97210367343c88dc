/// A font-free estimate of a display formula's width, in ems of its own
/// font size, on the generous side (issue 16, item 8: printed, a long
/// formula or a wide matrix ran off the page and its digits were cut).
///
/// The HTML page cannot measure a formula without JavaScript, which a
/// sheet does not carry, so a long block formula is written with its
/// estimate, `style="--w:52"`, and the print style sets its font size to
/// at most the page's width divided by it (`templates/shared/style.css`):
/// printed, it is scaled to fit instead of cut. On screen it scrolls in
/// its own box as before. `scripts/check-sheets.py` measures the printed
/// result in Chromium.
enum MathWidth {
    /// Formulas narrower than this (in ems) fit a printed A4 line whatever
    /// the estimate's error, and are written without one.
    static let threshold = 28.0

    static func ems(_ nodes: [MathNode]) -> Double {
        nodes.reduce(0) { $0 + ems($1, scale: 1) }
    }

    /// `scale` shrinks scripts and inner fractions the way display style does.
    private static func ems(_ node: MathNode, scale s: Double) -> Double {
        switch node {
        case let .identifier(text, _): return s * characters(text, 0.6)
        case let .number(text): return s * characters(text, 0.52)
        case let .op(op):
            let spaced: Bool
            switch op.kind {
            case .binary, .relation: spaced = true
            default: spaced = false
            }
            return s * (characters(op.text, 0.7) + (spaced ? 0.56 : op.kind == .punctuation ? 0.17 : 0.05))
        case let .function(name, _): return s * (characters(name, 0.52) + 0.17)
        case let .text(text, _): return s * characters(text, 0.55)
        case let .space(width):
            let number = Double(width.prefix { $0.isNumber || $0 == "." }) ?? 0.3
            return s * (width.hasSuffix("em") ? number : 0.3)
        case let .row(children): return children.reduce(0) { $0 + ems($1, scale: s) }
        case let .fraction(a, b, _, _): return max(ems(a, scale: s * 0.9), ems(b, scale: s * 0.9)) + 0.3 * s
        case let .root(body, index): return ems(body, scale: s) + s + (index.map { ems($0, scale: s * 0.6) } ?? 0)
        case let .scripts(base, sub, sup, limits):
            let scripts = max(sub.map { ems($0, scale: s * 0.75) } ?? 0, sup.map { ems($0, scale: s * 0.75) } ?? 0)
            let baseWidth = ems(base, scale: s)
            return limits == .never ? baseWidth + scripts + 0.1 * s : max(baseWidth, scripts)
        case let .accent(base, _, _, _): return ems(base, scale: s)
        case let .fenced(open, body, close):
            return body.reduce(0) { $0 + ems($1, scale: s) } + (open == nil ? 0 : 0.5 * s) + (close == nil ? 0 : 0.5 * s)
        case let .table(table):
            let columns = table.rows.map(\.count).max() ?? 0
            var widths = [Double](repeating: 0, count: columns)
            for row in table.rows {
                for (c, cell) in row.enumerated() { widths[c] = max(widths[c], ems(cell, scale: s)) }
            }
            let fences = (table.open == nil ? 0 : 0.6) + (table.close == nil ? 0 : 0.6)
            return widths.reduce(0, +) + Double(max(columns - 1, 0)) * 0.9 * s + fences * s
        case let .style(body, _, _): return ems(body, scale: s)
        case let .bordered(body, _): return ems(body, scale: s) + 0.4 * s
        case let .phantom(body): return ems(body, scale: s)
        case let .error(text): return s * characters(text, 0.55)
        }
    }

    /// `perCharacter` ems a character; a Chinese one a whole em.
    private static func characters(_ text: String, _ perCharacter: Double) -> Double {
        text.reduce(0) { $0 + (LabelPlacer.isWide($1) ? 1.0 : perCharacter) }
    }
}
