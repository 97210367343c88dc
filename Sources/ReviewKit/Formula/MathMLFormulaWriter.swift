/// Writes a formula as MathML Core for HTML sheets, straight from the tree
/// into the existing `MathNode` / `MathMLWriter` (no LaTeX in between, so
/// nothing is parsed back).
///
/// Brackets come from `FormulaPrecedence` (math notation, as in LaTeX),
/// numbers from `NumberPolicy`; rows go through `MathParser.finalize`, the
/// same step that marks a leading minus as a prefix sign and adds the
/// invisible function application after `ln` or `max` for hand-written math.
struct MathMLFormulaWriter {
    var policy = NumberPolicy.standard

    /// The complete `<math>` element.
    func write(_ formula: Formula, display: Bool) -> String {
        var writer = MathMLWriter()
        return writer.document(row(policy.prepared(formula)), display: display)
    }

    /// An inline formula that may wrap across lines (`MathMLWriter.breakable`),
    /// for a table too wide for the printed page.
    func breakable(_ formula: Formula) -> String {
        var writer = MathMLWriter()
        return writer.breakable(row(policy.prepared(formula)))
    }

    /// The formula as the children of one row.
    func row(_ formula: Formula) -> [MathNode] {
        MathParser.finalize(items(formula))
    }

    private func group(_ formula: Formula) -> MathNode {
        let children = row(formula)
        return children.count == 1 ? children[0] : .row(children)
    }

    private func items(_ formula: Formula) -> [MathNode] {
        switch formula {
        case .number(let value, let digits): return number(policy.show(value, digits: digits))
        case .integer(let n):
            let digits = MathNode.number(NumberPolicy.grouped(String(n.magnitude), separator: ","))
            return n < 0 ? [minus, digits] : [digits]
        case .symbol(let symbol): return [self.symbol(symbol)]
        case .text(let text): return [.text(text, style: nil)]
        case .relation(let relation, let left, let right):
            let rightItems = right.isRelation ? bracketed(row(right)) : items(right)
            return items(left) + [.op(MathOperator(self.relation(relation), .relation))] + rightItems
        case .vector(let entries):
            var out: [MathNode] = [open("(")]
            for (i, entry) in entries.enumerated() {
                if i > 0 { out.append(.op(MathOperator(",", .punctuation))) }
                out.append(group(entry))
            }
            return out + [close(")")]
        case .matrix(let rows):
            return [.table(MathTable(rows: rows.map { $0.map(group) }, open: "[", close: "]"))]
        case .apply(let op, let operands): return apply(op, operands)
        }
    }

    private var minus: MathNode { .op(MathOperator("\u{2212}", .binary)) }
    private func open(_ text: String) -> MathNode { .op(MathOperator(text, .open)) }
    private func close(_ text: String) -> MathNode { .op(MathOperator(text, .close)) }
    private func bracketed(_ children: [MathNode]) -> [MathNode] { [open("(")] + children + [close(")")] }

    private func number(_ shown: ShownNumber) -> [MathNode] {
        let sign: [MathNode] = shown.negative ? [minus] : []
        switch shown.form {
        case .decimal(let digits): return sign + [.number(NumberPolicy.grouped(digits, separator: ","))]
        case .scientific(let mantissa, let exponent):
            let power: [MathNode] = exponent < 0 ? [minus, .number(String(-exponent))] : [.number(String(exponent))]
            return sign + [
                .number(mantissa), .op(MathOperator("\u{D7}", .binary)),
                .scripts(base: .number("10"), sub: nil, sup: .row(MathParser.finalize(power)), limits: .never),
            ]
        case .fraction(let p, let q):
            return sign + [.fraction(.number(String(p)), .number(String(q)), style: .auto, thickness: nil)]
        case .nonFinite(let text):
            return text == "NaN" ? [.identifier("NaN", upright: true)] : sign + [.identifier("\u{221E}", upright: false)]
        }
    }

    private func symbol(_ symbol: Symbol) -> MathNode {
        var base = MathNode.identifier(SymbolNames.display(symbol.name), upright: false)
        if let accent = symbol.accent {
            let mark: String
            switch accent {
            case .hat: mark = "^"
            case .tilde: mark = "~"
            case .bar: mark = "\u{AF}"
            }
            base = .accent(base, mark: mark, stretchy: false, over: true)
        }
        // Primes go first in the superscript, as `s'_{1}` and `a'^{2}` are read.
        var sup = symbol.sup.map(group)
        if symbol.primes > 0 {
            let mark = MathNode.op(MathOperator(String(repeating: "\u{2032}", count: symbol.primes), .other))
            // Beside the letter, not as a superscript: the glyph is already
            // raised, and a scripted prime floats off (issue 16, item 8).
            if sup == nil {
                let scripted = symbol.sub.map { MathNode.scripts(base: base, sub: group($0), sup: nil, limits: .never) } ?? base
                return .row([scripted, mark])
            }
            sup = .row([mark, sup!])
        }
        guard symbol.sub != nil || sup != nil else { return base }
        return .scripts(base: base, sub: symbol.sub.map(group), sup: sup, limits: .never)
    }

    private func relation(_ relation: Relation) -> String {
        switch relation {
        case .equals, .result: return "="
        case .approximately: return "\u{2248}"
        case .tendsTo: return "\u{2192}"
        case .lessOrEqual: return "\u{2264}"
        case .assigns: return "\u{2190}"
        }
    }

    private func operand(_ operands: [Formula], _ index: Int, of op: FormulaOperator) -> [MathNode] {
        FormulaPrecedence.needsBrackets(
            operands[index], operand: index, of: op, .math, policy: policy, isLast: index == operands.count - 1)
            ? bracketed(row(operands[index])) : items(operands[index])
    }

    /// `⌊x⌋`; around a built-up fraction stretchy fences (as `\left\lfloor`
    /// in LaTeX), so the brackets grow to the fraction's height.
    private func brackets(_ open: String, _ body: Formula, _ close: String) -> [MathNode] {
        guard body.containsFraction else { return [self.open(open)] + row(body) + [self.close(close)] }
        return [.fenced(open: .fence(open), body: row(body), close: .fence(close))]
    }

    private func arguments(_ operands: [Formula]) -> [MathNode] {
        var out: [MathNode] = [open("(")]
        for (i, x) in operands.enumerated() {
            if i > 0 { out.append(.op(MathOperator(",", .punctuation))) }
            out += items(x)
        }
        return out + [close(")")]
    }

    private func function(_ name: String) -> MathNode {
        let (base, primes) = SymbolNames.splitPrimes(name)
        if primes > 0 { return .row([function(base), .identifier(String(repeating: "\u{2032}", count: primes), upright: true)]) }
        if let letter = SymbolNames.greekLetter(name) { return .identifier(letter, upright: false) }
        return .function(name, limits: false)
    }

    private func apply(_ op: FormulaOperator, _ x: [Formula]) -> [MathNode] {
        switch op {
        case .add:
            var out = operand(x, 0, of: op)
            for part in FormulaPrecedence.laterTerms(of: x, .math, policy: policy) {
                out.append(part.subtracted ? minus : .op(MathOperator("+", .binary)))
                out += part.bracketed ? bracketed(row(part.term)) : items(part.term)
            }
            return out
        case .subtract: return operand(x, 0, of: op) + [minus] + operand(x, 1, of: op)
        case .multiply, .juxtapose, .times, .hadamard:
            var out: [MathNode] = []
            for i in x.indices {
                if i > 0, op == .multiply { out.append(.op(MathOperator("\u{22C5}", .binary))) }
                if i > 0, op == .times { out.append(.op(MathOperator("\u{D7}", .binary))) }
                if i > 0, op == .hadamard { out.append(.op(MathOperator("\u{2299}", .binary))) }
                out += operand(x, i, of: op)
            }
            return out
        case .transpose:
            return [.scripts(base: .row(operand(x, 0, of: op)), sub: nil, sup: .identifier("T", upright: true), limits: .never)]
        case .divide: return operand(x, 0, of: op) + [.op(MathOperator("/", .ordinary))] + operand(x, 1, of: op)
        case .fraction: return [.fraction(group(x[0]), group(x[1]), style: .auto, thickness: nil)]
        case .power:
            return [.scripts(base: .row(operand(x, 0, of: op)), sub: nil, sup: group(x[1]), limits: .never)]
        case .negate: return [minus] + operand(x, 0, of: op)
        case .squareRoot: return [.root(group(x[0]), index: nil)]
        case .abs: return brackets("|", x[0], "|")
        case .exp: return [.scripts(base: .identifier("e", upright: false), sub: nil, sup: group(x[0]), limits: .never)]
        case .ln:
            let name = MathNode.function("ln", limits: false)
            return FormulaPrecedence.lnNeedsBrackets(x[0]) ? [name] + bracketed(row(x[0])) : [name] + items(x[0])
        case .max(let index), .min(let index):
            let name = MathNode.function(op == .max(over: index) ? "max" : "min", limits: true)
            guard let index else { return [name] + arguments(x) }
            return [.scripts(base: name, sub: group(index), sup: nil, limits: .display)] + items(x[0])
        case .floor: return brackets("\u{230A}", x[0], "\u{230B}")
        case .ceil: return brackets("\u{2308}", x[0], "\u{2309}")
        case .call(let name): return [function(name)] + arguments(x)
        case .partial:
            let d = MathNode.identifier("\u{2202}", upright: false)
            return [.fraction(.row([d] + row(x[0])), .row([d] + row(x[1])), style: .auto, thickness: nil)]
        case .partialOf:
            let d = MathNode.identifier("\u{2202}", upright: false)
            return [.fraction(.row([d]), .row([d] + row(x[1])), style: .auto, thickness: nil)] + operand(x, 0, of: op)
        case .list:
            var out: [MathNode] = []
            for (i, item) in x.enumerated() {
                if i > 0 { out.append(.op(MathOperator(",", .punctuation))) }
                out += items(item)
            }
            return out
        case .sum(let index, let upper):
            var sigma = MathOperator("\u{2211}", .large)
            sigma.limits = true
            let base = MathNode.op(sigma)
            let head: MathNode = index == nil && upper == nil
                ? base : .scripts(base: base, sub: index.map(group), sup: upper.map(group), limits: .display)
            return [head] + operand(x, 0, of: op)
        }
    }
}
