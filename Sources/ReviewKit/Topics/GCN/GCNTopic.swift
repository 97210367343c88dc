/// `gcn`: one graph-convolution step H' = σ(Â H W + b), the exam question
/// "given a few nodes' states and a weight matrix, perform one graph
/// convolution". The solution shows every matrix on the way — Ã, the
/// degrees, D̃^-1/2 (or D̃^-1), Â entry by entry, ÂH, ÂHW + b, σ — because
/// that is where students lose points.
enum GCNTopic: SchemaTopic, PresentedTopic, GeneratedTopic {
    typealias Presenter = GCNPresenter
    typealias Generator = GCNGenerator

    /// How the normalised adjacency Â is made from Ã.
    enum Normalization: String, CaseIterable, Sendable {
        /// D̃^-1/2 Ã D̃^-1/2 (Kipf & Welling), the default.
        case symmetric
        /// D̃^-1 Ã: each node takes the mean of what it gathers.
        case row
        /// Ã itself: each node sums what it gathers.
        case none
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
        var selfLoops = true
        var normalization = Normalization.symmetric
        var activation = OptionalActivation.relu
        /// relu's slope at exactly 0 (the contract's shared `kink`). A
        /// forward step takes no slope, so it changes no number: the sheet
        /// names the convention where an entry of Z is exactly 0.
        var kink = ReviewKit.Activation.Kink.left

        var nodeCount: Int {
            switch graph {
            case .adjacency(let rows): return rows.count
            case .edges(let nodes, _): return nodes
            }
        }
    }

    /// Every matrix of the step, in the order the solver computed it, and
    /// the trace of worked steps recorded from them. No wording here.
    struct Solution: Sendable, TracedSolution {
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

    // MARK: Reading and writing problems

    static let blank = Problem(graph: .adjacency([]), directed: false, features: [])

    /// The schema reads in this order, after `GCNDecoder.blank(for:)` has
    /// settled the graph's form and `directed`. Every default is written out
    /// (`weights` as the identity) except `bias`: no bias is not a value of
    /// the bias. The graph is written in the form the file gave it.
    static let schema = FieldSchema<Problem>([
        .custom(
            "adjacency", type: "n×n matrix of numbers ≥ 0", default: "none",
            doc: "$A$ (edge weights), symmetric unless `directed`; give it, or `nodes` with `edges`",
            read: { field, problem in
                problem.graph = .adjacency(try GCNDecoder.adjacency(field, directed: problem.directed))
            },
            write: { problem in if case .adjacency(let rows) = problem.graph { .rows(rows) } else { .null } }),
        .custom(
            "nodes", type: "integer 1 … \(GCNDecoder.maxNodes)", default: "none",
            doc: "$n$, needed with `edges`; beside `adjacency` it must match",
            read: { field, problem in problem.graph = try GCNDecoder.nodes(field, graph: problem.graph) },
            write: { problem in if case .edges(let nodes, _) = problem.graph { .number(nodes) } else { .null } }),
        .custom(
            "edges", type: "array of `[u, v]` or `[u, v, w]`", default: "none",
            doc: "the graph as an edge list, nodes numbered from 0; weight `w` defaults to 1",
            read: { field, problem in
                let nodes = problem.nodeCount
                problem.graph = .edges(nodes: nodes, try GCNDecoder.edges(field, nodes: nodes, directed: problem.directed))
            },
            write: { problem in
                guard case .edges(_, let edges) = problem.graph else { return .null }
                return .array(edges.map { .array([.number($0.from), .number($0.to)] + ($0.weight.map { [.number($0)] } ?? [])) })
            }),
        .bool("directed", \.directed, default: false, doc: "`true`: edge `[u, v]` lets only u gather from v; `false` needs a symmetric $A$"),
        .custom(
            "features", type: "n×d matrix", doc: "$H$, one row per node",
            read: { field, problem in problem.features = try GCNDecoder.features(field, nodes: problem.nodeCount) },
            write: { .rows($0.features) }),
        .custom(
            "weights", type: "d×d′ matrix", default: "identity", doc: "$W$",
            read: { field, problem in problem.weights = try GCNDecoder.weights(field, features: problem.features[0].count) },
            write: { .rows($0.weights ?? identity($0.features.first?.count ?? 0)) }),
        .custom(
            "bias", type: "vector of d′ numbers", default: "none", doc: "$b$, added to every row of $\\hat A H W$",
            read: { field, problem in problem.bias = try GCNDecoder.bias(field, for: problem) },
            write: { $0.bias.map(JSONValue.numbers) ?? .null }),
        .bool("self_loops", \.selfLoops, default: true, doc: "$\\tilde A = A + I$; `false` keeps $A$"),
        .choice(
            "normalization", \.normalization, default: .symmetric,
            doc: "$\\hat A$ is $\\tilde D^{-1/2} \\tilde A \\tilde D^{-1/2}$, $\\tilde D^{-1} \\tilde A$ or $\\tilde A$"),
        .choice("activation", \.activation, among: [.relu, .sigmoid, .tanh, .none], default: .relu, doc: "$\\sigma$"),
        .choice(
            "kink", \.kink, default: .left,
            doc: "relu$'(0)$, named where an entry of $Z$ is exactly 0 (no value changes): `left` gives 0 (PyTorch), `right` gives 1 (the notes' table)"),
    ])

    /// Starts from a blank that knows the graph's form and `directed`, which
    /// the schema's fields are checked against (`GCNDecoder.blank(for:)`).
    static func decode(_ object: ObjectFields) throws -> Problem {
        try schema.decode(object, into: GCNDecoder.blank(for: object))
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
        let field = if case .edges = solution.problem.graph { "nodes" } else { "adjacency" }
        return .sheetLimit(n, atMost: maxSheetNodes, at: field, "has \(n) nodes")
    }

    static func answers(_ solution: Solution) -> JSONValue {
        .object([
            ("degrees", .numbers(solution.degrees)),
            ("normalized_adjacency", .rows(solution.normalized)),
            ("aggregated", .rows(solution.aggregated)),
            ("pre_activation", .rows(solution.preActivation)),
            ("output", .rows(solution.output)),
        ])
    }

    // MARK: Helpers

    static func identity(_ size: Int) -> [[Double]] {
        (0..<size).map { i in (0..<size).map { $0 == i ? 1 : 0 } }
    }
}

/// What the printed answer key shows (`FinalAnswers`): H′ = σ(ÂHW + b); Â, ÂH and the pre-activation are working.
extension GCNTopic {
    static let finalAnswers: FinalAnswers = ["output"]
}
