/// The readers behind `GCNTopic.schema`: each checks its field against the
/// fields read before it, so a mistyped matrix is reported at the place it
/// was written (`features`, `adjacency[0][2]`, `edges[3][1]`) before any
/// arithmetic starts. Which keys exist is declared in the schema, not here.
enum GCNDecoder {
    /// A sheet with more nodes than this is unreadable anyway (Zachary's
    /// karate club, 34 nodes, fits), and the cap keeps `"nodes": 1e9` from
    /// allocating an n×n matrix: the sheet prints several n×n matrices and
    /// one step per entry of Â, so 1000 nodes made a sheet of gigabytes.
    static let maxNodes = 1000
    /// Columns of `features` and of `weights`: each printed matrix is n×d.
    static let maxFeatures = 100

    /// Where the schema starts reading. The graph's form and `directed` are
    /// settled first: they span several keys (`adjacency`, or `edges` with
    /// `nodes`), and the adjacency's symmetry and the edge list's consistency
    /// depend on `directed`, which the echoed problem writes after them.
    static func blank(for object: ObjectFields) throws -> GCNTopic.Problem {
        var problem = GCNTopic.blank
        problem.directed = try object.optional("directed")?.bool() ?? false
        if try object.either("adjacency", or: "edges", alternative: "'edges' with 'nodes'") { return problem }
        guard object.contains("nodes") else {
            throw InputError(path: object.path, message: "missing required field 'nodes' (the number of nodes, needed with 'edges')")
        }
        problem.graph = .edges(nodes: 0, [])
        return problem
    }

    // MARK: The graph

    static func adjacency(_ field: Field, directed: Bool) throws -> [[Double]] {
        let rows = try field.numberMatrix()
        guard !rows.isEmpty else { throw field.error("must have at least one row (one per node), got an empty matrix") }
        try field.checkSize(rows.count, atMost: maxNodes, "rows", of: "nodes")
        guard rows[0].count == rows.count else {
            throw field.error("must be square (n×n), got \(counted(rows.count, "row")) of \(counted(rows[0].count, "entry", "entries"))")
        }
        for (i, row) in rows.enumerated() {
            for j in row.indices where row[j] < 0 { _ = try field.element(i).element(j).nonNegativeNumber("an edge weight") }
        }
        for i in rows.indices where !directed {
            for j in rows.indices where j > i && rows[i][j] != rows[j][i] {
                throw field.element(i).element(j).error(
                    "A[\(i)][\(j)] = \(JSONWriter.format(number: rows[i][j])) but A[\(j)][\(i)] = \(JSONWriter.format(number: rows[j][i])): "
                        + "an undirected graph needs a symmetric adjacency; set \"directed\": true for a directed one")
            }
        }
        return rows
    }

    /// With `adjacency`, `nodes` may only repeat its size; with `edges` it is the size.
    static func nodes(_ field: Field, graph: GCNTopic.Graph) throws -> GCNTopic.Graph {
        guard case .adjacency(let rows) = graph else { return .edges(nodes: try field.int(in: 1...maxNodes), []) }
        let nodes = try field.positiveInt()
        guard nodes == rows.count else { throw field.error("is \(nodes), but adjacency has \(counted(rows.count, "row"))") }
        return graph
    }

    /// Reads the edge list and checks it builds a consistent A: an undirected
    /// edge may be listed in both directions, but not with two weights.
    static func edges(_ field: Field, nodes: Int, directed: Bool) throws -> [GCNTopic.Edge] {
        var edges: [GCNTopic.Edge] = []
        var seen: [Int: (edge: Int, weight: Double)] = [:]  // key u * nodes + v
        for (k, item) in try field.array().enumerated() {
            let parts = try item.array()
            guard parts.count == 2 || parts.count == 3 else {
                throw item.error("must be an edge [u, v] (or [u, v, weight]), got an array of \(parts.count)")
            }
            let ends = try parts[0..<2].map { try $0.index(below: nodes, noun: "node", owner: "the graph has") }
            let weight = try parts.count == 3 ? parts[2].nonNegativeNumber("an edge weight") : nil
            let value = weight ?? 1
            let entries = directed || ends[0] == ends[1] ? [(ends[0], ends[1])] : [(ends[0], ends[1]), (ends[1], ends[0])]
            for (u, v) in entries {
                if let earlier = seen[u * nodes + v], earlier.weight != value {
                    throw item.error(
                        "sets A[\(u)][\(v)] = \(JSONWriter.format(number: value)), but edges[\(earlier.edge)] already set it to \(JSONWriter.format(number: earlier.weight))")
                }
                seen[u * nodes + v] = (k, value)
            }
            edges.append(GCNTopic.Edge(from: ends[0], to: ends[1], weight: weight))
        }
        return edges
    }

    // MARK: H, W and b

    static func features(_ field: Field, nodes n: Int) throws -> [[Double]] {
        try matrix(field, rows: n, oneRowPer: "node", atLeastOne: "feature", columns: "features")
    }

    static func weights(_ field: Field, features d: Int) throws -> [[Double]] {
        try matrix(
            field, rows: d, oneRowPer: "feature, i.e. per column of features", atLeastOne: "entry",
            columns: "output features")
    }

    /// H and W alike: a row count fixed by what came before, and at least
    /// one and at most `maxFeatures` columns.
    private static func matrix(
        _ field: Field, rows: Int, oneRowPer: String, atLeastOne: String, columns: String
    ) throws -> [[Double]] {
        let matrix = try field.numberMatrix()
        guard matrix.count == rows else {
            throw field.error("has \(counted(matrix.count, "row")), expected \(rows) (one per \(oneRowPer))")
        }
        try field.checkColumns(matrix, noun: atLeastOne, atMost: maxFeatures, of: columns)
        return matrix
    }

    /// One entry per column of W, or of H when W is absent (the identity).
    static func bias(_ field: Field, for problem: GCNTopic.Problem) throws -> [Double] {
        let width = problem.weights?[0].count ?? problem.features[0].count
        let source = problem.weights == nil ? "of features, since weights is absent" : "of weights"
        return try field.numberArray(count: width, onePer: "column \(source)")
    }
}
