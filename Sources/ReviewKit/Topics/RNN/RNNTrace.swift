/// Records a solved RNN as worked steps, each once, in the order a student
/// computes them: per step t = 1…T the pre-activation a_t, the state s_t,
/// the output o_t (softmax: m_t, S_t, ŷ_t) and the loss L_t; the total L;
/// then backwards from t = T the output gradient g_t, ∂L/∂s_t by both
/// paths and δ_t; then each parameter's terms, one per step, and their sum.
///
/// Step ids name the step: `a_1`, `s_1`, `y_hat_1`, `L_1`, `L`, `g_2`,
/// `dL/ds_2`, `delta_2`, `dU_1` (the term δ_1 x_1ᵀ), `dL/dU`, `dL/db`.
enum RNNTrace {
    static func record(_ p: RNNTopic.Problem, _ f: RNNSolver.Forward, _ back: RNNSolver.Backward?) -> Trace {
        var trace = Trace()
        func step(_ id: String, _ formula: Formula, _ name: Formula?, _ substituted: Formula, _ value: StepValue) {
            trace.record(WorkedStep(id: id, label: id, formula: formula, name: name, substituted: substituted, value: value))
        }
        let N = RNNNotation.self
        let hasB = p.bias.contains { $0 != 0 }, hasC = p.outputBias.contains { $0 != 0 }
        for t in 1...p.steps {
            let previous = t == 1 ? p.initialState : f.s[t - 2]
            let a = f.a[t - 1], s = f.s[t - 1], o = f.o[t - 1]
            var rule: Formula = .juxtapose("U", N.x(t)) + .juxtapose("W", N.s(t - 1))
            var numbers: Formula = .matrixTimesVector(p.U, p.x[t - 1]) + .matrixTimesVector(p.W, previous)
            if hasB {
                rule = rule + "b"
                numbers = numbers + .columnVector(p.bias)
            }
            step("a_\(t)", N.a(t) .= rule, N.a(t), numbers, .vector(a))
            step(
                "s_\(t)", N.s(t) .= p.activation.formula(N.a(t)), N.s(t),
                .vector(a.map { p.activation.formula(.number($0)) }), .vector(s))
            var outRule: Formula = .juxtapose("V", N.s(t))
            var outNumbers: Formula = .matrixTimesVector(p.V, s)
            if hasC {
                outRule = outRule + "c"
                outNumbers = outNumbers + .columnVector(p.outputBias)
            }
            step("o_\(t)", N.o(t) .= outRule, N.o(t), outNumbers, .vector(o))
            let y = f.y[t - 1]
            if p.output == .softmax {
                let m = f.m[t - 1], sum = f.sums[t - 1]
                step("m_\(t)", N.m(t) .= .max(over: "i", N.entry("o", t)), N.m(t), .max(Formula.numbers(o)), .scalar(m))
                let shifted: (Double) -> Formula = { .exp(.number($0) - .number(m)) }
                step(
                    "S_\(t)", N.sum(t) .= .sum(over: "j", .exp(N.entry("o", t, "j") - N.m(t))), N.sum(t),
                    .sum(o.map(shifted)), .scalar(sum))
                step(
                    "y_hat_\(t)", N.entry("y", t, accent: .hat) .= .frac(.exp(N.entry("o", t) - N.m(t)), N.sum(t)), N.yHat(t),
                    .vector(o.map { .frac(shifted($0), .number(sum)) }), .vector(f.yHat[t - 1]))
            }
            if p.targets != nil { recordLoss(t, p, f, y: y, into: &trace) }
        }
        guard let back else { return trace }
        step("L", "L" .= .sum(over: "t" .= 1, to: .integer(p.steps), N.loss(.symbol("t"))), "L", .sum(Formula.numbers(f.losses)), .scalar(f.loss))
        recordBackward(p, f, back, into: &trace)
        return trace
    }

    private static func recordLoss(_ t: Int, _ p: RNNTopic.Problem, _ f: RNNSolver.Forward, y: [Double]?, into trace: inout Trace) {
        let N = RNNNotation.self
        let id = "L_\(t)"
        func step(_ formula: Formula, _ substituted: Formula) {
            trace.record(WorkedStep(id: id, label: id, formula: formula, name: N.loss(t), substituted: substituted, value: .scalar(f.losses[t - 1])))
        }
        guard let y else {
            step(N.loss(t) .= 0, 0)
            return
        }
        let o = f.o[t - 1]
        switch p.output {
        case .softmax:
            let m = f.m[t - 1], sum = f.sums[t - 1]
            if let k = CrossEntropy.oneHotClass(y) {
                let yk = Formula.symbol("y", sub: .text("\(t),\(k)"), accent: .hat)
                let ok = Formula.symbol("o", sub: .text("\(t),\(k)"))
                step(
                    N.loss(t) .= -.ln(yk) .= .ln(N.sum(t)) - (ok - N.m(t)),
                    .ln(.number(sum)) - (.number(o[k]) - .number(m)))
            } else {
                let logs = f.logYHat[t - 1]
                let terms: [Formula] = y.indices.filter { y[$0] != 0 }.map { .number(y[$0]) * .number(logs[$0]) }
                step(
                    N.loss(t) .= CrossEntropy.formula(N.entry("y", t), N.entry("y", t, accent: .hat), over: "i"),
                    -(.sum(terms)))
            }
        case .linear:
            let terms: [Formula] = o.indices.map { .pow(.number(o[$0]) - .number(y[$0]), 2) }
            step(
                N.loss(t) .= .juxtapose(.frac(1, 2), .sum(over: "i", .pow(N.entry("o", t) - N.entry("y", t), 2))),
                .juxtapose(.frac(1, 2), .sum(terms)))
        }
    }

    private static func recordBackward(
        _ p: RNNTopic.Problem, _ f: RNNSolver.Forward, _ back: RNNSolver.Backward, into trace: inout Trace
    ) {
        let N = RNNNotation.self
        func step(_ id: String, _ formula: Formula, _ name: Formula?, _ substituted: Formula, _ value: StepValue) {
            trace.record(WorkedStep(id: id, label: id, formula: formula, name: name, substituted: substituted, value: value))
        }
        let vT = MatrixMath.transpose(p.V), wT = MatrixMath.transpose(p.W)
        let T = p.steps
        for t in stride(from: T, through: 1, by: -1) {
            let g = back.g[t - 1]
            if let y = f.y[t - 1] {
                let predicted = p.output == .softmax ? f.yHat[t - 1] : f.o[t - 1]
                let rule: Formula = p.output == .softmax ? N.yHat(t) - N.y(t) : N.o(t) - N.y(t)
                step(
                    "g_\(t)", N.g(t) .= rule, N.g(t),
                    .vector(predicted.indices.map { .number(predicted[$0]) - .number(y[$0]) }), .vector(g))
            } else {
                step("g_\(t)", N.g(t) .= 0, N.g(t), .vector(Formula.numbers(g)), .vector(g))
            }
            var rule: Formula = .juxtapose(.symbol("V", sup: "T"), N.g(t))
            var numbers: Formula = .matrixTimesVector(vT, g)
            if t < T {
                rule = rule + .juxtapose(.symbol("W", sup: "T"), N.delta(t + 1))
                numbers = numbers + .matrixTimesVector(wT, back.delta[t])
            }
            step("dL/ds_\(t)", N.ds(t) .= rule, N.ds(t), numbers, .vector(back.ds[t - 1]))
            let a = f.a[t - 1], s = f.s[t - 1], ds = back.ds[t - 1]
            let entry = RNNNotation.stepEntry(t)
            let derivative = p.activation.derivativeFromOutput(
                preActivation: .symbol("a", sub: entry), output: .symbol("s", sub: entry))
            let numbers2: [Formula] = a.indices.map { i in
                let local: Formula = p.activation == .relu
                    ? .integer(a[i] > 0 ? 1 : 0)
                    : p.activation.derivativeFromOutput(preActivation: .number(a[i]), output: .number(s[i]))
                return .number(ds[i]) * local
            }
            step(
                "delta_\(t)", .symbol("delta", sub: entry) .= .partial("L", .symbol("s", sub: entry)) * derivative, N.delta(t),
                .vector(numbers2), .vector(back.delta[t - 1]))
        }
        let previous = [p.initialState] + f.s.dropLast()
        recordSum("U", terms: back.termsU, total: back.dU, factor: { N.delta($0) }, partner: { N.x($0) },
            numbers: { .outerProduct(back.delta[$0 - 1], p.x[$0 - 1]) }, steps: T, into: &trace)
        recordSum("W", terms: back.termsW, total: back.dW, factor: { N.delta($0) }, partner: { N.s($0 - 1) },
            numbers: { .outerProduct(back.delta[$0 - 1], previous[$0 - 1]) }, steps: T, into: &trace)
        recordSum("V", terms: back.termsV, total: back.dV, factor: { N.g($0) }, partner: { N.s($0) },
            numbers: { .outerProduct(back.g[$0 - 1], f.s[$0 - 1]) }, steps: T, into: &trace)
        step(
            "dL/db", .partial("L", "b") .= .sum(over: "t" .= 1, to: .integer(T), N.delta(.symbol("t"))), .partial("L", "b"),
            .sum(back.delta.map { .vector($0) }), .vector(back.db))
        step(
            "dL/dc", .partial("L", "c") .= .sum(over: "t" .= 1, to: .integer(T), N.g(.symbol("t"))), .partial("L", "c"),
            .sum(back.g.map { .vector($0) }), .vector(back.dc))
    }

    /// One term per step (`dU_1` = δ_1 x_1ᵀ with numbers), then the sum
    /// `dL/dU` over every step, each term's value written in.
    private static func recordSum(
        _ parameter: String, terms: [[[Double]]], total: [[Double]], factor: (Int) -> Formula, partner: (Int) -> Formula,
        numbers: (Int) -> Formula, steps T: Int, into trace: inout Trace
    ) {
        func transposed(_ x: Formula) -> Formula {
            guard case .symbol(var symbol) = x else { return x }
            symbol.sup = "T"
            return .symbol(symbol)
        }
        for t in 1...T {
            let product = Formula.juxtapose(factor(t), transposed(partner(t)))
            trace.record(WorkedStep(
                id: "d\(parameter)_\(t)", label: "d\(parameter)_\(t)", formula: product, name: product,
                substituted: numbers(t), value: .matrix(terms[t - 1])))
        }
        let name = Formula.partial("L", .symbol(parameter))
        let generic = Formula.juxtapose(factor(0).replacingIndex(), transposed(partner(1).replacingIndex(parameter == "W")))
        trace.record(WorkedStep(
            id: "dL/d\(parameter)", label: "dL/d\(parameter)", formula: name .= .sum(over: "t" .= 1, to: .integer(T), generic),
            name: name, substituted: .sum(terms.map { .matrix($0) }), value: .matrix(total)))
    }
}

/// The letters of the unrolled RNN, shared by the trace, the question and
/// the figure: x_t, a_t, s_t, o_t, ŷ_t, y_t, L_t, g_t, δ_t, ∂L/∂s_t.
enum RNNNotation {
    static func x(_ t: Int) -> Formula { .symbol("x", sub: .integer(t)) }
    static func a(_ t: Int) -> Formula { .symbol("a", sub: .integer(t)) }
    static func s(_ t: Int) -> Formula { .symbol("s", sub: .integer(t)) }
    static func o(_ t: Int) -> Formula { .symbol("o", sub: .integer(t)) }
    static func m(_ t: Int) -> Formula { .symbol("m", sub: .integer(t)) }
    static func sum(_ t: Int) -> Formula { .symbol("S", sub: .integer(t)) }
    static func y(_ t: Int) -> Formula { .symbol("y", sub: .integer(t)) }
    static func yHat(_ t: Int) -> Formula { .symbol("y", sub: .integer(t), accent: .hat) }
    static func loss(_ t: Int) -> Formula { loss(.integer(t)) }
    static func loss(_ t: Formula) -> Formula { .symbol("L", sub: t) }
    static func g(_ t: Int) -> Formula { g(.integer(t)) }
    static func g(_ t: Formula) -> Formula { .symbol("g", sub: t) }
    static func delta(_ t: Int) -> Formula { delta(.integer(t)) }
    static func delta(_ t: Formula) -> Formula { .symbol("delta", sub: t) }
    static func ds(_ t: Int) -> Formula { .partial("L", s(t)) }

    /// Entry `i` (or `index`) of a step's vector: `o_{1i}`, `ŷ_{2i}`.
    static func entry(_ name: String, _ t: Int, _ index: String = "i", accent: Accent? = nil) -> Formula {
        .symbol(name, sub: stepEntry(t, index), accent: accent)
    }

    /// The subscript `ti` of entry i at step t (`1i`): the step upright, the index italic.
    static func stepEntry(_ t: Int, _ index: String = "i") -> Formula {
        .juxtapose(.integer(t), .symbol(index))
    }
}

extension Formula {
    /// The symbol with its subscript made the generic step `t` (or `t − 1`
    /// with `previous`): `δ_0` → `δ_t`, for the rule of a sum over t.
    fileprivate func replacingIndex(_ previous: Bool = false) -> Formula {
        guard case .symbol(var symbol) = self else { return self }
        symbol.sub = previous ? .symbol("t") - 1 : .symbol("t")
        return .symbol(symbol)
    }
}
