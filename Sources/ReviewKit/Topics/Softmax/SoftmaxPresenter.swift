import Foundation

/// Fills the softmax templates from a solved problem: per example the max
/// subtraction, each exponential, the sum, each probability, the loss term
/// by term and the gradient p − y; for a batch then the reduction.
///
/// Every formula comes from the trace (`SoftmaxTrace`) as a tree and goes
/// to the templates as a formula marker; numbers are shown by the writers'
/// `NumberPolicy`. Only flags and small integers are made here; every
/// sentence is in `templates/<lang>/softmax/*.mustache`.
struct SoftmaxPresenter: BookPresenter {
    typealias Solution = SoftmaxTopic.Solution
    let solution: Solution
    let templates: TemplateLibrary
    var book = FormulaBook()

    private var problem: SoftmaxTopic.Problem { solution.problem }
    private var result: SoftmaxSolver.Result { solution.result }
    private var scaled: Bool { problem.temperature != 1 }

    /// The solution's steps go in by id (`StepForms`): a batch's reduction
    /// at the top, each example's own steps and chart in its row (the whole
    /// trace for one example).
    mutating func contexts() -> TopicContexts {
        var figures: [Figure] = []
        var solution = shared().merging(book.steps(trace))
        solution["rows"] = .objects(result.rows.indices.map { n in
            var row = rowContext(n)
            row["chart"] = figures.marker(for: chart(n))
            return row
        })
        if problem.isBatch { solution["P"] = book.display("P" .=≈ .matrix(result.rows.map(\.softmax.probabilities))) }
        return TopicContexts(question: questionContext(), solution: solution, figures: figures, formulas: book.formulas)
    }

    /// Example n's probabilities against its target, as a bar chart.
    private func chart(_ n: Int) -> Figure? {
        let words = FigureWords(templates: templates, topic: "softmax")
        let row = result.rows[n]
        return SoftmaxChartFigure(
            probabilities: row.softmax.probabilities, target: row.target, axis: words("axis"), legendP: words("legendP"),
            legendY: words("legendY"), caption: words.caption(["batch": .flag(problem.isBatch), "n": .text(n)])
        ).figure()
    }

    // MARK: Shared

    private mutating func shared() -> TemplateObject {
        [
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
            "z": book.inline(.vector(row.softmax.logits)),
            "zLine": book.inline("z" .= .vector(row.softmax.logits)),
            "yLine": book.inline("y" .= .vector(row.target)),
            "indexTarget": .flag(problem.targets[n].index != nil),
        ]
        if let k = problem.targets[n].index ?? CrossEntropy.oneHotClass(row.target) {
            context["class"] = .text(k)
        }
        return context
    }

    // MARK: Question

    private mutating func questionContext() -> TemplateObject {
        var context = shared()
        context["rows"] = .objects(result.rows.indices.map { rowBasics($0) })
        context.add(rowBasics(0))
        return context
    }

    // MARK: Solution

    private mutating func rowContext(_ n: Int) -> TemplateObject {
        let row = result.rows[n], softmax = row.softmax
        let names = SoftmaxTrace.RowNames(n: problem.isBatch ? n : nil)
        var context = rowBasics(n).merging(book.steps(trace, under: names.prefix))
        context["dz"] = context[StepForms.key(names.gradientID)]
        context["first"] = .flag(n == 0)
        context["oneHot"] = .flag(CrossEntropy.oneHotClass(row.target) != nil)
        // Why the max subtraction matters for this very row: the naive
        // e^{max z / T} would overflow a double, or every naive e^{z_i / T}
        // would underflow to 0 (making the naive p = 0/0).
        let naiveTop = exp(softmax.max / problem.temperature)
        context["naiveOverflows"] = .flag(!naiveTop.isFinite)
        context["naiveSumVanishes"] = .flag(naiveTop == 0)
        let top = Formula.number(softmax.max)
        context["naiveExponent"] = book.inline(.exp(scaled ? top / .number(problem.temperature) : top))
        // Some e^{a_i} underflowed to exactly 0.
        context["underflows"] = .flag(softmax.exponentials.contains(0))
        context["classes"] = .objects(softmax.logits.indices.map { classContext(row, $0, names) })
        if let k = CrossEntropy.oneHotClass(row.target) {
            context["oneHotLine"] = book.display(oneHotLossLine(row, loss: names.loss, trueClass: k))
        }
        return context
    }

    private mutating func classContext(_ row: CrossEntropy, _ i: Int, _ names: SoftmaxTrace.RowNames) -> TemplateObject {
        func step(_ id: String) -> WorkedStep { trace[names.prefix + id] }
        return [
            "i": .text(i),
            "z": book.inline(.number(row.softmax.logits[i])),
            "shift": book.inline(step("a").worked(i)),
            "exp": book.inline(positive(step("exp_a"), i)),
            "probability": book.inline(positive(step("p"), i, named: .symbol("p", sub: .integer(i)))),
            "y": book.inline(.number(row.target[i])),
            "logP": book.inline(step("ln_p").worked(i)),
            "term": book.inline(row.target[i] == 0 ? .integer(0) : step("loss_terms").worked(i)),
            "p": book.inline(.number(row.softmax.probabilities[i])),
            "gradient": book.inline(step(names.gradientID).worked(i)),
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
    private func oneHotLossLine(_ row: CrossEntropy, loss: Formula, trueClass k: Int) -> Formula {
        let terms: [Formula] = row.target.indices.map { .number(row.target[$0]) * .ln(.symbol("p", sub: .integer($0))) }
        let pk: Formula = .symbol("p", sub: .integer(k)), ak: Formula = .symbol("a", sub: .integer(k))
        return loss .= -(.sum(terms)) .= -.ln(pk) .= -(ak - .ln("S"))
            .= -(.number(row.softmax.shifted[k]) - .number(row.softmax.logSum)) .=≈ .number(row.loss)
    }
}
