import Foundation
import Testing
@testable import ReviewKit

/// The gcn topic end to end through the problem-file reader. Expected values
/// come from numpy (the reference below) or from hand calculation shown in
/// the comments — never from the solver itself.
///
/// numpy reference (python3), used for every `ref(...)` comment below:
///
///     import numpy as np
///     def gcn(A, H, W=None, b=None, loops=True, norm="symmetric", act="relu"):
///         A = np.array(A, float); H = np.array(H, float)
///         At = A + np.eye(len(A)) if loops else A
///         d = At.sum(1)
///         if norm == "symmetric": Dm = np.diag(d ** -0.5); Ah = Dm @ At @ Dm
///         elif norm == "row": Ah = np.diag(1 / d) @ At
///         else: Ah = At
///         AH = Ah @ H
///         Z = AH @ (np.array(W, float) if W is not None else np.eye(H.shape[1]))
///         if b is not None: Z = Z + np.array(b, float)
///         out = {"relu": np.maximum(Z, 0), "sigmoid": 1 / (1 + np.exp(-Z)),
///                "tanh": np.tanh(Z), "none": Z}[act]
///         return d, Ah, AH, Z, out
@Suite struct GCNTopicTests {
    static let path = #""adjacency": [[0,1,0],[1,0,1],[0,1,0]], "features": [[1,0],[0,1],[1,1]], "weights": [[1,-1],[2,0]]"#

    @Test func contractExampleSymmetricWithSelfLoops() throws {
        // By hand: Ã = [[1,1,0],[1,1,1],[0,1,1]], d̃ = [2, 3, 2];
        // Â_00 = 1/√(2·2) = 1/2, Â_01 = 1/√(2·3) = 1/√6 ≈ 0.408248, Â_11 = 1/√9 = 1/3.
        // (ÂH)_0 = ½[1,0] + (1/√6)[0,1] = [0.5, 0.408248];
        // z_0 = [0.5·1 + 0.408248·2, 0.5·(−1)] = [1.316497, −0.5]; ReLU → [1.316497, 0].
        // numpy: ref(P, H, W)
        let a = try answers(#"{"topic": "gcn", \#(Self.path), "self_loops": true, "normalization": "symmetric", "activation": "relu"}"#)
        #expect(a.at("degrees")?.doubles == [2, 3, 2])
        let s6 = 0.408248290463863
        expectMatrix(a.at("normalized_adjacency"), [[0.5, s6, 0], [s6, 1.0 / 3, s6], [0, s6, 0.5]])
        expectMatrix(a.at("aggregated"), [[0.5, s6], [0.816496580927726, 0.7415816237971964], [0.5, 0.9082482904638631]])
        expectMatrix(
            a.at("pre_activation"),
            [[1.3164965809277263, -0.5], [2.2996598285221186, -0.816496580927726], [2.3164965809277263, -0.5]])
        expectMatrix(a.at("output"), [[1.3164965809277263, 0], [2.2996598285221186, 0], [2.3164965809277263, 0]])
    }

    @Test func defaultsAreSelfLoopsSymmetricRelu() throws {
        let explicit = try answers(#"{"topic": "gcn", \#(Self.path), "self_loops": true, "normalization": "symmetric", "activation": "relu", "directed": false}"#)
        let worked = try solve(json: #"{"topic": "gcn", \#(Self.path)}"#)[0]
        #expect(worked.answers == explicit)
        // The problem echoed back has every default filled in, in a stable order.
        guard case .object(let members) = worked.problem.kind else { Issue.record("problem is not an object"); return }
        #expect(members.map(\.key) == [
            "topic", "id", "adjacency", "directed", "features", "weights", "self_loops", "normalization", "activation",
            "kink",
        ])
        #expect(worked.problem["normalization"] == .string("symmetric"))
        #expect(worked.problem["self_loops"] == .bool(true))
        #expect(worked.problem["activation"] == .string("relu"))
        #expect(worked.problem["kink"] == .string("left"))
    }

    @Test func symmetricWithoutSelfLoops() throws {
        // By hand: d = [1, 2, 1]; Â_01 = 1/√(1·2) = 1/√2 ≈ 0.707107, diagonal 0.
        // numpy: ref(P, H, W, loops=False)
        let a = try answers(#"{"topic": "gcn", \#(Self.path), "self_loops": false}"#)
        let r2 = 0.7071067811865476
        #expect(a.at("degrees")?.doubles == [1, 2, 1])
        expectMatrix(a.at("normalized_adjacency"), [[0, r2, 0], [r2, 0, r2], [0, r2, 0]])
        expectMatrix(a.at("aggregated"), [[0, r2], [1.4142135623730951, r2], [0, r2]])
        expectMatrix(a.at("pre_activation"), [[1.4142135623730951, 0], [2.8284271247461903, -1.4142135623730951], [1.4142135623730951, 0]])
        expectMatrix(a.at("output"), [[1.4142135623730951, 0], [2.8284271247461903, 0], [1.4142135623730951, 0]])
    }

    @Test func rowWithSelfLoops() throws {
        // By hand: Â = D̃^-1 Ã = [[1/2,1/2,0],[1/3,1/3,1/3],[0,1/2,1/2]];
        // ÂH row 1 = (1/3)([1,0]+[0,1]+[1,1]) = [2/3, 2/3]; ·W = [2/3 + 4/3, −2/3] = [2, −2/3].
        // numpy: ref(P, H, W, norm="row")
        let a = try answers(#"{"topic": "gcn", \#(Self.path), "normalization": "row"}"#)
        let third = 1.0 / 3
        expectMatrix(a.at("normalized_adjacency"), [[0.5, 0.5, 0], [third, third, third], [0, 0.5, 0.5]])
        expectMatrix(a.at("aggregated"), [[0.5, 0.5], [2.0 / 3, 2.0 / 3], [0.5, 1]])
        expectMatrix(a.at("pre_activation"), [[1.5, -0.5], [2, -2.0 / 3], [2.5, -0.5]])
        expectMatrix(a.at("output"), [[1.5, 0], [2, 0], [2.5, 0]])
    }

    @Test func rowWithoutSelfLoopsIsTheMeanOfTheNeighbours() throws {
        // problems/gcn-row-mean.json. By hand, node 0's neighbours 1, 2, 3 have
        // states [0,3], [1,1], [2,−1]: mean [1, 1]; ·W = [2, 0]; + b = [1, 0];
        // σ → [0.731059, 0.5].
        // numpy: ref(R, H, W, b=[-1,0], loops=False, norm="row", act="sigmoid")
        let a = try answersOfFile("gcn-row-mean.json")
        #expect(a.at("degrees")?.doubles == [3, 2, 3, 2])
        expectMatrix(a.at("aggregated"), [[1, 1], [2, 0.5], [1.6666666666666665, 0.6666666666666667], [2, 0.5]])
        expectMatrix(a.at("pre_activation"), [[1, 0], [1.5, 1.5], [1.333333333333333, 0.9999999999999998], [1.5, 1.5]])
        expectMatrix(
            a.at("output"),
            [[0.7310585786300049, 0.5], [0.8175744761936437, 0.8175744761936437], [0.791391472673955, 0.7310585786300049],
             [0.8175744761936437, 0.8175744761936437]])
    }

    @Test func noneWithAndWithoutSelfLoops() throws {
        // By hand, none with loops: Â = Ã; ÂH row 1 = [1,0]+[0,1]+[1,1] = [2, 2]; ·W = [6, −2].
        // numpy: ref(P, H, W, norm="none")
        let with = try answers(#"{"topic": "gcn", \#(Self.path), "normalization": "none"}"#)
        expectMatrix(with.at("normalized_adjacency"), [[1, 1, 0], [1, 1, 1], [0, 1, 1]])
        expectMatrix(with.at("aggregated"), [[1, 1], [2, 2], [1, 2]])
        expectMatrix(with.at("output"), [[3, 0], [6, 0], [5, 0]])
        // numpy: ref(P, H, W, loops=False, norm="none", act="none")
        let without = try answers(#"{"topic": "gcn", \#(Self.path), "normalization": "none", "self_loops": false, "activation": "none"}"#)
        expectMatrix(without.at("normalized_adjacency"), [[0, 1, 0], [1, 0, 1], [0, 1, 0]])
        expectMatrix(without.at("aggregated"), [[0, 1], [2, 1], [0, 1]])
        expectMatrix(without.at("output"), [[2, 0], [4, -2], [2, 0]])
    }

    @Test func starFromAnEdgeListWithBias() throws {
        // problems/gcn-star-4.json. By hand: d̃ = [4, 2, 2, 2]; Â_00 = 1/4,
        // Â_0j = 1/√8 = 1/(2√2) ≈ 0.353553, Â_jj = 1/2.
        // numpy: ref(Star, [[1,2],[0,1],[2,0],[1,1]], [[1,0],[-1,1]], b=[0,-1])
        let a = try answersOfFile("gcn-star-4.json")
        #expect(a.at("degrees")?.doubles == [4, 2, 2, 2])
        let q = 0.3535533905932738
        expectMatrix(a.at("normalized_adjacency"), [[0.25, q, q, q], [q, 0.5, 0, 0], [q, 0, 0.5, 0], [q, 0, 0, 0.5]])
        expectMatrix(
            a.at("pre_activation"),
            [[0.10355339059327395, 0.20710678118654746], [-0.853553390593274, 0.20710678118654768],
             [0.6464466094067264, -0.2928932188134524], [-0.35355339059327373, 0.20710678118654768]])
        expectMatrix(
            a.at("output"),
            [[0.10355339059327395, 0.20710678118654746], [0, 0.20710678118654768], [0.6464466094067264, 0], [0, 0.20710678118654768]])
    }

    @Test func directedEdgesGatherAlongTheirDirection() throws {
        // problems/gcn-directed.json: edges 0→1, 1→2, 2→0, 0→2 (u gathers from v), so
        // A = [[0,1,1],[0,0,1],[1,0,0]] — not symmetric; row sums of Ã: [3, 2, 2].
        // numpy: ref(Dir, [[2,0],[1,1],[0,3]], [[1,-1],[0,1]], norm="row", act="tanh")
        let worked = try solve(json: try fileText("gcn-directed.json"))[0]
        let a = worked.answers
        #expect(a.at("degrees")?.doubles == [3, 2, 2])
        #expect(worked.steps.first { $0.id == "A" }?.value.matrix == [[0, 1, 1], [0, 0, 1], [1, 0, 0]])
        expectMatrix(a.at("aggregated"), [[1, 4.0 / 3], [0.5, 2], [1, 1.5]])
        expectMatrix(
            a.at("output"),
            [[0.7615941559557649, 0.3215127375316343], [0.46211715726000974, 0.9051482536448665], [0.7615941559557649, 0.46211715726000974]])
        // The same graph under symmetric normalisation uses the row sums on both
        // sides: Â_01 = 1/√(3·2). numpy: ref(Dir, H, W, act="none")
        let symmetric = try answers(#"{"topic": "gcn", "nodes": 3, "edges": [[0,1],[1,2],[2,0],[0,2]], "directed": true, "features": [[2,0],[1,1],[0,3]], "weights": [[1,-1],[0,1]], "activation": "none"}"#)
        let s6 = 0.408248290463863
        expectMatrix(symmetric.at("normalized_adjacency"), [[1.0 / 3, s6, s6], [0, 0.5, 0.5], [s6, 0, 0.5]])
        expectMatrix(symmetric.at("output"), [[1.0749149571305296, 0.5580782047249224], [0.5, 1.5], [0.816496580927726, 0.6835034190722744]])
    }

    @Test func weightedAdjacencyWithBiasNoWeightsAndSigmoid() throws {
        // Weighted entries: d̃ = [1+2+0.5, 2+1+1, 0.5+1+1] = [3.5, 4, 2.5]; W absent = I.
        // numpy: ref([[0,2,0.5],[2,0,1],[0.5,1,0]], [[1,-1],[0,2],[3,1]], None, b=[0.5,-0.5], act="sigmoid")
        let worked = try solve(json: #"{"topic": "gcn", "adjacency": [[0,2,0.5],[2,0,1],[0.5,1,0]], "features": [[1,-1],[0,2],[3,1]], "bias": [0.5,-0.5], "activation": "sigmoid"}"#)[0]
        let a = worked.answers
        #expect(a.at("degrees")?.doubles == [3.5, 4, 2.5])
        expectMatrix(
            a.at("normalized_adjacency"),
            [[0.28571428571428575, 0.5345224838248488, 0.16903085094570333], [0.5345224838248488, 0.25, 0.31622776601683794],
             [0.16903085094570333, 0.31622776601683794, 0.4]])
        expectMatrix(
            a.at("pre_activation"),
            [[1.2928068385513958, 0.45236153288111514], [1.9832057818753626, -0.21829471780801085], [1.8690308509457034, 0.36342468108797255]])
        expectMatrix(
            a.at("output"),
            [[0.7846218968056927, 0.6112005626270216], [0.8790224856588057, 0.4456420075382522], [0.8663460990156461, 0.5898691992482346]])
        // Absent weights are written back as the identity.
        #expect(worked.problem["weights"]?.matrix == [[1, 0], [0, 1]])
    }

    @Test func eachActivation() throws {
        // Z = [[2, -1]] for a single node with a self loop: Â = [[1]] under every
        // normalisation (d = 1), H = [[2, -1]], W = I.
        // relu → [2, 0]; sigmoid → [1/(1+e^-2), 1/(1+e)] = [0.8807970779778823, 0.2689414213699951];
        // tanh → [0.9640275800758169, -0.7615941559557649] (numpy np.tanh); none → [2, -1].
        let expected: [(String, [Double])] = [
            ("relu", [2, 0]), ("sigmoid", [0.8807970779778823, 0.2689414213699951]),
            ("tanh", [0.9640275800758169, -0.7615941559557649]), ("none", [2, -1]),
        ]
        for (activation, output) in expected {
            let a = try answers(#"{"topic": "gcn", "adjacency": [[0]], "features": [[2,-1]], "activation": "\#(activation)"}"#)
            expectMatrix(a.at("output"), [output])
        }
    }

    @Test func isolatedNodeWithSelfLoopsOnKeepsItsOwnState() throws {
        // Node 2 has no edges; its self loop gives d̃_2 = 1, so Â_22 = 1 and h'_2 = h_2.
        // numpy: ref([[0,1,0],[1,0,0],[0,0,0]], [[1,2],[3,4],[5,6]], None)
        let a = try answers(#"{"topic": "gcn", "adjacency": [[0,1,0],[1,0,0],[0,0,0]], "features": [[1,2],[3,4],[5,6]]}"#)
        #expect(a.at("degrees")?.doubles == [2, 2, 1])
        expectMatrix(a.at("output"), [[2, 3], [2, 3], [5, 6]])
    }

    @Test func isolatedNodeWithoutSelfLoops() throws {
        // Degree 0 cannot be inverted: symmetric and row name the node; none
        // just sums nothing, so the node's row is 0.
        let base = #""adjacency": [[0,1,0],[1,0,0],[0,0,0]], "features": [[1,2],[3,4],[5,6]], "self_loops": false"#
        #expect(errorLine(json: #"{"topic": "gcn", \#(base)}"#)
            == #"test.json: adjacency: node 2 has degree 0 (no edges and self_loops is false), so D̃^-1/2 is undefined; add self loops or use normalization "none""#)
        #expect(errorLine(json: #"{"topic": "gcn", \#(base), "normalization": "row"}"#)
            == #"test.json: adjacency: node 2 has degree 0 (no edges and self_loops is false), so D̃^-1 is undefined; add self loops or use normalization "none""#)
        #expect(errorLine(json: #"{"problems": [{"topic": "gcn", "nodes": 3, "edges": [[0, 1]], "features": [[1],[2],[3]], "self_loops": false}]}"#)
            == #"test.json: problems[0].edges: node 2 has degree 0 (no edges and self_loops is false), so D̃^-1/2 is undefined; add self loops or use normalization "none""#)
        #expect(errorLine(json: #"{"topic": "gcn", "nodes": 2, "edges": [[0, 1]], "directed": true, "features": [[1],[2]], "self_loops": false}"#)
            == #"test.json: edges: node 1 has degree 0 (it gathers from no node and self_loops is false), so D̃^-1/2 is undefined; add self loops or use normalization "none""#)
        // numpy: ref(Iso, H, None, loops=False, norm="none", act="none")
        let a = try answers(#"{"topic": "gcn", \#(base), "normalization": "none", "activation": "none"}"#)
        #expect(a.at("degrees")?.doubles == [1, 1, 0])
        expectMatrix(a.at("output"), [[3, 4], [1, 2], [0, 0]])
    }

    @Test func undirectedEdgeListedBothWaysIsOneEdge() throws {
        let once = try answers(#"{"topic": "gcn", "nodes": 3, "edges": [[0,1],[1,2]], \#(Self.featuresAndWeights)}"#)
        let twice = try answers(#"{"topic": "gcn", "nodes": 3, "edges": [[0,1],[1,0],[1,2],[2,1]], \#(Self.featuresAndWeights)}"#)
        let matrix = try answers(#"{"topic": "gcn", \#(Self.path)}"#)
        #expect(once == matrix)
        #expect(twice == matrix)
    }

    static let featuresAndWeights = #""features": [[1,0],[0,1],[1,1]], "weights": [[1,-1],[2,0]]"#

    @Test func stepsListEveryMatrixInOrder() throws {
        let worked = try solve(json: #"{"topic": "gcn", \#(Self.path), "bias": [1, 0]}"#)[0]
        #expect(worked.steps.map(\.id) == [
            "A", "A_tilde", "degrees", "D_inv_sqrt", "A_hat[0][0]", "A_hat[0][1]", "A_hat[1][0]", "A_hat[1][1]",
            "A_hat[1][2]", "A_hat[2][1]", "A_hat[2][2]", "A_hat", "aggregated", "transformed", "pre_activation", "output",
        ])
        let entry = worked.steps.first { $0.id == "A_hat[0][1]" }
        // Plain notation: accents as hat(A), a subscript after _, a root as sqrt(…).
        #expect(entry?.formula == "hat(A)_01 = tilde(A)_01 / sqrt(tilde(d)_0 * tilde(d)_1)")
        #expect(entry?.substituted == "hat(A)_01 = 1 / sqrt(2 * 3)")
        #expect(close(entry?.value.double, 0.408248290463863))
        #expect(worked.steps.first { $0.id == "degrees" }?.substituted == "tilde(d) = [1 + 1, 1 + 1 + 1, 1 + 1]")
        // Â in exact form: d̃ = (2, 3, 2), so Â_00 = 1/√4 = 1/2, Â_01 = 1/√6, Â_11 = 1/√9 = 1/3.
        #expect(worked.steps.first { $0.id == "A_hat" }?.substituted
            == "hat(A) = [[1 / 2, 1 / sqrt(6), 0], [1 / sqrt(6), 1 / 3, 1 / sqrt(6)], [0, 1 / sqrt(6), 1 / 2]]")
    }

    // MARK: Helpers

    private func answers(_ json: String) throws -> JSONValue {
        try solve(json: json)[0].answers
    }

    private func answersOfFile(_ name: String) throws -> JSONValue {
        try solve(json: try fileText(name))[0].answers
    }
}

/// A problem file from `problems/`, found relative to this source file.
func fileText(_ name: String, file: String = #filePath) throws -> String {
    let root = URL(fileURLWithPath: file).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    return try String(contentsOf: root.appendingPathComponent("problems").appendingPathComponent(name), encoding: .utf8)
}

/// Entry by entry within 1e-12 (relative), with the shape checked first.
func expectMatrix(_ actual: JSONValue?, _ expected: [[Double]], sourceLocation: SourceLocation = #_sourceLocation) {
    guard let matrix = actual?.matrix, matrix.count == expected.count,
        zip(matrix, expected).allSatisfy({ $0.count == $1.count })
    else {
        Issue.record("expected a \(expected.count)-row matrix, got \(String(describing: actual))", sourceLocation: sourceLocation)
        return
    }
    for (i, row) in expected.enumerated() {
        for (j, value) in row.enumerated() where !close(matrix[i][j], value, tolerance: 1e-12) {
            Issue.record("[\(i)][\(j)]: got \(matrix[i][j]), expected \(value)", sourceLocation: sourceLocation)
        }
    }
}
