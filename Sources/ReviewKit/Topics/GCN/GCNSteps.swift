/// The JSON `steps` of a gcn solution: every matrix in the order the solver
/// made it, with plain-text formulas (`A_hat[0][1] = A_tilde[0][1] /
/// sqrt(d_0 * d_1)`) that a script or a grader can read without LaTeX.
enum GCNSteps {
    static func steps(_ s: GCNTopic.Solution) -> [Step] {
        let p = s.problem
        var steps: [Step] = []
        func add(_ id: String, _ formula: String, _ substituted: String, _ value: JSONValue) {
            steps.append(Step(id: id, label: formula, formula: formula, substituted: substituted, value: value))
        }

        let source: String
        switch p.graph {
        case .adjacency: source = "adjacency as given"
        case .edges: source = p.directed ? "A[u][v] = w for each edge [u, v]" : "A[u][v] = A[v][u] = w for each edge [u, v]"
        }
        add("A", "A = \(source)", "A = \(matrix(s.adjacency))", GCNTopic.matrixJSON(s.adjacency))
        add(
            "A_tilde", p.selfLoops ? "A_tilde = A + I" : "A_tilde = A (no self loops)",
            "A_tilde = \(matrix(s.withSelfLoops))", GCNTopic.matrixJSON(s.withSelfLoops))
        let sums = s.withSelfLoops.map { row in
            let terms = row.filter { $0 != 0 }.map { NumberFormat.plain($0) }
            return terms.isEmpty ? "0" : terms.joined(separator: " + ")
        }
        add(
            "degrees", "d_i = sum_j A_tilde[i][j]", "d = [\(sums.joined(separator: ", "))]",
            .array(s.degrees.map { .number($0) }))

        if let scaling = s.degreeScaling {
            let symmetric = p.normalization == .symmetric
            let id = symmetric ? "D_inv_sqrt" : "D_inv"
            let each = s.degrees.map { symmetric ? "1/sqrt(\(NumberFormat.plain($0)))" : "1/\(NumberFormat.plain($0))" }
            let diagonal = scaling.enumerated().map { i, v in (0..<scaling.count).map { $0 == i ? v : 0 } }
            add(
                id, symmetric ? "\(id) = diag(1/sqrt(d_i))" : "\(id) = diag(1/d_i)",
                "\(id) = diag(\(each.joined(separator: ", ")))", GCNTopic.matrixJSON(diagonal))
            for entry in s.normalizedEntries {
                let (i, j) = (entry.row, entry.column)
                let a = NumberFormat.plain(s.withSelfLoops[i][j])
                let (formula, numbers) =
                    symmetric
                    ? ("A_tilde[\(i)][\(j)] / sqrt(d_\(i) * d_\(j))",
                        "\(a) / sqrt(\(NumberFormat.plain(s.degrees[i])) * \(NumberFormat.plain(s.degrees[j])))")
                    : ("A_tilde[\(i)][\(j)] / d_\(i)", "\(a) / \(NumberFormat.plain(s.degrees[i]))")
                add("A_hat[\(i)][\(j)]", "A_hat[\(i)][\(j)] = \(formula)", "A_hat[\(i)][\(j)] = \(numbers)", .number(entry.value))
            }
        }
        let normalization: String
        switch p.normalization {
        case .symmetric: normalization = "A_hat = D_inv_sqrt * A_tilde * D_inv_sqrt"
        case .row: normalization = "A_hat = D_inv * A_tilde"
        case .none: normalization = "A_hat = A_tilde (no normalization)"
        }
        add("A_hat", normalization, "A_hat = \(matrix(s.normalized))", GCNTopic.matrixJSON(s.normalized))
        add(
            "aggregated", "aggregated = A_hat * H", "aggregated = \(matrix(s.normalized)) * \(matrix(p.features))",
            GCNTopic.matrixJSON(s.aggregated))
        // `pre_activation` is always a step (it is an answer key); `transformed`
        // (ÂHW) is one of its own only when a bias follows it.
        let linear = "A_hat * H" + (p.weights == nil ? "" : " * W")
        let product = p.weights.map { "\(matrix(s.aggregated)) * \(matrix($0))" } ?? matrix(s.aggregated)
        if let b = p.bias {
            let plusBias = " + [\(b.map { NumberFormat.plain($0) }.joined(separator: ", "))]"
            if p.weights != nil {
                add("transformed", "transformed = \(linear)", "transformed = \(product)", GCNTopic.matrixJSON(s.transformed))
                add(
                    "pre_activation", "pre_activation = \(linear) + b", "pre_activation = \(matrix(s.transformed))\(plusBias)",
                    GCNTopic.matrixJSON(s.preActivation))
            } else {
                add(
                    "pre_activation", "pre_activation = \(linear) + b", "pre_activation = \(product)\(plusBias)",
                    GCNTopic.matrixJSON(s.preActivation))
            }
        } else {
            add("pre_activation", "pre_activation = \(linear)", "pre_activation = \(product)", GCNTopic.matrixJSON(s.preActivation))
        }
        let function = p.activation == .none ? "identity" : p.activation.rawValue
        add(
            "output", "output = \(function)(pre_activation)", "output = \(function)(\(matrix(s.preActivation)))",
            GCNTopic.matrixJSON(s.output))
        return steps
    }

    /// `[[1, 0], [0.5, 2]]`, rounded like the sheet.
    private static func matrix(_ rows: [[Double]]) -> String {
        "[" + rows.map { "[" + $0.map { NumberFormat.plain($0) }.joined(separator: ", ") + "]" }.joined(separator: ", ") + "]"
    }
}
