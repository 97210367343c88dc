/// Fills the gcn templates from a solved step: every matrix, the
/// normalisation factors in exact form (1/√6) with decimals beside, and
/// node 0 worked by hand as a check on the matrix products.
///
/// Every formula comes from the trace (`GCNTrace`) or the shared notation
/// (`GCNNotation`) as a tree and goes to the templates as a formula marker;
/// numbers are shown by the writers' `NumberPolicy`. Only flags and small
/// integers are made here; every sentence is in `templates/<lang>/gcn/*`.
struct GCNPresenter: BookPresenter {
    typealias Solution = GCNTopic.Solution
    let solution: Solution
    let templates: TemplateLibrary
    var book = FormulaBook()

    private var problem: GCNTopic.Problem { solution.problem }
    private var notation: GCNNotation { GCNNotation(problem) }

    mutating func contexts() -> TopicContexts {
        let drawing = GCNGraphFigure(solution: solution, caption: "")
        let words = FigureWords(templates: templates, topic: "gcn")
        let caption = words.caption([
            "directed": .flag(problem.directed), "selfLoops": .flag(problem.selfLoops),
            "weights": .flag(drawing.labelsWeights), "ends": .flag(drawing.labelsEnds),
        ])
        let figure = GCNGraphFigure(solution: solution, caption: caption).figure()
        let solution = solutionContext()
        return TopicContexts(question: questionContext(), solution: solution, figure: figure, as: "graph", formulas: book.formulas)
    }

    // MARK: Shared

    /// Flags the templates branch on, so every sentence stays in them.
    private mutating func flags() -> TemplateObject {
        var context: TemplateObject = [
            "nodeCount": .text(problem.nodeCount),
            "oneNode": .flag(problem.nodeCount == 1),
            "directed": .flag(problem.directed),
            "selfLoops": .flag(problem.selfLoops),
            "hasWeights": .flag(problem.weights != nil),
            "hasBias": .flag(problem.bias != nil),
            problem.normalization.rawValue: true,
            problem.activation.templateFlag: true,
            "adjacencyLine": book.display("A" .= .matrix(solution.adjacency)),
        ]
        if case .edges(_, let edges) = problem.graph {
            context["fromEdges"] = true
            context["weightedEdges"] = .flag(edges.contains { $0.weight != nil })
            context["edges"] = templateListData(edges.map { edge in
                let pair: [Formula] = [.integer(edge.from), .integer(edge.to)]
                return ["edge": book.inline(.vector(pair + (edge.weight.map { [.number($0)] } ?? [])))]
            })
        }
        return context
    }

    // MARK: Question

    private mutating func questionContext() -> TemplateObject {
        var context = flags()
        context["featuresLine"] = book.display(GCNNotation.h .= .matrix(problem.features))
        if let w = problem.weights { context["weightsLine"] = book.display("W" .= .matrix(w)) }
        if let b = problem.bias { context["biasLine"] = book.display("b" .= .vector(b)) }
        context["rule"] = book.display(notation.rule)
        return context
    }

    // MARK: Solution

    /// The steps go in by id (`StepForms`); `linear` is Â H W, before any bias.
    private mutating func solutionContext() -> TemplateObject {
        var context = flags().merging(book.steps(trace))
        let n = problem.nodeCount
        context["linear"] = context[problem.bias != nil && problem.weights != nil ? "transformed" : "pre_activation"]
        context["hadDiagonal"] = .flag(problem.selfLoops && (0..<n).contains { solution.adjacency[$0][$0] != 0 })
        let degrees = trace["degrees"]
        context["degrees"] = .list(0..<n) { i -> TemplateObject in
            let (sum, value) = degrees.entry(i)
            let name = GCNNotation.degree(.integer(i))
            let several = solution.withSelfLoops[i].filter { $0 != 0 }.count > 1
            return ["line": book.inline(several ? name .= sum .=≈ value : name .=≈ value)]
        }
        context["degreeMatrix"] = book.display(.symbol("D", accent: .tilde) .= .matrix(GCNNotation.diagonal(solution.degrees)))
        if problem.normalization != .none {  // `none` has no entry table: Â is Ã
            context["entries"] = .list(solution.normalizedEntries) { entryRow($0.row, $0.column) }
        }
        context = context.merging(firstNode()).merging(kink())
        let output = trace["output"]
        context["outputEquation"] = book.display(output.formula .=≈ output.result)
        return context
    }

    /// Â_ij's exact form (1/√6) then its value (≈ 0.4082), or the value
    /// alone when they read the same; after `name =` when one is given.
    private func exactThenValue(_ i: Int, _ j: Int, named name: Formula? = nil) -> Formula {
        let value = Formula.number(solution.normalized[i][j])
        guard case .matrix(let exact) = trace["A_hat"].substituted, !StepForms.reads(exact[i][j], as: value) else {
            return name.map { $0 .=≈ value } ?? value
        }
        return (name.map { $0 .= exact[i][j] } ?? exact[i][j]) .=≈ value
    }

    /// One row of the table of Â's non-zero entries.
    private mutating func entryRow(_ i: Int, _ j: Int) -> TemplateObject {
        let step = trace["A_hat[\(i)][\(j)]"]
        guard case .relation(_, let name, let rule) = step.formula else { preconditionFailure("A_hat entry without a rule") }
        return [
            "entry": book.inline(name), "formula": book.inline(rule), "substituted": book.inline(step.substituted),
            "value": book.inline(exactThenValue(i, j)),
        ]
    }

    // MARK: Node 0 by hand

    /// "Node 0 gathers from nodes 0 and 1 with weights …", its row of ÂH as
    /// a weighted sum of states, then its row of Z column by column.
    private mutating func firstNode() -> TemplateObject {
        let weights = solution.normalizedEntries.filter { $0.row == 0 }
        let exact: [Formula]
        if case .matrix(let rows) = trace["A_hat"].substituted { exact = rows[0] } else { exact = [] }
        var context: TemplateObject = [
            "gathersFromNone": .flag(weights.isEmpty),
            "gathersSeveral": .flag(weights.count > 1),
            "gathers": templateListData(weights.map {
                ["node": .text($0.column), "weight": book.inline(exactThenValue(0, $0.column, named: notation.entry(GCNNotation.aHat, 0, $0.column)))]
            }),
        ]
        if !weights.isEmpty {
            let terms: [Formula] = weights.map { weight in
                let state = Formula.vector(problem.features[weight.column])
                return StepForms.reads(exact[weight.column], as: 1) ? state : .juxtapose(exact[weight.column], state)
            }
            context["firstSum"] = book.display(.sum(terms) .=≈ .vector(matrix("aggregated")[0]))
        }
        let row = matrix("aggregated")[0], z = matrix("pre_activation")[0]
        if let w = problem.weights {
            context["firstColumns"] = .list(0..<(w.first?.count ?? 0)) { k -> TemplateObject in
                var terms: [Formula] = row.indices.map { .number(row[$0]) * .number(w[$0][k]) }
                if let b = problem.bias { terms.append(.number(b[k])) }
                let name = notation.entry("z", 0, k)
                return ["line": book.inline(name .= .sum(terms) .=≈ .number(z[k]))]
            }
        }
        context["firstZ"] = book.inline(.symbol("z", sub: 0) .=≈ .vector(z))
        context["firstOutput"] = book.inline(.symbol("h'", sub: 0) .=≈ .vector(matrix("output")[0]))
        return context
    }

    /// The entries of Z that are exactly 0 under relu (as the sheet shows
    /// them), where relu meets its kink: the sheet names the `kink`
    /// convention there, since a backward pass would need the slope.
    private mutating func kink() -> TemplateObject {
        guard problem.activation == .relu else { return [:] }
        let z = matrix("pre_activation")
        let zeros = z.indices.flatMap { i in z[i].indices.filter { z[i][$0] == 0 }.map { (i, $0) } }
        guard !zeros.isEmpty else { return [:] }
        return [
            "kinkMet": true, "kinkLeft": .flag(problem.kink == .left), "kinkSeveral": .flag(zeros.count > 1),
            "kinkEntries": templateListData(zeros.map { ["entry": book.inline(notation.entry("Z", $0.0, $0.1))] }),
        ]
    }

    /// A matrix step's value as the sheet shows it (`GCNTrace` has set
    /// cancellation noise to 0).
    private func matrix(_ id: String) -> [[Double]] {
        guard case .matrix(let rows) = trace[id].value else { preconditionFailure("step \(id) is not a matrix") }
        return rows
    }
}
