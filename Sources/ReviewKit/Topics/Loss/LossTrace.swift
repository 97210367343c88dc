/// Records a `loss` problem as worked steps: each element's term
/// `loss[i]` (`loss[r][c]` for a matrix) and gradient `grad[i]`, or for a
/// row-wise loss each row's `loss[r]` and gradient row `grad[r]` (`[0]` for a single vector); then the
/// reduced `loss`. Every gradient carries its 1/N.
enum LossTrace {
    static func record(_ p: LossTopic.Problem, _ r: LossSolver.Result) -> Trace {
        var trace = Trace()
        let n = Formula.integer(r.count)
        let mean = p.reduction == .mean
        func over(_ x: Formula) -> Formula { mean ? .frac(x, n) : x }
        if p.loss.rowWise {
            for (row, scores) in p.predictions.enumerated() {
                let key = "[\(row)]"
                let l = LossNotation.rowLoss(p, row)
                recordRow(p, r, row, scores, key: key, name: l, over: over, into: &trace)
            }
        } else {
            for (row, values) in p.predictions.enumerated() {
                for (c, yhat) in values.enumerated() {
                    let key = p.isMatrix ? "[\(row)][\(c)]" : "[\(c)]"
                    let i = LossNotation.index(p, row, c)
                    let y = p.targets[row][c]
                    let (rule, numbers, gradRule, gradNumbers) = LossNotation.element(
                        p, i, yhat, y, r.branches[row][c], over: over, symbolicN: mean)
                    let term = Formula.symbol("l", sub: i)
                    trace.record(WorkedStep(
                        id: "loss" + key, label: "l" + key, formula: term .= rule, name: term, substituted: numbers,
                        value: .scalar(r.terms[row][c])))
                    let grad = Formula.partial("L", LossNotation.prediction(i))
                    trace.record(WorkedStep(
                        id: "grad" + key, label: "dL/dy" + key, formula: grad .= gradRule, name: grad, substituted: gradNumbers,
                        value: .scalar(r.gradient[row][c])))
                }
            }
        }
        let terms: [Double] = p.loss.rowWise ? r.rowLosses : Array(r.terms.joined())
        let each: Formula = p.loss.rowWise ? .symbol("L", sub: "r") : .symbol("l", sub: "i")
        let (loss, numbers) = p.reduction.formulas(
            .sum(over: p.loss.rowWise ? "r" : "i", each), .sum(Formula.numbers(terms)), count: r.count)
        trace.record(WorkedStep(id: "loss", label: "L", formula: "L" .= loss, name: "L", substituted: numbers, value: .scalar(r.loss)))
        return trace
    }

    private static func recordRow(
        _ p: LossTopic.Problem, _ r: LossSolver.Result, _ row: Int, _ scores: [Double], key: String, name: Formula,
        over: (Formula) -> Formula, into trace: inout Trace
    ) {
        let j: Formula = "j"
        let s = { (k: Formula) in Formula.symbol("s", sub: k) }
        if p.loss == .multiclassHinge, case .index(let t) = p.rowTargets[row] {
            let m = Formula.number(p.margin), st = Formula.number(scores[t])
            let terms = scores.indices.filter { $0 != t }.map { Formula.max([0, .number(scores[$0]) - st + m]) }
            trace.record(WorkedStep(
                id: "loss" + key, label: "L" + key,
                formula: name .= .sum(over: .text("j ≠ t"), .max([0, s(j) - s("t") + "m"])), name: name,
                substituted: .sum(terms), value: .scalar(r.rowLosses[row])))
            let count = scores.indices.filter { $0 != t && r.margins[row][$0] > 0 }.count
            trace.record(WorkedStep(
                id: "grad" + key, label: "dL/ds" + key,
                formula: .partial("L", s(j)) .= over(.call("1", s(j) - s("t") + "m")), name: .partial("L", "s"),
                substituted: .vector(scores.indices.map { k in
                    let g = k == t ? -count : (r.margins[row][k] > 0 ? 1 : 0)
                    return g == 0 ? .integer(0) : over(.integer(g))
                }),
                value: .vector(r.gradient[row])))
        } else {
            let t = LossDecoding.distribution(p.rowTargets[row], classes: scores.count)
            let tj = Formula.symbol("t", sub: j), pj = Formula.symbol("p", sub: j)
            let terms = zip(t, scores).filter { $0.0 != 0 }.map { Formula.juxtapose(.number($0.0), .ln(.number($0.1))) }
            trace.record(WorkedStep(
                id: "loss" + key, label: "L" + key, formula: name .= CrossEntropy.formula(tj, pj, over: j), name: name,
                substituted: -.sum(terms), value: .scalar(r.rowLosses[row])))
            trace.record(WorkedStep(
                id: "grad" + key, label: "dL/dp" + key, formula: .partial("L", pj) .= over(-.frac(tj, pj)), name: .partial("L", "p"),
                substituted: .vector(zip(t, scores).map { $0 == 0 ? .integer(0) : over(-.frac(.number($0), .number($1))) }),
                value: .vector(r.gradient[row])))
        }
    }
}

/// How `loss`'s terms are written, in symbols and with the numbers.
enum LossNotation {
    static func index(_ p: LossTopic.Problem, _ row: Int, _ c: Int) -> Formula {
        p.isMatrix ? .text("\(row),\(c)") : .integer(c)
    }

    static func prediction(_ i: Formula) -> Formula { .symbol("y", sub: i, accent: .hat) }

    static func rowLoss(_ p: LossTopic.Problem, _ row: Int) -> Formula {
        p.isMatrix ? .symbol("L", sub: .integer(row)) : "L"
    }

    /// (rule, numbers, gradient rule, gradient numbers) of one element.
    static func element(
        _ p: LossTopic.Problem, _ i: Formula, _ yhat: Double, _ yv: Double, _ branch: LossSolver.Branch,
        over: (Formula) -> Formula, symbolicN: Bool
    ) -> (Formula, Formula, Formula, Formula) {
        let h = prediction(i), y = Formula.symbol("y", sub: i)
        let H = Formula.number(yhat), Y = Formula.number(yv)
        func overN(_ x: Formula) -> Formula { symbolicN ? .frac(x, "N") : x }
        let sign = Int(LossSolver.sign(yhat - yv))
        switch p.loss {
        case .mse:
            return (.pow(h - y, 2), .pow(H - Y, 2), overN(2 * (h - y)), over(2 * (H - Y)))
        case .mae:
            return (.abs(h - y), .abs(H - Y), overN(.call("sign", h - y)), sign == 0 ? .integer(0) : over(.integer(sign)))
        case .huber:
            let d = Formula.number(p.delta)
            if branch == .quadratic {
                return (.juxtapose(.frac(1, 2), .pow(h - y, 2)), .juxtapose(.frac(1, 2), .pow(H - Y, 2)), overN(h - y), over(H - Y))
            }
            return (
                .juxtapose("delta", .abs(h - y) - .juxtapose(.frac(1, 2), "delta")),
                .juxtapose(d, .abs(H - Y) - .frac(1, 2) * d),
                overN(.juxtapose("delta", .call("sign", h - y))), over(d * .integer(sign)))
        case .hinge:
            let rule = Formula.max([0, "m" - .juxtapose(y, h)])
            let numbers = Formula.max([0, .number(p.margin) - Y * H])
            return branch == .active ? (rule, numbers, overN(-y), over(-Y)) : (rule, numbers, 0, .integer(0))
        case .bce:
            if p.fromLogits {
                let z = h, Z = H
                return (
                    .ln(1 + .exp(z)) - .juxtapose(y, z), .ln(1 + .exp(Z)) - Y * Z,
                    overN(.call("sigma", z) - y), over(.frac(1, 1 + .exp(-Z)) - Y))
            }
            var terms: [Formula] = []
            if yv != 0 { terms.append(.juxtapose(Y, .ln(H))) }
            if yv != 1 { terms.append(.juxtapose(1 - Y, .ln(1 - H))) }
            let rule: Formula = -(.juxtapose(y, .ln(h)) + .juxtapose(1 - y, .ln(1 - h)))
            let gradRule: Formula = .frac(h - y, symbolicN ? .juxtapose("N", h, 1 - h) : .juxtapose(h, 1 - h))
            let n: Formula = symbolicN ? over(1) : 1
            let denominator: Formula = symbolicN ? denominatorN(n) * H * (1 - H) : H * (1 - H)
            return (rule, -.sum(terms), gradRule, .frac(H - Y, denominator))
        case .multiclassHinge, .crossEntropy:
            preconditionFailure("row-wise")
        }
    }

    /// The N of `over(1)` = 1/N, as a number.
    private static func denominatorN(_ overOne: Formula) -> Formula {
        if case .apply(.fraction, let parts) = overOne { return parts[1] }
        return 1
    }
}
