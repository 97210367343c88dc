/// Fills the kmeans templates from a solved problem: per iteration the
/// centroids it starts from, the table of squared distances with each
/// point's nearest centroid (ties named), the sizes, the inertia, each new
/// centroid as a sum over a count (an empty cluster named), a scatter plot,
/// and whether the assignments repeated; then the features when asked for.
///
/// Formulas come from the trace (`KMeansTrace`) as trees and go to the
/// templates as markers in a typed context (`TemplateObject`); every
/// sentence is in `templates/<lang>/kmeans/*.mustache`.
struct KMeansPresenter {
    let solution: KMeansTopic.Solution
    let templates: TemplateLibrary
    private var book = FormulaBook()

    init(solution: KMeansTopic.Solution, templates: TemplateLibrary) {
        self.solution = solution
        self.templates = templates
    }

    private var problem: KMeansTopic.Problem { solution.problem }
    private var result: KMeansSolver.Result { solution.result }
    private var trace: Trace { solution.trace }
    private var notation: KMeansNotation { KMeansNotation(dimensions: problem.points[0].count) }

    mutating func presentation() -> Presentation {
        let question = templates.render("kmeans/question", questionContext())
        var figures: [Figure] = []
        var context = solutionContext()
        if case .list(var items)? = context["iterations"] {
            for (t, it) in result.iterations.enumerated() {
                guard let figure = scatter(t, it), case .object(var item) = items[t] else { continue }
                item["figure"] = .text(FigureMarker.make(figures.count))
                items[t] = .object(item)
                figures.append(figure)
            }
            context["iterations"] = .list(items)
        }
        let solution = templates.render("kmeans/solution", context)
        return Presentation(question: question, solution: solution, figures: figures, formulas: book.formulas)
    }

    private func flags() -> TemplateObject {
        let k = problem.initialCentroids.count
        var context: TemplateObject = [
            "n": .text(problem.points.count), "k": .text(k), "d": .text(problem.points[0].count),
            "oneDimension": .flag(problem.points[0].count == 1),
            "fromPoints": .flag({ if case .points = problem.start { true } else { false } }()),
            "oneIteration": .flag(problem.iterations == 1),
            "iterationCap": .text(problem.iterations),
        ]
        if let features = problem.features { context[features.rawValue] = .flag(true) }
        context["hasFeatures"] = .flag(problem.features != nil)
        return context
    }

    // MARK: Question

    private mutating func questionContext() -> TemplateObject {
        var context = flags()
        context["points"] = .list(problem.points.indices) { i in
            ["i": .text(i), "point": .text(book.inline(notation.point(problem.points[i])))]
        }
        switch problem.start {
        case .points(let indices):
            context["starts"] = .objects(templateItems(indices.enumerated().map { j, i in
                ["j": .text(j), "i": .text(i)]
            }))
        case .centroids(let c):
            context["starts"] = .objects(templateItems(c.indices.map { j in
                ["j": .text(j), "line": .text(book.inline(notation.centroid(j) .= notation.point(c[j])))]
            }))
        }
        return context
    }

    /// `last` and `beforeLast` on a list joined in prose ("a, b and c").
    private func templateItems(_ items: [TemplateObject]) -> [TemplateObject] {
        items.enumerated().map { index, item in
            var item = item
            item["last"] = .flag(index == items.count - 1)
            item["beforeLast"] = .flag(index == items.count - 2)
            return item
        }
    }

    // MARK: Solution

    private mutating func solutionContext() -> TemplateObject {
        var context = flags()
        let k = problem.initialCentroids.count
        // Written-out distances fit a page's table for two clusters; with
        // more, the table holds values and point 0 is worked below it.
        let worked = problem.points[0].count <= 2 && k <= 2
        context["workedCells"] = .flag(worked)
        context["distanceRule"] = .text(book.display(notation.distanceRule))
        context["updateRule"] = .text(book.display(notation.updateRule))
        context["columns"] = .list(0..<k) { j in ["j": .text(j)] }
        var items: [TemplateData] = []
        for (t, it) in result.iterations.enumerated() {
            items.append(.object(iteration(t, it, worked: worked)))
        }
        context["iterations"] = .list(items)
        context["converged"] = .flag(result.converged)
        context["runs"] = .text(result.iterations.count)
        let last = result.iterations.last!
        context["answers"] = .objects(templateItems(last.centroids.indices.map { j in
            ["line": .text(book.inline(notation.centroid(j) .=≈ notation.point(last.centroids[j])))]
        }))
        context["pluralRuns"] = .flag(result.iterations.count != 1)
        context["assignmentLine"] = .text(book.inline("a" .= .vector(last.assignments.map { Formula.integer($0) })))
        if problem.features != nil { context["featureRows"] = .objects(featureRows()) }
        return context
    }

    private mutating func iteration(_ t: Int, _ it: KMeansSolver.Iteration, worked: Bool) -> TemplateObject {
        let h = "history[\(t)]"
        var item: TemplateObject = [
            "t": .text(t + 1),
            "first": .flag(t == 0),
            "starts": .objects(templateItems(it.start.indices.map { j in
                ["line": .text(book.inline(notation.centroid(j) .= notation.point(it.start[j])))]
            })),
        ]
        var rows: [TemplateObject] = []
        for i in problem.points.indices {
            let cells: [TemplateObject] = it.start.indices.map { j in
                let step = trace["\(h).distances[\(i)][\(j)]"]
                return ["cell": .text(book.inline(worked ? step.worked : step.result))]
            }
            rows.append([
                "i": .text(i), "point": .text(book.inline(notation.point(problem.points[i]))),
                "cells": .objects(cells), "cluster": .text(it.assignments[i]), "tie": .flag(!it.ties[i].isEmpty),
            ])
        }
        item["rows"] = .objects(rows)
        item["hasExample"] = .flag(!worked)
        if !worked {
            item["example"] = .objects(templateItems(it.start.indices.map { j in
                let step = trace["\(h).distances[0][\(j)]"]
                return ["line": .text(book.display(step.line(from: step.name!)))]
            }))
        }
        item["ties"] = .list(it.ties.indices.filter { !it.ties[$0].isEmpty }) { i in
            [
                "i": .text(i), "cluster": .text(it.assignments[i]),
                "value": .text(book.inline(.number(it.distances[i][it.assignments[i]]))),
                "clusters": .objects(templateItems(it.ties[i].map { ["j": .text($0)] })),
            ]
        }
        item["sizes"] = .objects(templateItems(it.sizes.indices.map { j in
            ["line": .text(book.inline(.symbol("n", sub: .integer(j)) .= .integer(it.sizes[j])))]
        }))
        let inertia = trace["\(h).inertia"]
        item["inertia"] = .text(book.display(inertia.line(from: "J")))
        item["updates"] = .list(it.centroids.indices) { j in
            let step = trace["\(h).centroids[\(j)]"]
            let empty = it.empty.contains(j)
            return [
                "j": .text(j), "empty": .flag(empty),
                "line": .text(book.display(empty ? step.name! .= step.result : step.line(from: step.name!))),
            ]
        }
        let repeats = t > 0 && result.iterations[t - 1].assignments == it.assignments
        item["repeats"] = .flag(repeats)
        item["changes"] = .flag(t > 0 && !repeats)
        item["capped"] = .flag(t == result.iterations.count - 1 && !result.converged)
        return item
    }

    private mutating func featureRows() -> [TemplateObject] {
        problem.points.indices.map { i in
            var row: TemplateObject = ["i": .text(i), "f": .text(book.inline(trace["features[\(i)]"].result))]
            if problem.features == .triangle {
                let z = trace["features.z[\(i)]"], mu = trace["features.mu[\(i)]"], f = trace["features[\(i)]"]
                row["z"] = .text(book.inline("z" .=≈ z.result))
                row["mu"] = .text(book.inline(mu.line(from: .symbol("mu"))))
                row["f"] = .text(book.inline(f.line(from: "f")))
            }
            return row
        }
    }

    // MARK: Figure

    private func scatter(_ t: Int, _ it: KMeansSolver.Iteration) -> Figure? {
        let words = FigureWords(templates: templates, topic: "kmeans")
        return KMeansScatterFigure(
            points: problem.points, assignments: it.assignments, start: it.start, moved: it.centroids,
            caption: words.caption(typed: ["t": .text(t + 1)])
        ).figure()
    }
}
