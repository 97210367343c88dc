/// Writes a formula as LaTeX math (the text between `$…$`), for Markdown
/// and LaTeX sheets.
///
/// Brackets come from `FormulaPrecedence`, numbers from `NumberPolicy`;
/// this file only knows LaTeX spelling.
struct LaTeXFormulaWriter {
    var policy = NumberPolicy.standard

    func write(_ formula: Formula) -> String {
        node(policy.prepared(formula))
    }

    private func node(_ formula: Formula) -> String {
        switch formula {
        case .number(let value, let digits): return number(policy.show(value, digits: digits))
        case .integer(let n): return (n < 0 ? "-" : "") + NumberPolicy.grouped(String(n.magnitude), separator: "{,}")
        case .symbol(let symbol): return self.symbol(symbol)
        case .text(let text): return MathNotation.text(text)
        case .relation(let relation, let left, let right):
            let rightText = right.isRelation ? "(\(node(right)))" : node(right)
            return "\(node(left)) \(self.relation(relation)) \(rightText)"
        case .vector(let entries): return "(" + entries.map(node).joined(separator: ", ") + ")"
        case .matrix(let rows):
            let body = rows.map { $0.map(node).joined(separator: " & ") }.joined(separator: " \\\\ ")
            return "\\begin{bmatrix} \(body) \\end{bmatrix}"
        case .apply(let op, let operands): return apply(op, operands)
        }
    }

    private func number(_ shown: ShownNumber) -> String {
        let sign = shown.negative ? "-" : ""
        switch shown.form {
        case .decimal(let digits): return sign + NumberPolicy.grouped(digits, separator: "{,}")
        case .scientific(let mantissa, let exponent): return "\(sign)\(mantissa) \\times 10^{\(exponent)}"
        case .fraction(let p, let q): return "\(sign)\\frac{\(p)}{\(q)}"
        case .nonFinite(let text): return text == "NaN" ? "\\mathrm{NaN}" : sign + "\\infty"
        }
    }

    private func symbol(_ symbol: Symbol) -> String {
        var base = name(symbol.name)
        if let accent = symbol.accent { base = "\\\(accent.rawValue){\(base)}" }
        base += String(repeating: "'", count: symbol.primes)
        if let sub = symbol.sub { base += "_{\(node(sub))}" }
        if let sup = symbol.sup { base += "^{\(node(sup))}" }
        return base
    }

    /// `\sigma` for a Greek letter, the letter itself for one character,
    /// `\mathit{lr}` for a longer name.
    private func name(_ raw: String) -> String {
        if SymbolNames.greekLetter(raw) != nil { return "\\" + raw }
        if raw.count <= 1 || raw.allSatisfy(\.isNumber) { return MathNotation.escape(raw) }
        return "\\mathit{\(MathNotation.escape(raw))}"
    }

    /// `\\sigma`, `\\tanh` (LaTeX knows these), `\\operatorname{ReLU}` otherwise.
    /// A one-letter name (`Q(s, a)`, `H(x)`) stays an italic letter, as in
    /// hand-written math and in MathML, where `<mi>Q</mi>` is italic.
    private func functionName(_ raw: String) -> String {
        // σ'(z), ELU'(x): a derivative's primes follow the name's own form.
        let (base, primes) = SymbolNames.splitPrimes(raw)
        if primes > 0 { return functionName(base) + String(repeating: "'", count: primes) }
        if raw.count == 1, SymbolNames.greekLetter(raw) == nil { return name(raw) }
        if SymbolNames.greekLetter(raw) != nil || Self.knownFunctions.contains(raw) { return "\\" + raw }
        return "\\operatorname{\(MathNotation.escape(raw))}"
    }

    private static let knownFunctions: Set<String> = ["sin", "cos", "tan", "tanh", "sinh", "cosh", "exp", "log", "ln"]

    private func relation(_ relation: Relation) -> String {
        switch relation {
        case .equals, .result: return "="
        case .approximately: return "\\approx"
        case .tendsTo: return "\\to"
        case .lessOrEqual: return "\\le"
        case .assigns: return "\\leftarrow"
        }
    }

    /// Operand `index` of `op`, bracketed when the precedence table says so.
    private func operand(_ operands: [Formula], _ index: Int, of op: FormulaOperator) -> String {
        let text = node(operands[index])
        return FormulaPrecedence.needsBrackets(
            operands[index], operand: index, of: op, .math, policy: policy, isLast: index == operands.count - 1)
            ? "(\(text))" : text
    }

    /// `\lfloor x \rfloor`; around a built-up fraction `\left\lfloor … \right\rfloor`,
    /// so the brackets grow to the fraction's height as on paper.
    private func brackets(_ open: String, _ body: Formula, _ close: String) -> String {
        body.containsFraction
            ? "\\left\\\(open) \(node(body)) \\right\\\(close)" : "\\\(open) \(node(body)) \\\(close)"
    }

    private func arguments(_ operands: [Formula]) -> String {
        "(" + operands.map(node).joined(separator: ", ") + ")"
    }

    private func apply(_ op: FormulaOperator, _ x: [Formula]) -> String {
        switch op {
        case .add:
            var text = operand(x, 0, of: op)
            for part in FormulaPrecedence.laterTerms(of: x, .math, policy: policy) {
                let inner = node(part.term)
                text += (part.subtracted ? " - " : " + ") + (part.bracketed ? "(\(inner))" : inner)
            }
            return text
        case .subtract: return "\(operand(x, 0, of: op)) - \(operand(x, 1, of: op))"
        case .multiply: return x.indices.map { operand(x, $0, of: op) }.joined(separator: " \\cdot ")
        case .times: return x.indices.map { operand(x, $0, of: op) }.joined(separator: " \\times ")
        case .hadamard: return x.indices.map { operand(x, $0, of: op) }.joined(separator: " \\odot ")
        case .transpose: return "\(operand(x, 0, of: op))^{\\mathsf{T}}"
        case .juxtapose: return x.indices.map { operand(x, $0, of: op) }.joined(separator: " ")
        case .divide: return "\(operand(x, 0, of: op)) / \(operand(x, 1, of: op))"
        case .fraction: return "\\frac{\(node(x[0]))}{\(node(x[1]))}"
        case .power: return "\(operand(x, 0, of: op))^{\(node(x[1]))}"
        case .negate: return "-" + operand(x, 0, of: op)
        case .squareRoot: return "\\sqrt{\(node(x[0]))}"
        case .abs: return "\\lvert \(node(x[0])) \\rvert"
        case .exp: return "e^{\(node(x[0]))}"
        case .ln:
            return FormulaPrecedence.lnNeedsBrackets(x[0]) ? "\\ln(\(node(x[0])))" : "\\ln \(node(x[0]))"
        case .max(let index), .min(let index):
            let name = op == .max(over: index) ? "\\max" : "\\min"
            guard let index else { return name + arguments(x) }
            return "\(name)_{\(node(index))} \(node(x[0]))"
        case .floor: return brackets("lfloor", x[0], "rfloor")
        case .ceil: return brackets("lceil", x[0], "rceil")
        case .call(let name): return functionName(name) + arguments(x)
        case .partial: return "\\frac{\\partial \(node(x[0]))}{\\partial \(node(x[1]))}"
        case .partialOf: return "\\frac{\\partial}{\\partial \(node(x[1]))} \(operand(x, 0, of: op))"
        case .list: return x.map(node).joined(separator: ", ")
        case .sum(let index, let upper):
            var text = "\\sum"
            if let index { text += "_{\(node(index))}" }
            if let upper { text += "^{\(node(upper))}" }
            return text + " " + operand(x, 0, of: op)
        }
    }
}

extension Formula {
    /// Whether a built-up fraction (`\frac`) appears anywhere inside.
    var containsFraction: Bool {
        switch self {
        case .apply(.fraction, _): return true
        case .apply(_, let operands): return operands.contains { $0.containsFraction }
        case .relation(_, let left, let right): return left.containsFraction || right.containsFraction
        case .vector(let entries): return entries.contains { $0.containsFraction }
        case .matrix(let rows): return rows.contains { $0.contains { $0.containsFraction } }
        case .number, .integer, .symbol, .text: return false
        }
    }

    var isRelation: Bool {
        if case .relation = self { return true }
        return false
    }
}
