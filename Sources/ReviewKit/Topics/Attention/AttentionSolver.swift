import Foundation

/// The numbers of one attention computation, both forms treated as rows of
/// a softmax: the Q/K/V form has a row per query, the soft form one row (the
/// decoder state). Numbers only; `AttentionTrace` records the worked steps.
enum AttentionSolver {
    struct Result: Sendable {
        /// Additive score only: W2 s, and per encoder state u_j = W1 h_j + W2 s
        /// and tanh(u_j).
        var w2s: [Double] = []
        var hiddenPre: [[Double]] = []
        var hidden: [[Double]] = []
        /// S (n×m), with masked entries still computed.
        var scores: [[Double]] = []
        /// m_i = max over the allowed keys of S_ij.
        var max: [Double] = []
        /// e^{S_ij − m_i} for allowed keys, 0 for masked ones.
        var exponentials: [[Double]] = []
        /// Z_i = Σ_j e^{S_ij − m_i} over the allowed keys.
        var sums: [Double] = []
        /// A (n×m): each row sums to 1; masked entries are exactly 0.
        var weights: [[Double]] = []
        /// AV (n×d_v), or the context vector c = Σ_j α_j h_j (one row).
        var output: [[Double]] = []
    }

    static func solve(_ p: AttentionTopic.Problem) -> Result {
        var r = Result()
        let values: [[Double]]
        switch p.form {
        case .queries:
            let c = p.factor
            r.scores = p.Q.map { q in p.K.map { k in c * MatrixMath.sum(zip(q, k).map(*)) } }
            values = p.V
        case .soft:
            let s = p.decoderState, h = p.encoderStates
            switch p.score {
            case .dot:
                r.scores = [h.map { MatrixMath.sum(zip(s, $0).map(*)) }]
            case .general:
                let w = p.W!
                r.scores = [h.map { MatrixMath.sum(zip(s, MatrixMath.times(w, $0)).map(*)) }]
            case .additive:
                r.w2s = MatrixMath.times(p.W2!, s)
                r.hiddenPre = h.map { MatrixMath.add(MatrixMath.times(p.W1!, $0), r.w2s) }
                r.hidden = r.hiddenPre.map { $0.map { Foundation.tanh($0) } }
                r.scores = [r.hidden.map { MatrixMath.sum(zip(p.v!, $0).map(*)) }]
            }
            values = h
        }
        for (i, row) in r.scores.enumerated() {
            let keys = row.indices.filter { p.allowed(i, $0) }
            // A masked score counts as −∞: its exponential and weight are exactly 0.
            let softmax = Softmax(row.indices.map { p.allowed(i, $0) ? row[$0] : -.infinity })
            let a = softmax.probabilities
            r.max.append(softmax.max)
            r.exponentials.append(softmax.exponentials)
            r.sums.append(softmax.sum)
            r.weights.append(a)
            let width = values[0].count
            r.output.append((0..<width).map { d in MatrixMath.sum(keys.map { a[$0] * values[$0][d] }) })
        }
        return r
    }
}
