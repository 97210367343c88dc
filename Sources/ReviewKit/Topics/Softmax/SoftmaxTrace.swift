/// Records a solved softmax problem as worked steps, each once, in the
/// order a student computes them: per example the max, the shift, the
/// exponentials, their sum, the probabilities, ln S, ln p, the loss terms,
/// the loss and the gradient; for a batch then the reduction.
///
/// JSON `steps` and every formula on the sheet are written from this trace.
/// A batch prefixes each row's step ids with `row<n>.` (rows numbered from 0,
/// like `logits[n]` in the file).
enum SoftmaxTrace {
    static func record(_ problem: SoftmaxTopic.Problem, _ result: SoftmaxSolver.Result) -> Trace {
        var trace = Trace()
        for (n, row) in result.rows.enumerated() {
            recordRow(row, RowNames(n: problem.isBatch ? n : nil), into: &trace)
        }
        guard problem.isBatch else { return trace }
        let (reduction, count) = (problem.reduction, result.rows.count)
        let losses = Formula.sum(result.rows.map { .number($0.loss) })
        let lossOfRow: Formula = .symbol("L", sub: "n"), rowGradient: Formula = .partial(lossOfRow, .symbol("z", sub: "n"))
        let gradients = Formula.matrix(result.rows.map(\.gradient))
        // The mean puts 1/N in front of the sum and of each row's gradient.
        let (loss, lossNumbers) = reduction.formulas(.sum(over: "n", lossOfRow), losses, count: count)
        trace.record("L", "L" .= loss, name: "L", lossNumbers, .scalar(result.loss))
        let (gradient, gradientNumbers) = reduction.formulas(rowGradient, gradients, count: count)
        trace.record(
            "dL/dz", .partial("L", .symbol("z", sub: "n")) .= gradient, name: .partial("L", "Z"), gradientNumbers,
            .matrix(result.gradient))
        return trace
    }

    /// How one example's quantities are named: `L` and no id prefix for a
    /// single example, `L_n` and `row<n>.` in a batch.
    struct RowNames {
        var n: Int?

        var prefix: String { n.map { "row\($0)." } ?? "" }
        var loss: Formula { n.map { .symbol("L", sub: .integer($0)) } ?? "L" }
        var logits: Formula { n.map { .symbol("z", sub: .integer($0)) } ?? "z" }
        /// `dL/dz` or `dL_0/dz_0`: the JSON id of the row's gradient.
        var gradientID: String { n.map { "dL_\($0)/dz_\($0)" } ?? "dL/dz" }
    }

    private static func recordRow(_ row: CrossEntropy, _ names: RowNames, into trace: inout Trace) {
        let p = names.prefix, softmax = row.softmax, t = softmax.temperature
        let scaled = t != 1
        let i: Formula = "i"
        let z = Formula.symbol("z", sub: i), a = Formula.symbol("a", sub: i), y = Formula.symbol("y", sub: i)
        let pi = Formula.symbol("p", sub: i)
        let m = Formula.number(softmax.max), temperature = Formula.number(t)
        func scale(_ x: Formula, by T: Formula) -> Formula { scaled ? x / T : x }
        func step(_ id: String, _ label: String? = nil, _ formula: Formula, _ name: Formula?, _ substituted: Formula, _ value: StepValue) {
            trace.record(p + id, label: p + (label ?? id), formula, name: name, substituted, value)
        }
        step("m", nil, "m" .= .max(over: i, z), "m", .max(Formula.numbers(softmax.logits)), .scalar(softmax.max))
        step(
            "a", nil, a .= scale(z - "m", by: "T"), "a",
            .vector(softmax.logits.map { scale(.number($0) - m, by: temperature) }), .vector(softmax.shifted))
        step(
            "exp_a", "exp(a)", .exp(a), .exp("a"), .vector(softmax.shifted.map { .exp(.number($0)) }),
            .vector(softmax.exponentials))
        step(
            "S", nil, "S" .= .sum(over: "j", .exp(.symbol("a", sub: "j"))), "S",
            Formula.sum(Formula.numbers(softmax.exponentials)), .scalar(softmax.sum))
        step(
            "p", nil, pi .= .frac(.exp(a), "S"), "p",
            .vector(softmax.exponentials.map { .frac(.number($0), .number(softmax.sum)) }), .vector(softmax.probabilities))
        step("ln_S", "ln S", .ln("S"), nil, .ln(.number(softmax.sum)), .scalar(softmax.logSum))
        step(
            "ln_p", "ln p", .ln(pi) .= a - .ln("S"), .ln("p"),
            .vector(softmax.shifted.map { .number($0) - .number(softmax.logSum) }), .vector(softmax.logProbabilities))
        step(
            "loss_terms", "-y ln p", -.juxtapose(y, .ln(pi)), nil,
            .vector(zip(row.target, softmax.logProbabilities).map { -(.number($0) * .number($1)) }), .vector(row.terms))
        trace.record(
            p + "L", label: PlainFormulaWriter().write(names.loss), names.loss .= CrossEntropy.formula(y, pi, over: i),
            name: names.loss, Formula.sum(Formula.numbers(row.terms)), .scalar(row.loss))
        step(
            names.gradientID, nil, .partial(names.loss, z) .= scale(pi - y, by: "T"), .partial(names.loss, names.logits),
            .vector(zip(softmax.probabilities, row.target).map { scale(.number($0) - .number($1), by: temperature) }),
            .vector(row.gradient))
    }
}
