/// Fills the softmax templates from a solved problem: per example the max
/// subtraction, each exponential, the sum, each probability, the loss term
/// by term and the gradient p − y; for a batch then the reduction.
///
/// Every formula comes from the trace (`SoftmaxTrace`) as a tree and goes
/// to the templates as a formula marker; numbers are shown by the writers'
/// `NumberPolicy`. Only flags and small integers are made here; every
/// sentence is in `templates/<lang>/softmax/*.mustache`.
struct SoftmaxPresenter: TopicPresenter {
    let solution: SoftmaxTopic.Solution
    let templates: TemplateLibrary
    private var book = FormulaBook()

    init(solution: SoftmaxTopic.Solution, templates: TemplateLibrary) {
        self.solution = solution
        self.templates = templates
    }

    private var problem: SoftmaxTopic.Problem { solution.problem }
    private var result: SoftmaxSolver.Result { solution.result }
    private var trace: Trace { solution.trace }
    private var scaled: Bool { problem.temperature != 1 }

    mutating func contexts() -> TopicContexts {
        let charts = result.rows.indices.map(chart)
        var figures: [Figure] = []
        let context = solutionContext { n, row in
            guard let figure = charts[n] else { return }
            row["chart"] = .text(FigureMarker.make(figures.count))
            figures.append(figure)
        }
        return TopicContexts(question: questionContext(), solution: context, figures: figures, formulas: book.formulas)
    }

    /// Example n's probabilities against its target, as a bar chart.
    private func chart(_ n: Int) -> Figure? {
        let words = FigureWords(templates: templates, topic: "softmax")
        let row = result.rows[n]
        return SoftmaxChartFigure(
            probabilities: row.probabilities, target: row.target, axis: words("axis"), legendP: words("legendP"),
            legendY: words("legendY"), caption: words.caption(["batch": .flag(problem.isBatch), "n": .text(n)])
        ).figure()
    }

    // MARK: Shared

    private mutating func shared() -> TemplateObject {
        [
            "single": .flag(!problem.isBatch),
            "batch": .flag(problem.isBatch),
            "scaled": .flag(scaled),
            "TLine": book.inline("T" .= .number(problem.temperature)),
            "mean": .flag(problem.reduction == .mean),
            "N": .text(result.rows.count),
            "pluralExamples": .flag(result.rows.count != 1),  // a batch may hold one row
        ]
    }

    /// How example `n` and its target read in the question and the solution.
    private mutating func rowBasics(_ n: Int) -> TemplateObject {
        let row = result.rows[n]
        var context: TemplateObject = [
            "n": .text(n),
            "z": book.inline(.vector(row.logits)),
            "zLine": book.inline("z" .= .vector(row.logits)),
            "yLine": book.inline("y" .= .vector(row.target)),
            "indexTarget": .flag(row.targetIndex != nil),
        ]
        if let k = row.targetIndex ?? oneHotClass(row.target) {
            context["class"] = .text(k)
        }
        return context
    }

    /// The class of a one-hot probability vector, if it is one.
    private func oneHotClass(_ y: [Double]) -> Int? {
        guard y.filter({ $0 != 0 }).count == 1, let k = y.firstIndex(of: 1) else { return nil }
        return k
    }

    // MARK: Question

    private mutating func questionContext() -> TemplateObject {
        var context = shared()
        context["rows"] = .objects(result.rows.indices.map { rowBasics($0) })
        context.add(rowBasics(0))
        context["count"] = .text(result.rows.count)
        return context
    }

    // MARK: Solution

    /// `decorate` adds to each example's object (its chart) once it is made.
    private mutating func solutionContext(_ decorate: (Int, inout TemplateObject) -> Void) -> TemplateObject {
        var context = shared()
        context["rows"] = .objects(result.rows.indices.map { n in
            var row = rowContext(n)
            decorate(n, &row)
            return row
        })
        let loss = trace["L"]
        let gradient = trace["dL/dz"]
        if problem.isBatch {
            context["reduceLine"] = book.inline(loss.line(from: loss.formula))
            let gradientName = gradient.name ?? .partial("L", "Z")
            context["gradientLine"] = book.display(
                problem.reduction == .mean ? gradient.line(from: gradientName) : gradientName .=≈ gradient.result)
            context["pAnswer"] = book.display("P" .=≈ .matrix(result.rows.map(\.probabilities)))
            context["lossAnswer"] = book.display("L" .=≈ loss.result)
            context["gradientAnswer"] = book.display(gradientName .=≈ gradient.result)
        } else {
            context["pAnswer"] = book.inline("p" .=≈ trace["p"].result)
            context["lossAnswer"] = book.inline("L" .=≈ loss.result)
            context["gradientAnswer"] = book.inline(.partial("L", "z") .=≈ gradient.result)
        }
        return context
    }

    private mutating func rowContext(_ n: Int) -> TemplateObject {
        let row = result.rows[n]
        let names = SoftmaxTrace.RowNames(n: problem.isBatch ? n : nil)
        let trace = self.trace
        func step(_ id: String) -> WorkedStep { trace[names.prefix + id] }
        var context = rowBasics(n)
        context["first"] = .flag(n == 0)
        context["oneHot"] = .flag(oneHotClass(row.target) != nil)
        let max = step("m")
        context["maxLine"] = book.inline(max.line(from: max.formula))
        context["naiveOverflows"] = .flag(row.naiveOverflows)
        context["naiveSumVanishes"] = .flag(row.naiveSumVanishes)
        let top = Formula.number(row.max)
        context["naiveExponent"] = book.inline(.exp(scaled ? top / .number(problem.temperature) : top))
        context["underflows"] = .flag(row.underflows)
        context["classes"] = .objects(row.logits.indices.map { classContext(n, $0) })
        let sum = step("S")
        context["sumLine"] = book.inline(sum.line(from: sum.formula))
        let logSum = step("ln_S")
        context["logSum"] = book.inline(logSum.line(from: logSum.formula))
        let loss = step("L")
        context["lossSum"] = book.inline(loss.line(from: names.loss))
        if let k = oneHotClass(row.target) {
            context["oneHotLine"] = book.display(oneHotLossLine(row, loss: names.loss, trueClass: k))
        }
        let gradient = step(names.gradientID)
        context["gradientHeader"] = book.inline(gradient.formula)
        context["gradientResult"] = book.inline((gradient.name ?? "z") .=≈ gradient.result)
        return context
    }

    private mutating func classContext(_ n: Int, _ i: Int) -> TemplateObject {
        let row = result.rows[n]
        let prefix = SoftmaxTrace.RowNames(n: problem.isBatch ? n : nil).prefix
        let y = row.target[i]
        let terms = trace[prefix + "loss_terms"]
        return [
            "i": .text(i),
            "z": book.inline(.number(row.logits[i])),
            "shift": book.inline(trace[prefix + "a"].worked(i)),
            "exp": book.inline(positive(trace[prefix + "exp_a"], i)),
            "probability": book.inline(positive(trace[prefix + "p"], i, named: .symbol("p", sub: .integer(i)))),
            "y": book.inline(.number(y)),
            "logP": book.inline(trace[prefix + "ln_p"].worked(i)),
            "term": book.inline(y == 0 ? .integer(0) : terms.worked(i)),
            "p": book.inline(.number(row.probabilities[i])),
            "gradient": book.inline(trace[prefix + SoftmaxTrace.RowNames(n: problem.isBatch ? n : nil).gradientID].worked(i)),
        ]
    }

    /// Entry `i` of a step whose exact value is positive: an exponential or
    /// a probability that underflowed to 0 is `≈ 0`, never `= 0`.
    private func positive(_ step: WorkedStep, _ i: Int, named name: Formula? = nil) -> Formula {
        let (substituted, value) = step.entry(i)
        let line = name.map { $0 .= substituted } ?? substituted
        if case .number(0, _) = value { return line .≈ 0 }
        return line .=≈ value
    }

    /// `L = -(1 \cdot \ln p_0 + 0 \cdot \ln p_1 + …) = -\ln p_0 = -(a_0 - \ln S) = …`:
    /// the whole sum written out, so it is visible that only the true class
    /// is left.
    private func oneHotLossLine(_ row: SoftmaxSolver.Row, loss: Formula, trueClass k: Int) -> Formula {
        let terms: [Formula] = row.target.indices.map { .number(row.target[$0]) * .ln(.symbol("p", sub: .integer($0))) }
        let pk: Formula = .symbol("p", sub: .integer(k)), ak: Formula = .symbol("a", sub: .integer(k))
        return loss .= -(.sum(terms)) .= -.ln(pk) .= -(ak - .ln("S"))
            .= -(.number(row.shifted[k]) - .number(row.logSum)) .=≈ .number(row.loss)
    }
}
