/// Records an optimiser run as worked steps, each once, in the order a
/// student computes them: per step f, each param's gradient (from the
/// objective's derivative written in symbols), the penalties, the rule's
/// state (with Adam's bias-correction factors as numbers) and the new
/// params.
///
/// Step ids follow the answers' paths: `steps[0].gradient.x`,
/// `steps[0].m_hat.x`, `steps[0].params.x`; Adam's factors are
/// `steps[0].bias1` and `steps[0].bias2`.
enum OptimizerTrace {
    /// How the quantities are written, shared with the presenter.
    struct Symbols {
        let names: [String]
        func theta(_ i: Int) -> Formula { .variable(names[i]) }
        func g(_ i: Int) -> Formula { .symbol("g", sub: theta(i)) }
        func total(_ i: Int) -> Formula { .symbol("g", sub: theta(i), accent: .tilde) }
        func state(_ letter: String, _ i: Int, hat: Bool = false) -> Formula {
            .symbol(letter, sub: theta(i), accent: hat ? .hat : nil)
        }
        static let eta: Formula = "eta", mu: Formula = "mu", rho: Formula = "rho", eps: Formula = "epsilon"
        static let beta1: Formula = .symbol("beta", sub: 1), beta2: Formula = .symbol("beta", sub: 2)
        static let lambda: Formula = "lambda", lambda1: Formula = .symbol("lambda", sub: 1)
        /// 1 − β^t with `t` as a symbol or a number.
        static func bias(_ beta: Formula, _ t: Formula) -> Formula { 1 - .pow(beta, t) }
    }

    static func record(_ problem: OptimizerTopic.Problem, _ run: OptimizerSolver.Run, derivatives: [Formula?]) -> Trace {
        var trace = Trace()
        let s = Symbols(names: problem.names)
        let h = problem.hyper
        let n = problem.params.count
        let expression = problem.objective.flatMap { try? ExpressionParser.parse($0) }.map {
            $0.formula(eIsConstant: !problem.names.contains("e"))
        }
        let eta = Formula.number(h.learningRate)
        for (k, step) in run.steps.enumerated() {
            let p = "steps[\(k)]."
            let values = Dictionary(uniqueKeysWithValues: (0..<n).map { (s.theta($0), Formula.number(step.before[$0])) })
            func record(_ id: String, _ formula: Formula, _ name: Formula, _ substituted: Formula, _ value: Double) {
                trace.record(WorkedStep(id: p + id, label: p + id, formula: formula, name: name, substituted: substituted, value: .scalar(value)))
            }
            if let expression, let f = step.value {
                record("value", "f" .= expression, "f", ObjectiveDerivative.substitute(expression, values), f)
            }
            let previous = k > 0 ? run.steps[k - 1] : nil
            for i in 0..<n {
                let theta = s.theta(i), before = Formula.number(step.before[i])
                let key = problem.names[i]
                if expression != nil {
                    let symbolic = derivatives[i]
                    let formula = symbolic.map { s.g(i) .= .partial("f", theta) .= $0 } ?? (s.g(i) .= .partial("f", theta))
                    record(
                        "gradient.\(key)", formula, s.g(i),
                        symbolic.map { ObjectiveDerivative.substitute($0, values) } ?? .number(step.gradient[i]), step.gradient[i])
                }
                let gi: Formula
                if h.penalised {
                    var symbolic: Formula = s.g(i), numbers: Formula = .number(step.gradient[i])
                    if h.weightDecay != 0 {
                        symbolic = symbolic + .juxtapose(Symbols.lambda, theta)
                        numbers = numbers + .number(h.weightDecay) * before
                    }
                    if h.l1 != 0 {
                        symbolic = symbolic + .juxtapose(Symbols.lambda1, .call("sign", theta))
                        numbers = numbers + .number(h.l1) * .integer(Int(OptimizerSolver.sign(step.before[i])))
                    }
                    record("total_gradient.\(key)", s.total(i) .= symbolic, s.total(i), numbers, step.total[i])
                    gi = s.total(i)
                } else {
                    gi = s.g(i)
                }
                let g = Formula.number(step.total[i])
                let old1 = Formula.number(previous?.first[i] ?? 0), old2 = Formula.number(previous?.second[i] ?? 0)
                let update: (symbolic: Formula, numbers: Formula)
                switch problem.rule {
                case .sgd:
                    update = (.juxtapose(Symbols.eta, gi), eta * g)
                case .momentum, .nesterov:
                    let v = s.state("v", i), mu = Formula.number(h.momentum)
                    record("velocity.\(key)", .relation(.assigns, v, .juxtapose(Symbols.mu, v) + gi), v, mu * old1 + g, step.first[i])
                    let vNew = Formula.number(step.first[i])
                    update = problem.rule == .momentum
                        ? (.juxtapose(Symbols.eta, v), eta * vNew)
                        : (.juxtapose(Symbols.eta, gi + .juxtapose(Symbols.mu, v)), eta * (g + mu * vNew))
                case .adagrad:
                    let G = s.state("G", i)
                    record("sum_sq.\(key)", .relation(.assigns, G, G + .pow(gi, 2)), G, old1 + .pow(g, 2), step.first[i])
                    update = (
                        Symbols.eta * .frac(gi, .sqrt(G) + Symbols.eps),
                        eta * .frac(g, .sqrt(.number(step.first[i])) + .number(h.eps)))
                case .rmsprop:
                    let E = s.state("E", i), rho = Formula.number(h.rho)
                    record(
                        "square_avg.\(key)", .relation(.assigns, E, .juxtapose(Symbols.rho, E) + .juxtapose(1 - Symbols.rho, .pow(gi, 2))), E,
                        rho * old1 + (.number(1 - h.rho) * .pow(g, 2)), step.first[i])
                    update = (
                        Symbols.eta * .frac(gi, .sqrt(E) + Symbols.eps),
                        eta * .frac(g, .sqrt(.number(step.first[i])) + .number(h.eps)))
                case .adam:
                    let m = s.state("m", i), v = s.state("v", i)
                    let b1 = Formula.number(h.beta1), b2 = Formula.number(h.beta2)
                    record("m.\(key)", .relation(.assigns, m, .juxtapose(Symbols.beta1, m) + .juxtapose(1 - Symbols.beta1, gi)), m,
                        b1 * old1 + .number(1 - h.beta1) * g, step.first[i])
                    record("v.\(key)", .relation(.assigns, v, .juxtapose(Symbols.beta2, v) + .juxtapose(1 - Symbols.beta2, .pow(gi, 2))), v,
                        b2 * old2 + .number(1 - h.beta2) * .pow(g, 2), step.second[i])
                    if i == 0 {
                        let t = Formula.integer(step.t)
                        record("bias1", Symbols.bias(Symbols.beta1, "t"), Symbols.bias(Symbols.beta1, t), Symbols.bias(b1, t), step.bias1)
                        record("bias2", Symbols.bias(Symbols.beta2, "t"), Symbols.bias(Symbols.beta2, t), Symbols.bias(b2, t), step.bias2)
                    }
                    let mHat = s.state("m", i, hat: true), vHat = s.state("v", i, hat: true)
                    record("m_hat.\(key)", mHat .= .frac(m, Symbols.bias(Symbols.beta1, "t")), mHat,
                        .frac(.number(step.first[i]), .number(step.bias1)), step.mHat[i])
                    record("v_hat.\(key)", vHat .= .frac(v, Symbols.bias(Symbols.beta2, "t")), vHat,
                        .frac(.number(step.second[i]), .number(step.bias2)), step.vHat[i])
                    update = (
                        Symbols.eta * .frac(mHat, .sqrt(vHat) + Symbols.eps),
                        eta * .frac(.number(step.mHat[i]), .sqrt(.number(step.vHat[i])) + .number(h.eps)))
                }
                record("params.\(key)", .relation(.assigns, theta, theta - update.symbolic), theta, before - update.numbers, step.after[i])
            }
        }
        return trace
    }
}
