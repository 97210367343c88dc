/// A parsed expression written as the course writes it: number literals
/// with all their digits, `w0` as w_{0}, `e` as Euler's number where it is
/// one. Backprop shows its expression and its graph's nodes this way, the
/// optimizer its objective and the objective's derivatives.
extension Formula {
    /// A number literal of an expression, with all its digits.
    static func literal(_ value: Double) -> Formula { .number(value, digits: literalDigits) }
    static let literalDigits = 17

    /// A variable or node name with its index as a subscript, as the
    /// course writes them: `w0` and `w_0` are `w_{0}`, `z12` is `z_{12}`.
    static func variable(_ raw: String) -> Formula {
        if let underscore = raw.firstIndex(of: "_"), underscore != raw.startIndex,
            raw.index(after: underscore) != raw.endIndex
        {
            return .symbol(String(raw[..<underscore]), sub: .symbol(String(raw[raw.index(after: underscore)...])))
        }
        if let digit = raw.firstIndex(where: \.isNumber), digit != raw.startIndex, raw[digit...].allSatisfy(\.isNumber) {
            return .symbol(String(raw[..<digit]), sub: .symbol(String(raw[digit...])))
        }
        return .symbol(raw)
    }
}

extension ParsedExpression {
    /// The whole expression, built over the parser's post-order nodes.
    /// Past `maxFormulaNodes` it is shown as its source text: nobody reads a
    /// formula of thousands of nodes.
    func formula(eIsConstant: Bool) -> Formula {
        guard nodes.count <= Self.maxFormulaNodes else { return .text(source) }
        return nodeFormulas(eIsConstant: eIsConstant).last ?? .text(source)
    }

    static let maxFormulaNodes = 400

    /// Every node as a formula, in the parser's post order: the root's is
    /// the whole expression. `e` is Euler's number when `eIsConstant`
    /// (no value was given for it).
    func nodeFormulas(eIsConstant: Bool) -> [Formula] {
        builtUp { kind, x in
            switch kind {
            case .number(let value, _): .literal(value)
            case .variable(let name): name == "e" && eIsConstant ? "e" : .variable(name)
            case .operation(let op, let operands): op.formula(x, eulerBase: isEulerBase(operands, eIsConstant: eIsConstant))
            }
        }
    }

    /// Whether an operation on `operands` raises Euler's number (`e^{x}`, not a power of a variable e).
    func isEulerBase(_ operands: [Int], eIsConstant: Bool) -> Bool {
        eIsConstant && nodes[operands[0]].kind == .variable("e")
    }
}
