/// Records a solved `mlp` problem as worked steps, each once, in the order
/// a student computes them: per example z and a layer by layer, the loss,
/// f'(z) and δ from the output layer down (BP1, BP2); then ∂C/∂b and ∂C/∂W
/// per layer (BP3, BP4, batch means); with a learning rate the new
/// parameters and the forward pass after the step.
///
/// Layers are numbered from 1 as in the notes (`z1` is z^1; a^0 is the
/// input). A batch prefixes each example's ids with `x<n>.`; the forward
/// pass after the step is prefixed `after.`.
enum MLPTrace {
    static func record(_ p: MLPTopic.Problem, _ r: MLPSolver.Result) -> Trace {
        var trace = Trace()
        let m = r.examples.count
        let targets = p.targets.map { $0.vector(outputs: p.layers.last!.weights.count) }
        for (n, e) in r.examples.enumerated() {
            let names = MLPNames(example: p.isBatch ? n : nil, after: false)
            recordForward(p.layers, e, targets[n], p.loss, names, into: &trace)
            recordBackward(p, e, targets[n], names, into: &trace)
        }
        if p.isBatch {
            let losses = Formula.sum(r.examples.map { .number($0.loss) })
            trace.record(WorkedStep(
                id: "C", label: "C", formula: "C" .= .juxtapose(.frac(1, "m"), .sum(over: "x", .symbol("C", sub: "x"))),
                name: "C", substituted: .juxtapose(.frac(1, .integer(m)), losses), value: .scalar(r.loss)))
        }
        for l in p.layers.indices.reversed() {
            let layer = MLPNames.layer(l)
            let db = MLPNames.gradB(l), dw = MLPNames.gradW(l)
            let deltas = r.examples.map { $0.delta[l] }
            let outer = r.examples.map { Formula.juxtapose(MLPNames.column($0.delta[l]), .matrix([$0.a[l]])) }
            let delta = MLPNames.sym("delta", layer), below = MLPNames.sym("a", layer - 1)
            if p.isBatch {
                // Each example's ∂C_x/∂W first, so the mean is a sum of matrices.
                for (n, e) in r.examples.enumerated() {
                    let own: Formula = .partial(.symbol("C", sub: .integer(n)), MLPNames.sym("W", layer))
                    trace.record(WorkedStep(
                        id: "x\(n).grad_W\(layer)", label: "x\(n).dC/dW\(layer)",
                        formula: own .= .juxtapose(delta, .transpose(below)), name: own, substituted: outer[n],
                        value: .matrix(e.delta[l].map { d in e.a[l].map { d * $0 } })))
                }
                trace.record(WorkedStep(
                    id: "grad_b\(layer)", label: "dC/db\(layer)",
                    formula: db .= .juxtapose(.frac(1, "m"), .sum(over: "x", .symbol("delta", sub: "x", sup: .integer(layer)))),
                    name: db, substituted: .juxtapose(.frac(1, .integer(m)), .sum(deltas.map(MLPNames.column))),
                    value: .vector(r.gradBiases[l])))
                trace.record(WorkedStep(
                    id: "grad_W\(layer)", label: "dC/dW\(layer)",
                    formula: dw .= .juxtapose(
                        .frac(1, "m"),
                        .sum(over: "x", .juxtapose(.symbol("delta", sub: "x", sup: .integer(layer)),
                            .transpose(.symbol("a", sub: "x", sup: .integer(layer - 1)))))),
                    name: dw, substituted: .juxtapose(.frac(1, .integer(m)), .sum(r.examples.map { e in .matrix(e.delta[l].map { d in e.a[l].map { d * $0 } }) })),
                    value: .matrix(r.gradWeights[l])))
            } else {
                trace.record(WorkedStep(
                    id: "grad_b\(layer)", label: "dC/db\(layer)", formula: db .= delta, name: db,
                    substituted: MLPNames.column(deltas[0]), value: .vector(r.gradBiases[l])))
                trace.record(WorkedStep(
                    id: "grad_W\(layer)", label: "dC/dW\(layer)", formula: dw .= .juxtapose(delta, .transpose(below)),
                    name: dw, substituted: outer[0], value: .matrix(r.gradWeights[l])))
            }
        }
        guard let eta = p.learningRate, let step = r.step else { return trace }
        for l in p.layers.indices {
            let layer = MLPNames.layer(l)
            let w = MLPNames.sym("W", layer), b = MLPNames.sym("b", layer)
            trace.record(WorkedStep(
                id: "new_W\(layer)", label: "new W\(layer)", formula: .relation(.assigns, w, w - .juxtapose("eta", MLPNames.gradW(l))),
                name: MLPNames.updated("W", layer),
                substituted: .matrix(p.layers[l].weights) - .juxtapose(.number(eta), .matrix(r.gradWeights[l])),
                value: .matrix(step.weights[l])))
            if p.updateBiases {
                trace.record(WorkedStep(
                    id: "new_b\(layer)", label: "new b\(layer)", formula: .relation(.assigns, b, b - .juxtapose("eta", MLPNames.gradB(l))),
                    name: MLPNames.updated("b", layer),
                    substituted: MLPNames.column(p.layers[l].biases) - .juxtapose(.number(eta), MLPNames.column(r.gradBiases[l])),
                    value: .vector(step.biases[l])))
            }
        }
        var layers = p.layers
        for l in layers.indices {
            layers[l].weights = step.weights[l]
            layers[l].biases = step.biases[l]
        }
        for (n, e) in step.examples.enumerated() {
            recordForward(layers, e, targets[n], p.loss, MLPNames(example: p.isBatch ? n : nil, after: true), into: &trace)
        }
        if p.isBatch {
            trace.record(WorkedStep(
                id: "after.C", label: "C after",
                formula: "C" .= .juxtapose(.frac(1, "m"), .sum(over: "x", .symbol("C", sub: "x"))), name: "C",
                substituted: .juxtapose(.frac(1, .integer(m)), .sum(step.examples.map { .number($0.loss) })),
                value: .scalar(step.loss)))
        }
        return trace
    }

    static func recordForward(
        _ layers: [MLPTopic.Layer], _ e: MLPSolver.Example, _ t: [Double], _ loss: MLPTopic.Loss, _ names: MLPNames,
        into trace: inout Trace
    ) {
        for (l, layer) in layers.enumerated() {
            let n = MLPNames.layer(l)
            let z = MLPNames.sym("z", n), a = MLPNames.sym("a", n)
            let affine = .juxtapose(.matrix(layer.weights), MLPNames.column(e.a[l])) + MLPNames.column(layer.biases)
            trace.record(WorkedStep(
                id: names.id("z\(n)"), label: names.id("z\(n)"),
                formula: z .= .juxtapose(MLPNames.sym("W", n), MLPNames.sym("a", n - 1)) + MLPNames.sym("b", n),
                name: z, substituted: affine, value: .vector(e.z[l])))
            trace.record(WorkedStep(
                id: names.id("a\(n)"), label: names.id("a\(n)"), formula: a .= MLPNames.apply(layer.activation, z),
                name: a, substituted: MLPNames.activated(layer.activation, e.z[l]), value: .vector(e.a[l + 1])))
        }
        let last = layers.last!.activation
        let out = e.a.last!, zL = e.z.last!
        let j: Formula = "j"
        let tj = Formula.symbol("t", sub: j), aj = Formula.symbol("a", sub: j, sup: .integer(layers.count))
        let formula: Formula, substituted: Formula
        switch (loss, last) {
        case (.mse, _):
            formula = .juxtapose(.frac(1, 2), .sum(over: j, .pow(tj - aj, 2)))
            substituted = .juxtapose(.frac(1, 2), .sum(zip(t, out).map { .pow(.number($0) - .number($1), 2) }))
        case (.crossEntropy, .softmax):
            formula = CrossEntropy.formula(tj, aj, over: j)
            let terms = zip(t, out).filter { $0.0 != 0 }.map { Formula.juxtapose(.number($0), .ln(.number($1))) }
            substituted = -.sum(terms.isEmpty ? [.integer(0)] : terms)
        case (.crossEntropy, _):
            formula = -.sum(over: j, .juxtapose(tj, .ln(aj)) + .juxtapose(1 - tj, .ln(1 - aj)))
            var terms: [Formula] = []
            for (tv, av) in zip(t, out) {
                if tv != 0 { terms.append(.juxtapose(.number(tv), .ln(.number(av)))) }
                if tv != 1 { terms.append(.juxtapose(1 - .number(tv), .ln(1 - .number(av)))) }
            }
            substituted = -.sum(terms)
        }
        _ = zL
        let c = names.loss
        trace.record(WorkedStep(
            id: names.id("C"), label: names.id("C"), formula: c .= formula, name: c, substituted: substituted,
            value: .scalar(e.loss)))
    }

    static func recordBackward(
        _ p: MLPTopic.Problem, _ e: MLPSolver.Example, _ t: [Double], _ names: MLPNames, into trace: inout Trace
    ) {
        let L = p.layers.count - 1
        for l in stride(from: L, through: 0, by: -1) {
            let n = MLPNames.layer(l)
            let f = p.layers[l].activation
            let z = MLPNames.sym("z", n), a = MLPNames.sym("a", n), delta = MLPNames.sym("delta", n)
            let needsSlope = l < L || p.loss == .mse
            if needsSlope, let shared = f.shared {
                let slope = e.slope[l]
                let (formula, substituted): (Formula, Formula)
                switch shared {
                case .sigmoid:
                    formula = .hadamard(a, 1 - a)
                    substituted = MLPNames.column(formulas: e.a[l + 1].map { .number($0) * (1 - .number($0)) })
                case .tanh:
                    formula = 1 - .hadamard(a, a)
                    substituted = MLPNames.column(formulas: e.a[l + 1].map { 1 - .pow(.number($0), 2) })
                default:
                    formula = shared == .relu ? .call("H", z) : 1
                    substituted = MLPNames.column(formulas: slope.map { .integer(Int($0)) })
                }
                let name = MLPNames.slope(f, z)
                trace.record(WorkedStep(
                    id: names.id("fprime\(n)"), label: names.id("f'(z\(n))"), formula: name .= formula, name: name,
                    substituted: substituted, value: .vector(slope)))
            }
            let formula: Formula, substituted: Formula
            if l == L {
                let difference = a - "t"
                if p.loss == .mse {
                    formula = delta .= .hadamard(difference, MLPNames.slope(f, z))
                    substituted = MLPNames.column(formulas: zip(zip(e.a[l + 1], t), e.slope[l]).map { (.number($0.0) - .number($0.1)) * .number($1) })
                } else {
                    formula = delta .= difference
                    substituted = MLPNames.column(formulas: zip(e.a[l + 1], t).map { .number($0) - .number($1) })
                }
            } else {
                let next = p.layers[l + 1].weights
                let transposed = next[0].indices.map { k in next.map { $0[k] } }
                formula = delta .= .hadamard(
                    .juxtapose(.transpose(MLPNames.sym("W", n + 1)), MLPNames.sym("delta", n + 1)), MLPNames.slope(f, z))
                substituted = .hadamard(
                    .juxtapose(.matrix(transposed), MLPNames.column(e.delta[l + 1])), MLPNames.column(e.slope[l]))
            }
            trace.record(WorkedStep(
                id: names.id("delta\(n)"), label: names.id("delta\(n)"), formula: formula, name: delta,
                substituted: substituted, value: .vector(e.delta[l])))
        }
    }
}

/// How `mlp`'s quantities are named in the trace and on the sheet.
struct MLPNames {
    /// The example's index in a batch, nil for a single example.
    var example: Int?
    /// Whether these are the forward pass after the step.
    var after: Bool

    func id(_ base: String) -> String {
        (after ? "after." : "") + (example.map { "x\($0)." } ?? "") + base
    }

    /// C, or C_x for example x of a batch.
    var loss: Formula { example.map { .symbol("C", sub: .integer($0)) } ?? "C" }

    /// The notes' layer number of array index l.
    static func layer(_ l: Int) -> Int { l + 1 }

    static func sym(_ name: String, _ layer: Int) -> Formula { .symbol(name, sup: .integer(layer)) }

    /// A vector written as a column, so W a reads as a matrix product.
    static func column(_ v: [Double]) -> Formula { .matrix(v.map { [$0] }) }
    static func column(formulas v: [Formula]) -> Formula { .matrix(v.map { [$0] }) }

    static func gradW(_ l: Int) -> Formula { .partial("C", sym("W", layer(l))) }
    static func gradB(_ l: Int) -> Formula { .partial("C", sym("b", layer(l))) }

    /// W^l_new: the parameter after the step.
    static func updated(_ name: String, _ layer: Int) -> Formula {
        .symbol(name, sub: .text("new"), sup: .integer(layer))
    }

    static func apply(_ f: MLPTopic.LayerActivation, _ x: Formula) -> Formula {
        f.shared.map { $0 == .linear ? x : $0.formula(x) } ?? .call("softmax", x)
    }

    /// f'(z^l): σ'(z^l), tanh'(z^l), ReLU'(z^l).
    static func slope(_ f: MLPTopic.LayerActivation, _ z: Formula) -> Formula {
        switch f {
        case .sigmoid: return .call("sigma'", z)
        case .tanh: return .call("tanh'", z)
        case .relu: return .call("ReLU'", z)
        default: return .call("f'", z)
        }
    }

    /// f(z) entry by entry with the numbers: σ(0.3775), or the softmax
    /// quotients e^{z_j} / Σ_k e^{z_k}.
    static func activated(_ f: MLPTopic.LayerActivation, _ z: [Double]) -> Formula {
        guard let shared = f.shared else {
            let exps = z.map { Formula.exp(.number($0)) }
            return .vector(exps.map { .frac($0, .sum(exps)) })
        }
        return .vector(z.map { shared == .linear ? .number($0) : shared.formula(.number($0)) })
    }
}
