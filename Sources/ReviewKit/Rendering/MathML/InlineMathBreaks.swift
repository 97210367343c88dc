/// Where a long inline formula may break across lines (issue 16, item 8:
/// printed, a wide table ran off the page because its cells held formulas
/// no line could split).
///
/// A `<math>` element never wraps in a browser, so a formula in a table too
/// wide for the printed page is written as several `<math>` elements with a
/// `<wbr>` between them (`MathMLWriter.breakable`), and the table's cells
/// then wrap like words. The break points are TeX's for inline math: after
/// a relation, after `+`, `−` or `·`, and after a comma, at the top level
/// of the formula only — never inside a fraction, a root, scripts, a group
/// (a formula tree's function argument is one) or stretchy fences, though
/// inside plain parentheses as TeX does, and never after a sign (`−2`,
/// `= −2`, `(−2)`: an operator with no operand before it) or a `×` (so
/// `5.2×10⁻⁷` stays whole). `TableWidth` measures the pieces.
enum InlineMathBreaks {
    /// The formula cut after each break point; one piece when it has none.
    static func pieces(_ nodes: [MathNode]) -> [[MathNode]] {
        var row = nodes
        if row.count == 1, case let .row(children) = row[0] { row = children }
        var pieces: [[MathNode]] = []
        var current: [MathNode] = []
        for (index, node) in row.enumerated() {
            current.append(node)
            if index > 0, index < row.count - 1, breaksAfter(node), isOperand(row[index - 1]) {
                pieces.append(current)
                current = []
            }
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }

    /// What an operator needs before it to be binary rather than a sign:
    /// anything but an operator, or a closing bracket.
    private static func isOperand(_ node: MathNode) -> Bool {
        guard case let .op(op) = node else { return true }
        return op.kind == .close || op.kind == .ordinary || op.kind == .other
    }

    private static func breaksAfter(_ node: MathNode) -> Bool {
        guard case let .op(op) = node, op.form == nil, !op.fence else { return false }
        switch op.kind {
        case .relation: return true
        case .punctuation: return op.text == "," || op.text == ";"
        case .binary: return ["+", "−", "-", "·", "⋅"].contains(op.text)
        default: return false
        }
    }
}
