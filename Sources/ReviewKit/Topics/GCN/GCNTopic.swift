/// `gcn`: one graph-convolution step H' = σ(Â H W + b), the exam question
/// "given a few nodes' states and a weight matrix, perform one graph
/// convolution". The solution shows every matrix on the way — Ã, the
/// degrees, D̃^-1/2 (or D̃^-1), Â entry by entry, ÂH, ÂHW + b, σ — because
/// that is where students lose points.
enum GCNTopic: Topic {
    /// How the normalised adjacency Â is made from Ã.
    enum Normalization: String, CaseIterable, Sendable {
        /// D̃^-1/2 Ã D̃^-1/2 (Kipf & Welling), the default.
        case symmetric
        /// D̃^-1 Ã: each node takes the mean of what it gathers.
        case row
        /// Ã itself: each node sums what it gathers.
        case none
    }

    enum Activation: String, CaseIterable, Sendable {
        case relu, sigmoid, tanh, none
    }

    /// One edge of an edge list; `weight` is an extension of the contract
    /// (`[u, v, w]`), absent meaning 1.
    struct Edge: Sendable, Equatable {
        var from: Int
        var to: Int
        var weight: Double?
    }

    /// The graph as the file gave it, so `encode` writes it back the same way
    /// and the sheet can show the edge list it was asked about.
    enum Graph: Sendable {
        case adjacency([[Double]])
        case edges(nodes: Int, [Edge])
    }

    struct Problem: Sendable {
        var graph: Graph
        /// Undirected graphs have symmetric adjacency; directed edge [u, v]
        /// means node u gathers from v.
        var directed: Bool
        /// H, one row per node.
        var features: [[Double]]
        /// W; nil means the identity (no transformation).
        var weights: [[Double]]?
        var bias: [Double]?
        var selfLoops: Bool
        var normalization: Normalization
        var activation: Activation

        var nodeCount: Int {
            switch graph {
            case .adjacency(let rows): return rows.count
            case .edges(let nodes, _): return nodes
            }
        }
    }

    /// Every matrix of the step, in the order the solver computed it, and
    /// the trace of worked steps recorded from them. No wording here.
    struct Solution: Sendable {
        var problem: Problem
        /// A, built from the edge list when the file gave one.
        var adjacency: [[Double]]
        /// Ã = A + I (or A when self loops are off).
        var withSelfLoops: [[Double]]
        /// d̃_i, the row sums of Ã.
        var degrees: [Double]
        /// The diagonal of D̃^-1/2 (symmetric) or D̃^-1 (row); nil for `none`.
        var degreeScaling: [Double]?
        /// Â, with its non-zero entries listed in row-major order.
        var normalized: [[Double]]
        var normalizedEntries: [(row: Int, column: Int, value: Double)]
        /// ÂH
        var aggregated: [[Double]]
        /// ÂHW (equal to ÂH when W is absent).
        var transformed: [[Double]]
        /// ÂHW + b
        var preActivation: [[Double]]
        /// σ(ÂHW + b)
        var output: [[Double]]
        /// Every worked step, recorded once from the numbers above (`GCNTrace`).
        var trace = Trace()
    }

    static let name = "gcn"
    static let fields = [
        "adjacency", "edges", "nodes", "directed", "features", "weights", "bias", "self_loops", "normalization",
        "activation",
    ]

    static func decode(_ object: ObjectFields) throws -> Problem {
        try GCNDecoder.decode(object)
    }

    /// Defaults filled in: `directed`, `self_loops`, `normalization`,
    /// `activation`, and `weights` (the identity when absent). `bias` stays
    /// absent when absent: no bias is not a value of the bias.
    static func encode(_ problem: Problem) -> [(String, JSONValue)] {
        var fields: [(String, JSONValue)] = []
        switch problem.graph {
        case .adjacency(let rows):
            fields.append(("adjacency", matrixJSON(rows)))
        case .edges(let nodes, let edges):
            fields.append(("nodes", .number(nodes)))
            fields.append(
                (
                    "edges",
                    .array(
                        edges.map { edge in
                            var pair: [JSONValue] = [.number(edge.from), .number(edge.to)]
                            if let weight = edge.weight { pair.append(.number(weight)) }
                            return .array(pair)
                        })
                ))
        }
        fields.append(("directed", .bool(problem.directed)))
        fields.append(("features", matrixJSON(problem.features)))
        fields.append(("weights", matrixJSON(problem.weights ?? identity(problem.features.first?.count ?? 0))))
        if let bias = problem.bias {
            fields.append(("bias", .array(bias.map { .number($0) })))
        }
        fields.append(("self_loops", .bool(problem.selfLoops)))
        fields.append(("normalization", .string(problem.normalization.rawValue)))
        fields.append(("activation", .string(problem.activation.rawValue)))
        return fields
    }

    static func solve(_ problem: Problem) throws -> Solution {
        var solution = try GCNSolver.solve(problem)
        solution.trace = GCNTrace.record(solution)
        return solution
    }

    /// Nodes a worked sheet shows: every n×n matrix is written out, and past
    /// this it would not fit a page (JSON answers go up to `GCNDecoder.maxNodes`).
    static let maxSheetNodes = 100

    static func sheetLimit(_ solution: Solution) -> SolveError? {
        let n = solution.adjacency.count
        guard n > maxSheetNodes else { return nil }
        return SolveError(
            at: { if case .edges = solution.problem.graph { "nodes" } else { "adjacency" } }(),
            "has \(n) nodes; a worked sheet takes at most \(maxSheetNodes) (--format json gives the answers)")
    }

    static func answers(_ solution: Solution) -> JSONValue {
        .object([
            ("degrees", .array(solution.degrees.map { .number($0) })),
            ("normalized_adjacency", matrixJSON(solution.normalized)),
            ("aggregated", matrixJSON(solution.aggregated)),
            ("pre_activation", matrixJSON(solution.preActivation)),
            ("output", matrixJSON(solution.output)),
        ])
    }

    static func steps(_ solution: Solution) -> [Step] {
        solution.trace.jsonSteps()
    }

    static func generate(_ random: inout RandomSource, difficulty: Difficulty) -> Problem {
        GCNGenerator.generate(&random, difficulty: difficulty)
    }

    static func present(_ problem: Problem, _ solution: Solution, in context: PresentationContext) -> Presentation {
        var presenter = GCNPresenter(solution: solution, templates: context.templates)
        return presenter.presentation()
    }

    // MARK: Helpers

    static func matrixJSON(_ rows: [[Double]]) -> JSONValue {
        .array(rows.map { .array($0.map { .number($0) }) })
    }

    static func identity(_ size: Int) -> [[Double]] {
        (0..<size).map { i in (0..<size).map { $0 == i ? 1 : 0 } }
    }
}
