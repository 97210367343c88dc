/// Records an attention computation as worked steps, each once, in the
/// order a student computes them: the scores (each a dot product written
/// out, with the scale), then per row of the softmax the max over the
/// allowed keys, the shifted exponentials (0 where masked), their sum, the
/// weights and the output as a weighted sum of value rows.
///
/// Q/K/V form: ids `scores[0]`, `m[0]`, `exp[0]`, `Z[0]`, `weights[0]`,
/// `output[0]` per query. Soft form: `W2s`, `u[0]`, `tanh_u[0]` (additive
/// only), `scores`, `m`, `exp`, `Z`, `weights`, `context`.
enum AttentionTrace {
    static func record(_ p: AttentionTopic.Problem, _ r: AttentionSolver.Result) -> Trace {
        var trace = Trace()
        func step(_ id: String, _ formula: Formula, _ name: Formula?, _ substituted: Formula, _ value: StepValue) {
            trace.record(WorkedStep(id: id, label: id, formula: formula, name: name, substituted: substituted, value: value))
        }
        let N = AttentionNotation.self
        switch p.form {
        case .queries:
            for i in p.Q.indices {
                let entry = N.entry(i)
                let products: [Formula] = p.K.map { k in .sum(zip(p.Q[i], k).map { .number($0) * .number($1) }) }
                let rule: Formula = .juxtapose(.symbol("q", sub: .integer(i), sup: "T"), .symbol("k", sub: "j"))
                let scaled: (Formula) -> Formula
                let ruleScaled: Formula
                switch p.scale {
                case .standard:
                    let dk = Formula.integer(p.Q[0].count)
                    scaled = { .frac($0, .sqrt(dk)) }
                    ruleScaled = .frac(rule, .sqrt(.symbol("d", sub: "k")))
                case .none:
                    scaled = { $0 }
                    ruleScaled = rule
                case .value(let c):
                    scaled = { .number(c) * $0 }
                    ruleScaled = .juxtapose(.symbol("c"), rule)
                }
                step(
                    "scores[\(i)]", .symbol("S", sub: entry) .= ruleScaled, N.row("S", i),
                    .vector(products.map(scaled)), .vector(r.scores[i]))
                recordSoftmax(p, r, row: i, prefix: "", suffix: "[\(i)]", into: &trace)
                let keys = p.K.indices.filter { p.allowed(i, $0) }
                step(
                    "output[\(i)]", N.row("o", i) .= .sum(over: "j", .juxtapose(.symbol("A", sub: entry), .symbol("v", sub: "j"))),
                    N.row("o", i),
                    .sum(keys.map { .juxtapose(.number(r.weights[i][$0]), .vector(p.V[$0])) }), .vector(r.output[i]))
            }
        case .soft:
            let s = p.decoderState, h = p.encoderStates
            let ej: Formula = .symbol("e", sub: "j"), hj: Formula = .symbol("h", sub: "j")
            switch p.score {
            case .dot:
                step(
                    "scores", ej .= .juxtapose(.symbol("s", sup: "T"), hj), "e",
                    .vector(h.map { hj in .sum(zip(s, hj).map { .number($0) * .number($1) }) }), .vector(r.scores[0]))
            case .general:
                step(
                    "scores", ej .= .juxtapose(.symbol("s", sup: "T"), "W", hj), "e",
                    .vector(h.map { .juxtapose(.rowVector(s), .matrix(p.W!), .columnVector($0)) }), .vector(r.scores[0]))
            case .additive:
                let w2s = Formula.juxtapose(.symbol("W", sub: 2), "s")
                step("W2s", w2s, w2s, .matrixTimesVector(p.W2!, s), .vector(r.w2s))
                for j in h.indices {
                    let u = Formula.symbol("u", sub: .integer(j)), hIndex = Formula.symbol("h", sub: .integer(j))
                    step(
                        "u[\(j)]", u .= .juxtapose(.symbol("W", sub: 1), hIndex) + w2s, u,
                        .matrixTimesVector(p.W1!, h[j]) + .columnVector(r.w2s), .vector(r.hiddenPre[j]))
                    step(
                        "tanh_u[\(j)]", .call("tanh", u), .call("tanh", u),
                        .vector(r.hiddenPre[j].map { .call("tanh", .number($0)) }), .vector(r.hidden[j]))
                }
                step(
                    "scores", ej .= .juxtapose(.symbol("v", sup: "T"), .call("tanh", .symbol("u", sub: "j"))), "e",
                    .vector(r.hidden.map { .juxtapose(.rowVector(p.v!), .columnVector($0)) }), .vector(r.scores[0]))
            }
            recordSoftmax(p, r, row: 0, prefix: "", suffix: "", into: &trace)
            let keys = h.indices.filter { p.allowed(0, $0) }
            step(
                "context", "c" .= .sum(over: "j", .juxtapose(.symbol("alpha", sub: "j"), hj)), "c",
                .sum(keys.map { .juxtapose(.number(r.weights[0][$0]), .vector(h[$0])) }), .vector(r.output[0]))
        }
        return trace
    }

    /// The masked softmax of one row: the max over the allowed keys, the
    /// shifted exponentials (exactly 0 where masked), their sum, the weights.
    private static func recordSoftmax(
        _ p: AttentionTopic.Problem, _ r: AttentionSolver.Result, row i: Int, prefix: String, suffix: String,
        into trace: inout Trace
    ) {
        func step(_ id: String, _ formula: Formula, _ name: Formula?, _ substituted: Formula, _ value: StepValue) {
            trace.record(WorkedStep(id: prefix + id + suffix, label: id + suffix, formula: formula, name: name, substituted: substituted, value: value))
        }
        let N = AttentionNotation.self
        let soft = p.form == .soft
        let keys = r.scores[i].indices.filter { p.allowed(i, $0) }
        let score: Formula = soft ? .symbol("e", sub: "j") : .symbol("S", sub: N.entry(i))
        let m: Formula = soft ? "m" : .symbol("m", sub: .integer(i))
        let z: Formula = soft ? "Z" : .symbol("Z", sub: .integer(i))
        let scores = r.scores[i], e = r.exponentials[i]
        step("m", m .= .max(over: "j", score), m, .max(keys.map { .number(scores[$0]) }), .scalar(r.max[i]))
        let shifted = Formula.exp(score - m)
        step(
            "exp", shifted, soft ? .exp(.symbol("e") - m) : .exp(N.row("S", i) - m),
            .vector(scores.indices.map { p.allowed(i, $0) ? .exp(.number(scores[$0]) - .number(r.max[i])) : .integer(0) }),
            .vector(e))
        step("Z", z .= .sum(over: "j", shifted), z, .sum(keys.map { .number(e[$0]) }), .scalar(r.sums[i]))
        let weight: Formula = soft ? .symbol("alpha", sub: "j") : .symbol("A", sub: N.entry(i))
        step(
            "weights", weight .= .frac(shifted, z), soft ? "alpha" : N.row("A", i),
            .vector(scores.indices.map { p.allowed(i, $0) ? .frac(.number(e[$0]), .number(r.sums[i])) : .integer(0) }),
            .vector(r.weights[i]))
    }
}

/// The letters of attention shared by the trace, the question and the
/// figure: S_{ij}, A_{ij}, row i of a matrix as M_i.
enum AttentionNotation {
    /// `0j`: entry j of row i, the row upright and the index italic.
    static func entry(_ i: Int) -> Formula { .juxtapose(.integer(i), .symbol("j")) }

    /// Row i of a matrix: `S_0`, `A_1`, `o_0`.
    static func row(_ name: String, _ i: Int) -> Formula { .symbol(name, sub: .integer(i)) }
}
