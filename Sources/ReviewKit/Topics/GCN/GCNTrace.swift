/// Records a solved graph-convolution step as worked steps, each once, in
/// the order a student computes them: A, Ã, the degrees, D̃^-1/2 (or D̃^-1),
/// each non-zero Â_ij, Â, ÂH, ÂHW, Z = ÂHW + b and H' = σ(Z).
///
/// JSON `steps` and every formula on the sheet are written from this trace;
/// the question's rule is built from the same notation (`GCNNotation`).
/// Step ids are the contract's (`A_tilde`, `A_hat[0][1]`, `pre_activation`).
enum GCNTrace {
    static func record(_ s: GCNTopic.Solution) -> Trace {
        let p = s.problem
        let aggregated = withoutCancellationNoise(s.aggregated), transformed = withoutCancellationNoise(s.transformed)
        let preActivation = withoutCancellationNoise(s.preActivation), output = withoutCancellationNoise(s.output)
        let notation = GCNNotation(p)
        var trace = Trace()
        let a: Formula = "A", tilde = GCNNotation.aTilde, hat = GCNNotation.aHat
        trace.record("A", notation.adjacencyRule, name: a, .matrix(s.adjacency), .matrix(s.adjacency))
        trace.record(
            "A_tilde", p.selfLoops ? tilde .= a + "I" : tilde .= a, name: tilde,
            p.selfLoops ? .matrix(s.adjacency) + .matrix(GCNTopic.identity(s.adjacency.count)) : .matrix(s.adjacency),
            .matrix(s.withSelfLoops))
        let ij: Formula = .symbol("ij")
        trace.record(
            "degrees", GCNNotation.degree("i") .= .sum(over: "j", .symbol("A", sub: ij, accent: .tilde)),
            name: .symbol("d", accent: .tilde),
            .vector(s.withSelfLoops.map { row in
                let terms = row.filter { $0 != 0 }.map { Formula.number($0) }
                return terms.isEmpty ? .number(0) : .sum(terms)
            }),
            .vector(s.degrees))
        // Â as a student writes it: exact forms (1/√6) where the inputs allow.
        var exact: [[Formula]] = s.normalized.map { $0.map { .number($0) } }
        if let scaling = s.degreeScaling {
            let symmetric = p.normalization == .symmetric
            let scale = GCNNotation.scaling(p.normalization)
            let factors: [Formula] = s.degrees.map { d in
                symmetric ? GCNExactForms.overSquareRoot(1, d) ?? .frac(1, .sqrt(.number(d))) : .frac(1, .number(d))
            }
            let perNode: Formula = symmetric ? .frac(1, .sqrt(GCNNotation.degree("i"))) : .frac(1, GCNNotation.degree("i"))
            trace.record(
                symmetric ? "D_inv_sqrt" : "D_inv", scale .= .call("diag", perNode), name: scale,
                .matrix(factors.indices.map { i in factors.indices.map { $0 == i ? factors[i] : .integer(0) } }),
                .matrix(GCNNotation.diagonal(scaling)))
            for entry in s.normalizedEntries {
                let (i, j) = (entry.row, entry.column)
                let ai = Formula.number(s.withSelfLoops[i][j]), di = Formula.number(s.degrees[i]), dj = Formula.number(s.degrees[j])
                let name = notation.entry(hat, i, j)
                let rule: Formula = symmetric
                    ? .frac(notation.entry(tilde, i, j), .sqrt(.juxtapose(GCNNotation.degree(.integer(i)), GCNNotation.degree(.integer(j)))))
                    : .frac(notation.entry(tilde, i, j), GCNNotation.degree(.integer(i)))
                trace.record(
                    "A_hat[\(i)][\(j)]", name .= rule, name: name, symmetric ? .frac(ai, .sqrt(di * dj)) : .frac(ai, di),
                    .scalar(entry.value))
                if symmetric, let form = GCNExactForms.overSquareRoot(s.withSelfLoops[i][j], s.degrees[i] * s.degrees[j]) {
                    exact[i][j] = form
                }
            }
        }
        trace.record("A_hat", hat .= notation.normalization, name: hat, .matrix(exact), .matrix(s.normalized))
        let product = Formula.juxtapose(hat, GCNNotation.h)
        trace.record("aggregated", product, name: product, .juxtapose(.matrix(exact), .matrix(p.features)), .matrix(aggregated))
        let transform = p.weights.map { Formula.juxtapose(.matrix(aggregated), .matrix($0)) } ?? .matrix(aggregated)
        if let b = p.bias {
            if p.weights != nil {
                let linear = notation.linear(hat, bias: false)
                trace.record("transformed", linear, name: linear, transform, .matrix(transformed))
            }
            trace.record(
                "pre_activation", GCNNotation.z .= notation.linear(hat, bias: true), name: GCNNotation.z,
                .matrix(transformed) + .matrix(Array(repeating: b, count: transformed.count)), .matrix(preActivation))
        } else {
            trace.record(
                "pre_activation", GCNNotation.z .= notation.linear(hat, bias: false), name: GCNNotation.z, transform, .matrix(preActivation))
        }
        trace.record(
            "output", GCNNotation.output .= p.activation.formula(GCNNotation.z), name: GCNNotation.output,
            p.activation.formula(.matrix(preActivation)), .matrix(output))
        return trace
    }

    /// The matrix with each entry that is binary noise next to the matrix's
    /// largest entry (below 1e-12 of it) set to 0: 1/√2 · 2 − √2 leaves
    /// 2.2e-16 where a student, and the math, get 0. A step shows the 0 and
    /// so does the next step's operand; the JSON answers keep the solver's
    /// numbers untouched.
    static func withoutCancellationNoise(_ m: [[Double]]) -> [[Double]] {
        let scale = m.lazy.flatMap { $0 }.map(abs).max() ?? 0
        return m.map { $0.map { abs($0) < 1e-12 * scale ? 0 : $0 } }
    }
}

/// The symbols of a graph-convolution step, shared by the trace and the
/// question: Ã, Â, D̃^-1/2, H, W, b, Z, H' and the rule H' = σ(Â H W + b)
/// for this problem's options.
struct GCNNotation {
    let problem: GCNTopic.Problem

    init(_ problem: GCNTopic.Problem) { self.problem = problem }

    static let aTilde: Formula = .symbol("A", accent: .tilde)
    static let aHat: Formula = .symbol("A", accent: .hat)
    static let h: Formula = "H"
    static let z: Formula = "Z"
    /// H', the new states.
    static let output: Formula = "H'"

    /// d̃_i
    static func degree(_ i: Formula) -> Formula { .symbol("d", sub: i, accent: .tilde) }

    /// D̃^-1/2 (symmetric) or D̃^-1 (row).
    static func scaling(_ normalization: GCNTopic.Normalization) -> Formula {
        .symbol("D", sup: normalization == .symmetric ? -(Formula.integer(1) / .integer(2)) : .integer(-1), accent: .tilde)
    }

    static func diagonal(_ values: [Double]) -> [[Double]] {
        values.indices.map { i in values.indices.map { $0 == i ? values[i] : 0 } }
    }

    /// How the file's graph becomes A: as given, or one entry per edge.
    var adjacencyRule: Formula {
        guard case .edges = problem.graph else { return "A" }
        let uv: Formula = .symbol("uv"), vu: Formula = .symbol("vu")
        let weight: Formula = .symbol("w", sub: uv)
        return problem.directed
            ? .symbol("A", sub: uv) .= weight : .symbol("A", sub: uv) .= .symbol("A", sub: vu) .= weight
    }

    /// Entry (i, j) of a matrix symbol: `Â_{01}`, or `Â_{0,11}` once node
    /// numbers have two digits and `A_{011}` would be ambiguous.
    func entry(_ matrix: Formula, _ i: Int, _ j: Int) -> Formula {
        guard case .symbol(var symbol) = matrix else { preconditionFailure("not a matrix symbol") }
        let columns = problem.weights?.first?.count ?? problem.features.first?.count ?? 0
        symbol.sub = .text(Swift.max(problem.nodeCount, columns) > 10 ? "\(i),\(j)" : "\(i)\(j)")
        return .symbol(symbol)
    }

    /// Â written out: D̃^-1/2 Ã D̃^-1/2, D̃^-1 Ã, or Ã.
    var normalization: Formula {
        let scale = Self.scaling(problem.normalization)
        switch problem.normalization {
        case .symmetric: return .juxtapose(scale, Self.aTilde, scale)
        case .row: return .juxtapose(scale, Self.aTilde)
        case .none: return Self.aTilde
        }
    }

    /// Â H W + b with the parts this problem has, `adjacency` standing for Â.
    func linear(_ adjacency: Formula, bias: Bool) -> Formula {
        // D̃^-1/2 Ã D̃^-1/2 H, not (D̃^-1/2 Ã D̃^-1/2) H: one product.
        var factors: [Formula] = [adjacency, Self.h]
        if case .apply(.juxtapose, let parts) = adjacency { factors = parts + [Self.h] }
        if problem.weights != nil { factors.append("W") }
        let product: Formula = .apply(.juxtapose, factors)
        return bias && problem.bias != nil ? product + "b" : product
    }

    /// H' = σ(D̃^-1/2 Ã D̃^-1/2 H W + b), the question's rule.
    var rule: Formula {
        Self.output .= problem.activation.formula(linear(normalization, bias: true))
    }
}
