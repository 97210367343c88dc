/// Writes a formula as plain text, for the `formula` and `substituted`
/// strings of JSON `steps`: `m = max(2, 1, 0.1)`, `-1 * (-0.417)`,
/// `exp(-1.9)`, `[0.659, 0.2424]`.
///
/// Brackets come from `FormulaPrecedence` in its plain notation (where
/// `1/3` and `a / b` are inline divisions), numbers from `NumberPolicy`
/// without thousands separators (a comma separates arguments here).
struct PlainFormulaWriter {
    var policy = NumberPolicy.standard

    func write(_ formula: Formula) -> String {
        node(policy.prepared(formula))
    }

    private func node(_ formula: Formula) -> String {
        switch formula {
        case .number(let value, let digits): return number(policy.show(value, digits: digits))
        case .integer(let n): return String(n)
        case .symbol(let symbol): return self.symbol(symbol)
        case .text(let text): return text
        case .relation(let relation, let left, let right):
            let rightText = right.isRelation ? "(\(node(right)))" : node(right)
            return "\(node(left)) \(self.relation(relation)) \(rightText)"
        case .vector(let entries): return "[" + entries.map(node).joined(separator: ", ") + "]"
        case .matrix(let rows): return "[" + rows.map { "[" + $0.map(node).joined(separator: ", ") + "]" }.joined(separator: ", ") + "]"
        case .apply(let op, let operands): return apply(op, operands)
        }
    }

    private func number(_ shown: ShownNumber) -> String {
        let sign = shown.negative ? "-" : ""
        switch shown.form {
        case .decimal(let digits): return sign + digits
        case .scientific(let mantissa, let exponent): return "\(sign)\(mantissa)e\(exponent)"
        case .fraction(let p, let q): return "\(sign)\(p)/\(q)"
        case .nonFinite(let text): return text == "NaN" ? "NaN" : sign + "inf"
        }
    }

    /// `z_i`, `z_max`, `L_(n+1)`, `hat(y)_i`.
    private func symbol(_ symbol: Symbol) -> String {
        var base = symbol.name
        if let accent = symbol.accent { base = "\(accent.rawValue)(\(base))" }
        base += String(repeating: "'", count: symbol.primes)
        if let sub = symbol.sub { base += "_" + script(sub) }
        if let sup = symbol.sup { base += "^" + script(sup) }
        return base
    }

    private func script(_ formula: Formula) -> String {
        let text = node(formula)
        return FormulaPrecedence.of(formula, .plain, policy: policy) == .atom && !text.contains(" ") ? text : "(\(text))"
    }

    private func relation(_ relation: Relation) -> String {
        switch relation {
        case .equals, .result: return "="
        case .approximately: return "≈"
        case .tendsTo: return "->"
        case .lessOrEqual: return "<="
        case .assigns: return "<-"
        }
    }

    private func operand(_ operands: [Formula], _ index: Int, of op: FormulaOperator) -> String {
        let text = node(operands[index])
        return FormulaPrecedence.needsBrackets(
            operands[index], operand: index, of: op == .juxtapose ? .multiply : op, .plain, policy: policy,
            isLast: index == operands.count - 1)
            ? "(\(text))" : text
    }

    private func call(_ name: String, _ operands: [Formula]) -> String {
        name + "(" + operands.map(node).joined(separator: ", ") + ")"
    }

    private func apply(_ op: FormulaOperator, _ x: [Formula]) -> String {
        switch op {
        case .add:
            var text = operand(x, 0, of: op)
            for part in FormulaPrecedence.laterTerms(of: x, .plain, policy: policy) {
                let inner = node(part.term)
                text += (part.subtracted ? " - " : " + ") + (part.bracketed ? "(\(inner))" : inner)
            }
            return text
        case .subtract: return "\(operand(x, 0, of: op)) - \(operand(x, 1, of: op))"
        case .multiply, .juxtapose: return x.indices.map { operand(x, $0, of: op) }.joined(separator: " * ")
        case .times: return x.indices.map { operand(x, $0, of: op) }.joined(separator: " x ")
        case .hadamard: return x.indices.map { operand(x, $0, of: op) }.joined(separator: " ⊙ ")
        case .transpose: return operand(x, 0, of: op) + "^T"
        case .divide, .fraction: return "\(operand(x, 0, of: op)) / \(operand(x, 1, of: op))"
        case .power: return "\(operand(x, 0, of: op))^\(operand(x, 1, of: op))"
        case .negate: return "-" + operand(x, 0, of: op)
        case .squareRoot: return call("sqrt", x)
        case .abs: return call("abs", x)
        case .exp: return call("exp", x)
        case .ln: return FormulaPrecedence.lnNeedsBrackets(x[0]) ? call("ln", x) : "ln " + node(x[0])
        case .max(let index), .min(let index):
            let name = op == .max(over: index) ? "max" : "min"
            guard let index else { return call(name, x) }
            return "\(name)_\(script(index)) \(node(x[0]))"
        case .floor: return call("floor", x)
        case .ceil: return call("ceil", x)
        case .call(let name): return call(name, x)
        case .partial: return "d\(node(x[0]))/d\(node(x[1]))"
        case .partialOf: return "d/d\(node(x[1])) \(operand(x, 0, of: op))"
        case .list: return x.map(node).joined(separator: ",")
        case .sum(let index, let upper):
            var text = "sum"
            if let index { text += "_" + script(index) }
            if let upper { text += "^" + script(upper) }
            return text + " " + operand(x, 0, of: op)
        }
    }
}
