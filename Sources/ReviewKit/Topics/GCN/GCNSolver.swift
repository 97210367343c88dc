import Foundation

/// The arithmetic of one graph-convolution step, in the order a student
/// does it on paper: A, Ã = A + I, the degrees, the degree scaling, Â, ÂH,
/// ÂHW, + b, σ. Numbers only; every intermediate matrix is kept for the sheet
/// and for `steps`.
enum GCNSolver {
    static func solve(_ problem: GCNTopic.Problem) throws -> GCNTopic.Solution {
        let n = problem.nodeCount
        let a = adjacency(problem)
        var tilde = a
        if problem.selfLoops {
            for i in 0..<n { tilde[i][i] += 1 }
        }
        let degrees = tilde.map { $0.reduce(0, +) }
        try FiniteCheck.require([degrees], "the degrees (row sums of Ã)", at: graphField(problem))

        var scaling: [Double]?
        var normalized = tilde
        switch problem.normalization {
        case .symmetric, .row:
            if let isolated = degrees.firstIndex(of: 0) {
                throw degreeZero(isolated, problem)
            }
            let symmetric = problem.normalization == .symmetric
            scaling = degrees.map { symmetric ? 1 / $0.squareRoot() : 1 / $0 }
            for i in 0..<n {
                for j in 0..<n where tilde[i][j] != 0 {
                    // One division of the exact Ã_ij by the exact √(d_i d_j)
                    // (or d_i): more accurate than multiplying two rounded scales.
                    normalized[i][j] = symmetric ? tilde[i][j] / (degrees[i] * degrees[j]).squareRoot() : tilde[i][j] / degrees[i]
                }
            }
        case .none:
            break
        }
        var entries: [(row: Int, column: Int, value: Double)] = []
        for i in 0..<n {
            for j in 0..<n where tilde[i][j] != 0 {
                entries.append((i, j, normalized[i][j]))
            }
        }

        let aggregated = multiply(normalized, problem.features)
        try FiniteCheck.require(aggregated, "ÂH", at: "features")
        let transformed = problem.weights.map { multiply(aggregated, $0) } ?? aggregated
        try FiniteCheck.require(transformed, "ÂHW", at: "weights")
        var preActivation = transformed
        if let bias = problem.bias {
            preActivation = transformed.map { row in zip(row, bias).map { $0 + $1 } }
            try FiniteCheck.require(preActivation, "ÂHW + b", at: "bias")
        }
        let output = preActivation.map { $0.map { activate($0, problem.activation) } }

        return GCNTopic.Solution(
            problem: problem, adjacency: a, withSelfLoops: tilde, degrees: degrees, degreeScaling: scaling,
            normalized: normalized, normalizedEntries: entries, aggregated: aggregated, transformed: transformed,
            preActivation: preActivation, output: output)
    }

    /// A as an n×n matrix; an edge [u, v] sets A[u][v] (and A[v][u] when
    /// undirected), so node u gathers from v.
    static func adjacency(_ problem: GCNTopic.Problem) -> [[Double]] {
        switch problem.graph {
        case .adjacency(let rows):
            return rows
        case .edges(let nodes, let edges):
            var a = MatrixMath.zeros(nodes, nodes)
            for edge in edges {
                let weight = edge.weight ?? 1
                a[edge.from][edge.to] = weight
                if !problem.directed { a[edge.to][edge.from] = weight }
            }
            return a
        }
    }

    static func multiply(_ x: [[Double]], _ y: [[Double]]) -> [[Double]] {
        let columns = y.first?.count ?? 0
        return x.map { row in
            (0..<columns).map { k in
                var sum = 0.0
                for (m, value) in row.enumerated() { sum += value * y[m][k] }
                return sum
            }
        }
    }

    /// gcn's own values, kept as they were: the shared `Activation.sigmoid`
    /// computes e^z / (1 + e^z) for z < 0, which differs from 1 / (1 + e^-z)
    /// in the last bit, and the JSON answers must not move. Only the notation
    /// comes from `Activation` (`OptionalActivation.formula`).
    static func activate(_ z: Double, _ activation: OptionalActivation) -> Double {
        switch activation {
        case .relu: return max(0, z)
        case .sigmoid: return 1 / (1 + exp(-z))
        case .tanh: return Foundation.tanh(z)
        case .none: return z
        }
    }

    private static func graphField(_ problem: GCNTopic.Problem) -> String {
        if case .edges = problem.graph { "edges" } else { "adjacency" }
    }

    /// The contract: a node of degree 0 under `symmetric` or `row` is an
    /// error that names it (1/0 has no value, and silently using 0 would
    /// hide the mistake the exam is testing).
    private static func degreeZero(_ node: Int, _ problem: GCNTopic.Problem) -> SolveError {
        let why = problem.directed ? "it gathers from no node" : "no edges"
        let inverse = problem.normalization == .symmetric ? "D̃^-1/2" : "D̃^-1"
        return SolveError(
            at: graphField(problem),
            "node \(node) has degree 0 (\(why) and self_loops is false), so \(inverse) is undefined; "
                + "add self loops or use normalization \"none\"")
    }
}
