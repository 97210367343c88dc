/// Fills the gcn templates from a solved step: every matrix as a LaTeX
/// `bmatrix`, the normalisation factors in exact form (1/√6) with decimals
/// beside, and node 0 worked by hand as a check on the matrix products.
/// Only reads the solution; no arithmetic beyond choosing how to write it.
struct GCNPresenter {
    let solution: GCNTopic.Solution
    let templates: TemplateLibrary

    private var problem: GCNTopic.Problem { solution.problem }

    func presentation() -> Presentation {
        let drawing = GCNGraphDrawing(solution: solution, caption: "")
        let words = FigureWords(templates: templates, topic: "gcn")
        let caption = words.caption([
            "directed": problem.directed, "selfLoops": problem.selfLoops, "weights": drawing.labelsWeights,
        ])
        let figure = GCNGraphDrawing(solution: solution, caption: caption).figure()
        var context = solutionContext()
        if figure != nil { context["graph"] = FigureMarker.make(0) }
        return Presentation(
            question: templates.render("gcn/question", questionContext()),
            solution: templates.render("gcn/solution", context),
            figures: figure.map { [$0] } ?? [])
    }

    // MARK: Shared

    /// Flags the templates branch on, so every sentence stays in them.
    private func flags() -> [String: Any] {
        var context: [String: Any] = [
            "nodeCount": problem.nodeCount,
            "oneNode": problem.nodeCount == 1,
            "directed": problem.directed,
            "selfLoops": problem.selfLoops,
            "hasWeights": problem.weights != nil,
            "hasBias": problem.bias != nil,
            problem.normalization.rawValue: true,
            problem.activation == .none ? "noActivation" : problem.activation.rawValue: true,
            "adjacency": MathNotation.matrix(solution.adjacency),
            "features": MathNotation.matrix(problem.features),
            "rule": rule(),
        ]
        if case .edges(_, let edges) = problem.graph {
            context["fromEdges"] = true
            context["weightedEdges"] = edges.contains { $0.weight != nil }
            context["edges"] = templateList(edges.map { edge in
                var text = "(\(edge.from), \(edge.to))"
                if let weight = edge.weight { text += "\\colon \(NumberFormat.latex(weight))" }
                return ["edge": text]
            })
        }
        if let w = problem.weights { context["weights"] = MathNotation.matrix(w) }
        if let b = problem.bias { context["bias"] = MathNotation.vector(b) }
        return context
    }

    /// H' = σ(D̃^-1/2 Ã D̃^-1/2 H W + b), written for this problem's options.
    private func rule() -> String {
        var inner: String
        switch problem.normalization {
        case .symmetric: inner = "\\tilde{D}^{-1/2} \\tilde{A} \\tilde{D}^{-1/2} H"
        case .row: inner = "\\tilde{D}^{-1} \\tilde{A} H"
        case .none: inner = "\\tilde{A} H"
        }
        if problem.weights != nil { inner += " W" }
        if problem.bias != nil { inner += " + b" }
        guard let f = activationName else { return inner }
        return "\(f)\\left(\(inner)\\right)"
    }

    private var activationName: String? {
        switch problem.activation {
        case .relu: return "\\operatorname{ReLU}"
        case .sigmoid: return "\\sigma"
        case .tanh: return "\\tanh"
        case .none: return nil
        }
    }

    // MARK: Question

    private func questionContext() -> [String: Any] {
        flags()
    }

    // MARK: Solution

    private func solutionContext() -> [String: Any] {
        var context = flags()
        let n = problem.nodeCount
        context["identity"] = MathNotation.matrix(GCNTopic.identity(n))
        context["tilde"] = MathNotation.matrix(solution.withSelfLoops)
        context["hadDiagonal"] = problem.selfLoops && (0..<n).contains { solution.adjacency[$0][$0] != 0 }
        context["degrees"] = solution.withSelfLoops.enumerated().map { i, row in
            let terms = row.filter { $0 != 0 }.map { NumberFormat.operand($0) }
            var line = "\\tilde{d}_{\(i)} = "
            if terms.count > 1 { line += terms.joined(separator: " + ") + " = " }
            return ["line": line + NumberFormat.latex(solution.degrees[i])]
        }
        context["degreeMatrix"] = MathNotation.matrix(diagonal(solution.degrees))
        if let scaling = solution.degreeScaling {
            let exact = solution.degrees.map { d in
                problem.normalization == .symmetric ? GCNExactForms.overSquareRoot(1, d) : GCNExactForms.fraction(1, d)
            }
            context["scaling"] = exactAndApprox(diagonal(scaling), exact: diagonalStrings(exact, scaling))
        }
        context["entries"] = solution.normalizedEntries.map(entryRow)
        context["normalized"] = exactAndApprox(solution.normalized, exact: exactNormalized())
        context["aggregatedEquation"] =
            "\\hat{A} H = \(bmatrix(exactNormalized())) \(MathNotation.matrix(problem.features))"
            + " \(relation(solution.aggregated)) \(MathNotation.matrix(solution.aggregated))"
        context.merge(firstNode(), uniquingKeysWith: { $1 })
        if let w = problem.weights {
            context["transformedEquation"] =
                "\\hat{A} H W = \(MathNotation.matrix(solution.aggregated)) \(MathNotation.matrix(w))"
                + " \(relation(solution.transformed)) \(MathNotation.matrix(solution.transformed))"
        }
        if let b = problem.bias {
            context["biasEquation"] =
                "Z = \\hat{A} H\(problem.weights == nil ? "" : " W") + b = \(MathNotation.matrix(solution.transformed)) + \(MathNotation.matrix(Array(repeating: b, count: n)))"
                + " \(relation(solution.preActivation)) \(MathNotation.matrix(solution.preActivation))"
        }
        context["preActivation"] = MathNotation.matrix(solution.preActivation)
        context["output"] = MathNotation.matrix(solution.output)
        context["outputEquation"] =
            "H' = \(activationName ?? "")\\left(Z\\right) \(relation(solution.output)) \(MathNotation.matrix(solution.output))"
        return context
    }

    /// One row of the table of Â's non-zero entries.
    private func entryRow(_ entry: (row: Int, column: Int, value: Double)) -> [String: Any] {
        let (i, j) = (entry.row, entry.column)
        let a = solution.withSelfLoops[i][j]
        let (di, dj) = (solution.degrees[i], solution.degrees[j])
        let formula: String
        let substituted: String
        if problem.normalization == .symmetric {
            formula = "\\frac{\\tilde{A}_{\(pair(i, j))}}{\\sqrt{\\tilde{d}_{\(i)} \\tilde{d}_{\(j)}}}"
            substituted = "\\frac{\(NumberFormat.latex(a))}{\\sqrt{\(NumberFormat.latex(di)) \\cdot \(NumberFormat.latex(dj))}}"
        } else {
            formula = "\\frac{\\tilde{A}_{\(pair(i, j))}}{\\tilde{d}_{\(i)}}"
            substituted = "\\frac{\(NumberFormat.latex(a))}{\(NumberFormat.latex(di))}"
        }
        return [
            "entry": "\\hat{A}_{\(pair(i, j))}", "formula": formula, "substituted": substituted,
            "value": exactWithDecimal(exactEntry(i, j), entry.value),
        ]
    }

    /// Â_ij in exact form, when the inputs allow one.
    private func exactEntry(_ i: Int, _ j: Int) -> String? {
        let a = solution.withSelfLoops[i][j]
        switch problem.normalization {
        case .symmetric: return GCNExactForms.overSquareRoot(a, solution.degrees[i] * solution.degrees[j])
        case .row: return GCNExactForms.fraction(a, solution.degrees[i])
        case .none: return nil
        }
    }

    private func exactNormalized() -> [[String]] {
        solution.normalized.enumerated().map { i, row in
            row.enumerated().map { j, value in value == 0 ? "0" : exactEntry(i, j) ?? NumberFormat.latex(value) }
        }
    }

    /// `\frac{1}{\sqrt{6}} \approx 0.4082`, `\frac{1}{2} = 0.5`, or just the decimal.
    private func exactWithDecimal(_ exact: String?, _ value: Double) -> String {
        let decimal = NumberFormat.latex(value)
        guard let exact, exact != decimal else { return decimal }
        return "\(exact) \(NumberFormat.result(value))"
    }

    /// `M` in exact form, then `\approx` the decimals when they differ.
    private func exactAndApprox(_ values: [[Double]], exact: [[String]]) -> String {
        let exactMatrix = bmatrix(exact)
        let decimals = MathNotation.matrix(values)
        return exactMatrix == decimals ? exactMatrix : "\(exactMatrix) \(relation(values)) \(decimals)"
    }

    // MARK: Node 0 by hand

    /// "Node 0 gathers from nodes 0 and 1 with weights …", its row of ÂH as
    /// a weighted sum of states, then its row of Z column by column.
    private func firstNode() -> [String: Any] {
        let weights = solution.normalizedEntries.filter { $0.row == 0 }
        let exact = exactNormalized()[0]
        var context: [String: Any] = [
            "gathersFromNone": weights.isEmpty,
            "gathersSeveral": weights.count > 1,
            "gathers": templateList(weights.map { ["node": $0.column, "weight": "\\hat{A}_{\(pair(0, $0.column))} = \(exactWithDecimal(exactEntry(0, $0.column), $0.value))"] }),
            "firstAggregated": MathNotation.vector(solution.aggregated[0]),
        ]
        if !weights.isEmpty {
            let terms = weights.map { weight in
                let coefficient = exact[weight.column] == "1" ? "" : exact[weight.column] + " "
                return coefficient + MathNotation.vector(problem.features[weight.column])
            }
            context["firstSum"] =
                "(\\hat{A} H)_{0} = \(terms.joined(separator: " + ")) \(relation([solution.aggregated[0]])) \(MathNotation.vector(solution.aggregated[0]))"
        }
        let row = solution.aggregated[0]
        if let w = problem.weights {
            context["firstColumns"] = (0..<(w.first?.count ?? 0)).map { k -> [String: Any] in
                var products = row.indices.map { "\(NumberFormat.operand(row[$0])) \\cdot \(NumberFormat.operand(w[$0][k]))" }
                if let b = problem.bias { products.append(NumberFormat.operand(b[k])) }
                let z = solution.preActivation[0][k]
                return ["line": "z_{\(pair(0, k))} = \(products.joined(separator: " + ")) \(NumberFormat.result(z))"]
            }
        }
        context["firstZ"] = MathNotation.vector(solution.preActivation[0])
        context["firstOutput"] = MathNotation.vector(solution.output[0])
        return context
    }

    // MARK: Matrices

    /// The subscript of entry (i, j): `01`, or `0,11` once node numbers
    /// have two digits and `A_{011}` would be ambiguous.
    private func pair(_ i: Int, _ j: Int) -> String {
        max(problem.nodeCount, (problem.weights?.first?.count ?? problem.features[0].count)) > 10 ? "\(i),\(j)" : "\(i)\(j)"
    }

    private func relation(_ values: [[Double]]) -> String {
        values.allSatisfy { $0.allSatisfy { NumberFormat.relation($0) == "=" } } ? "=" : "\\approx"
    }

    private func diagonal(_ values: [Double]) -> [[Double]] {
        values.indices.map { i in values.indices.map { $0 == i ? values[i] : 0 } }
    }

    private func diagonalStrings(_ exact: [String?], _ values: [Double]) -> [[String]] {
        values.indices.map { i in values.indices.map { $0 == i ? exact[i] ?? NumberFormat.latex(values[i]) : "0" } }
    }

    private func bmatrix(_ rows: [[String]]) -> String {
        "\\begin{bmatrix} \(rows.map { $0.joined(separator: " & ") }.joined(separator: " \\\\ ")) \\end{bmatrix}"
    }
}
