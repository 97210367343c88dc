import Testing
@testable import ReviewKit

/// Every way a gcn problem can be wrong, each reported as one line at the
/// place it was written.
@Suite struct GCNErrorTests {
    private func line(_ fields: String) -> String? {
        errorLine(json: #"{"topic": "gcn", \#(fields)}"#)
    }

    private let hw = #""features": [[1,0],[0,1],[1,1]], "weights": [[1,-1],[2,0]]"#

    @Test func adjacencyMustBeSquare() {
        #expect(line(#""adjacency": [[0,1],[1,0],[0,1]], \#(hw)"#)
            == "test.json: adjacency: must be square (n×n), got 3 rows of 2 entries")
        #expect(line(#""adjacency": [], \#(hw)"#)
            == "test.json: adjacency: must have at least one row (one per node), got an empty matrix")
        #expect(line(#""adjacency": [[0,1,0],[1,0],[0,1,0]], \#(hw)"#)
            == "test.json: adjacency[1]: row 1 has 2 entries, expected 3")
    }

    @Test func undirectedAdjacencyMustBeSymmetric() {
        #expect(line(#""adjacency": [[0,1,0],[0,0,1],[0,1,0]], \#(hw)"#)
            == #"test.json: adjacency[0][1]: A[0][1] = 1 but A[1][0] = 0: an undirected graph needs a symmetric adjacency; set "directed": true for a directed one"#)
        // The same matrix is fine once the graph is declared directed.
        #expect(line(#""adjacency": [[0,1,0],[0,0,1],[0,1,0]], "directed": true, \#(hw)"#) == nil)
    }

    @Test func adjacencyEntriesAreNonNegativeWeights() {
        #expect(line(#""adjacency": [[0,-1,0],[-1,0,1],[0,1,0]], \#(hw)"#)
            == "test.json: adjacency[0][1]: must be a non-negative number (an edge weight), got -1")
        #expect(line(#""adjacency": [[0,"1",0],[1,0,1],[0,1,0]], \#(hw)"#)
            == #"test.json: adjacency[0][1]: must be a number, got "1""#)
    }

    @Test func edgesMustBeInRangeAndWellFormed() {
        #expect(line(#""nodes": 3, "edges": [[0,1],[1,3]], \#(hw)"#)
            == "test.json: edges[1][1]: node 3 is out of range: the graph has 3 nodes, numbered 0 to 2")
        #expect(line(#""nodes": 3, "edges": [[-1,0]], \#(hw)"#)
            == "test.json: edges[0][0]: must be a non-negative integer, got -1")
        #expect(line(#""nodes": 3, "edges": [[0,1,2,3]], \#(hw)"#)
            == "test.json: edges[0]: must be an edge [u, v] (or [u, v, weight]), got an array of 4")
        #expect(line(#""nodes": 3, "edges": [[0,1,-2]], \#(hw)"#)
            == "test.json: edges[0][2]: must be a non-negative number (an edge weight), got -2")
        #expect(line(#""nodes": 3, "edges": [[0,1,2],[1,0]], \#(hw)"#)
            == "test.json: edges[1]: sets A[1][0] = 1, but edges[0] already set it to 2")
        #expect(line(#""nodes": 0, "edges": [], \#(hw)"#)
            == "test.json: nodes: must be an integer between 1 and 1000, got 0")
    }

    @Test func graphIsGivenExactlyOnce() {
        #expect(line(hw) == "test.json: missing required field 'adjacency' (or 'edges' with 'nodes')")
        #expect(line(#""edges": [[0,1]], \#(hw)"#)
            == "test.json: missing required field 'nodes' (the number of nodes, needed with 'edges')")
        #expect(line(#""adjacency": [[0,1,0],[1,0,1],[0,1,0]], "nodes": 3, "edges": [[0,1]], \#(hw)"#)
            == "test.json: edges: give either 'adjacency' or 'edges', not both")
        #expect(line(#""adjacency": [[0,1,0],[1,0,1],[0,1,0]], "nodes": 4, \#(hw)"#)
            == "test.json: nodes: is 4, but adjacency has 3 rows")
        #expect(line(#""adjacency": [[0,1,0],[1,0,1],[0,1,0]], "nodes": 3, \#(hw)"#) == nil)
    }

    @Test func featuresWeightsAndBiasMustFit() {
        let path = #""adjacency": [[0,1,0],[1,0,1],[0,1,0]]"#
        #expect(line(#"\#(path), "features": [[1,0],[0,1]]"#)
            == "test.json: features: has 2 rows, expected 3 (one per node)")
        #expect(line(#"\#(path), "features": [[],[],[]]"#)
            == "test.json: features[0]: must have at least one feature, got an empty row")
        #expect(line(#"\#(path), "features": [[1,0],[0,1],[1,1]], "weights": [[1,0],[0,1],[1,1]]"#)
            == "test.json: weights: has 3 rows, expected 2 (one per feature, i.e. per column of features)")
        #expect(line(#"\#(path), "features": [[1,0],[0,1],[1,1]], "weights": [[1,0,2],[0,1]]"#)
            == "test.json: weights[1]: row 1 has 2 entries, expected 3")
        #expect(line(#"\#(path), \#(hw), "bias": [1,2,3]"#)
            == "test.json: bias: has 3 entries, expected 2 (one per column of weights)")
        #expect(line(#"\#(path), "features": [[1,0],[0,1],[1,1]], "bias": [1]"#)
            == "test.json: bias: has 1 entry, expected 2 (one per column of features, since weights is absent)")
        // W may change the width: 2 features in, 3 out, so b has 3 entries.
        #expect(line(#"\#(path), "features": [[1,0],[0,1],[1,1]], "weights": [[1,0,1],[0,1,1]], "bias": [1,2,3]"#) == nil)
    }

    @Test func optionsAreCheckedWithSuggestions() {
        let path = #""adjacency": [[0,1,0],[1,0,1],[0,1,0]], "features": [[1],[2],[3]]"#
        #expect(line(#"\#(path), "normalization": "rows""#)
            == #"test.json: normalization: must be one of "symmetric", "row", "none", got "rows" (did you mean "row"?)"#)
        #expect(line(#"\#(path), "activation": "softmax""#)
            == #"test.json: activation: must be one of "relu", "sigmoid", "tanh", "none", got "softmax""#)
        #expect(line(#"\#(path), "normalisation": "row""#)
            == "test.json: normalisation: unknown field 'normalisation' (did you mean 'normalization'?)")
        #expect(line(#"\#(path), "self_loops": 1"#) == "test.json: self_loops: must be true or false, got 1")
    }

    @Test func errorsInsideAProblemListCarryTheirPath() {
        let json = #"{"problems": [{"topic": "gcn", "adjacency": [[0]], "features": [[1]]}, {"topic": "gcn", "nodes": 2, "edges": [[0, 2]], "features": [[1],[2]]}]}"#
        #expect(errorLine(json: json)
            == "test.json: problems[1].edges[0][1]: node 2 is out of range: the graph has 2 nodes, numbered 0 to 1")
    }
}
