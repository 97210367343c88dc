/// Fills the softmax templates from a solved problem: per example the max
/// subtraction, each exponential, the sum, each probability, the loss term
/// by term and the gradient p − y; for a batch then the reduction.
///
/// Only LaTeX and flags are made here; every sentence is in
/// `templates/<lang>/softmax/*.mustache`, and every number was computed by
/// `SoftmaxSolver`.
struct SoftmaxPresenter {
    let solution: SoftmaxTopic.Solution
    let templates: TemplateLibrary

    private var problem: SoftmaxTopic.Problem { solution.problem }
    private var result: SoftmaxSolver.Result { solution.result }
    private var scaled: Bool { problem.temperature != 1 }

    func presentation() -> Presentation {
        let charts = result.rows.indices.map(chart)
        var context = solutionContext()
        var figures: [Figure] = []
        if var rows = context["rows"] as? [[String: Any]] {
            for (n, figure) in charts.enumerated() {
                guard let figure else { continue }
                rows[n]["chart"] = FigureMarker.make(figures.count)
                figures.append(figure)
            }
            context["rows"] = rows
        }
        return Presentation(
            question: templates.render("softmax/question", questionContext()),
            solution: templates.render("softmax/solution", context),
            figures: figures)
    }

    /// Example n's probabilities against its target, as a bar chart.
    private func chart(_ n: Int) -> Figure? {
        let words = FigureWords(templates: templates, topic: "softmax")
        let row = result.rows[n]
        return SoftmaxChartDrawing(
            probabilities: row.probabilities, target: row.target, axis: words("axis"), legendP: words("legendP"),
            legendY: words("legendY"), caption: words.caption(["batch": problem.isBatch, "n": String(n)])
        ).figure()
    }

    // MARK: Shared

    private func shared() -> [String: Any] {
        [
            "single": !problem.isBatch,
            "batch": problem.isBatch,
            "scaled": scaled,
            "T": num(problem.temperature),
            "mean": problem.reduction == .mean,
            "N": String(result.rows.count),
            "pluralExamples": result.rows.count != 1,  // a batch may hold one row
        ]
    }

    /// How example `n` and its target read in the question and the solution.
    private func rowBasics(_ n: Int) -> [String: Any] {
        let row = result.rows[n]
        var context: [String: Any] = [
            "n": String(n),
            "z": tuple(row.logits),
            "y": tuple(row.target),
            "indexTarget": row.targetIndex != nil,
        ]
        if let k = row.targetIndex ?? oneHotClass(row.target) {
            context["class"] = String(k)
        }
        return context
    }

    /// The class of a one-hot probability vector, if it is one.
    private func oneHotClass(_ y: [Double]) -> Int? {
        guard y.filter({ $0 != 0 }).count == 1, let k = y.firstIndex(of: 1) else { return nil }
        return k
    }

    // MARK: Question

    private func questionContext() -> [String: Any] {
        var context = shared()
        context["rows"] = result.rows.indices.map(rowBasics)
        context.merge(rowBasics(0)) { old, _ in old }
        context["count"] = String(result.rows.count)
        return context
    }

    // MARK: Solution

    private func solutionContext() -> [String: Any] {
        var context = shared()
        context["rows"] = result.rows.indices.map(rowContext)
        let probabilities = result.rows.map(\.probabilities)
        context["LResult"] = result(result.loss)
        if problem.isBatch {
            let losses = result.rows.map { num($0.loss) }.joined(separator: " + ")
            context["reduceLine"] = problem.reduction == .mean
                ? "\\frac{1}{\(result.rows.count)} (\(losses)) \(result(result.loss))"
                : "\(losses) \(result(result.loss))"
            let rowGradients = MathNotation.matrix(result.rows.map(\.gradient))
            let gradient = "\(relation(result.gradient.flatMap { $0 })) \(MathNotation.matrix(result.gradient))"
            context["gradientLine"] = problem.reduction == .mean
                ? "= \\frac{1}{\(result.rows.count)} \(rowGradients) \(gradient)"
                : gradient
            context["pResult"] = "\(relation(probabilities.flatMap { $0 })) \(MathNotation.matrix(probabilities))"
            context["gResult"] = gradient
        } else {
            context["pResult"] = tupleResult(probabilities[0])
            context["gResult"] = tupleResult(result.gradient[0])
        }
        return context
    }

    private func rowContext(_ n: Int) -> [String: Any] {
        let row = result.rows[n]
        let loss = problem.isBatch ? "L_{\(n)}" : "L"
        var context = rowBasics(n)
        context["first"] = n == 0
        context["oneHot"] = oneHotClass(row.target) != nil
        context["maxSubstituted"] = "\\max(\(row.logits.map(num).joined(separator: ", ")))"
        context["m"] = num(row.max)
        context["naiveOverflows"] = row.naiveOverflows
        context["naiveSumVanishes"] = row.naiveSumVanishes
        context["naiveExponent"] = "e^{\(scaled ? "\(op(row.max)) / \(op(problem.temperature))" : num(row.max))}"
        context["underflows"] = row.underflows
        context["classes"] = row.logits.indices.map { classContext(row, $0) }
        context["sumLine"] = "\(row.exponentials.map(num).joined(separator: " + ")) \(result(row.sum))"
        context["logSum"] = "\\ln \(op(row.sum)) \(result(row.logSum))"
        context["loss"] = loss
        context["lossSum"] = "\(loss) = \(row.lossTerms.map(num).joined(separator: " + ")) \(result(row.loss))"
            .replacingOccurrences(of: "+ -", with: "- ")
        if let k = oneHotClass(row.target) {
            context["oneHotLine"] = oneHotLossLine(row, loss: loss, trueClass: k)
        }
        context["gradientSymbol"] = MathNotation.partial(loss, "z_i")
        context["gradientResult"] = "\(MathNotation.partial(loss, "z")) \(tupleResult(row.gradient))"
        return context
    }

    private func classContext(_ row: SoftmaxSolver.Row, _ i: Int) -> [String: Any] {
        let z = row.logits[i]
        let a = row.shifted[i]
        let difference = "\(num(z)) - \(op(row.max))"
        let shift = scaled ? "(\(difference)) / \(op(problem.temperature))" : difference
        let gradient = "\(num(row.probabilities[i])) - \(op(row.target[i]))"
        let y = row.target[i]
        return [
            "i": String(i),
            "z": num(z),
            "shift": "\(shift) \(result(a))",
            "exp": "e^{\(num(a))} \(positiveResult(row.exponentials[i]))",
            "probability": "p_{\(i)} = \\frac{\(num(row.exponentials[i]))}{\(num(row.sum))} \(positiveResult(row.probabilities[i]))",
            "y": num(y),
            "logP": "\(num(a)) - \(op(row.logSum)) \(result(row.logProbabilities[i]))",
            "term": y == 0 ? "0" : "-\(op(y)) \\cdot \(op(row.logProbabilities[i])) \(result(row.lossTerms[i]))",
            "p": num(row.probabilities[i]),
            "gradient": (scaled ? "(\(gradient)) / \(op(problem.temperature))" : gradient)
                + " \(result(row.gradient[i]))",
        ]
    }

    /// `L = -(1 \cdot \ln p_0 + 0 \cdot \ln p_1 + …) = -\ln p_0 = -(a_0 - \ln S) = …`:
    /// the whole sum written out, so it is visible that only the true class
    /// is left.
    private func oneHotLossLine(_ row: SoftmaxSolver.Row, loss: String, trueClass k: Int) -> String {
        let sum = row.target.indices.map { "\(num(row.target[$0])) \\cdot \\ln p_{\($0)}" }.joined(separator: " + ")
        return "\(loss) = -(\(sum)) = -\\ln p_{\(k)} = -(a_{\(k)} - \\ln S)"
            + " = -(\(num(row.shifted[k])) - \(op(row.logSum))) \(result(row.loss))"
    }

    // MARK: Formatting

    private func num(_ value: Double) -> String { NumberFormat.latex(value) }
    private func op(_ value: Double) -> String { NumberFormat.operand(value) }

    /// The tail of a line whose exact value is positive: an exponential
    /// or a probability that underflowed to 0 is `\\approx 0`, never `= 0`.
    private func positiveResult(_ value: Double) -> String {
        value == 0 ? "\\approx 0" : result(value)
    }

    private func tuple(_ values: [Double]) -> String {
        "(\(values.map(num).joined(separator: ", ")))"
    }

    /// `= -1.2` or `\approx 0.5525`. Unlike `NumberFormat.result`, binary
    /// noise does not count as rounding: 1 − 2.2 is −1.2000000000000002 in
    /// doubles, but a student subtracting decimals gets exactly −1.2, and an
    /// `\approx` there would look like a mistake.
    private func result(_ value: Double) -> String {
        "\(relation([value])) \(num(value))"
    }

    /// `=` when every entry prints exactly (up to binary noise), `\approx` otherwise.
    private func relation(_ values: [Double]) -> String {
        let exact = values.allSatisfy { value in
            guard let printed = Double(NumberFormat.plain(value)) else { return false }
            return abs(printed - value) <= 1e-12 * max(1, abs(value))
        }
        return exact ? "=" : "\\approx"
    }

    private func tupleResult(_ values: [Double]) -> String {
        "\(relation(values)) \(tuple(values))"
    }
}
