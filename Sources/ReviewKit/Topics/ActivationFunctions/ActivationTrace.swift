/// Records an `activation` problem as worked steps: per point f(x), then
/// f'(x) (from the forward value where the notes do: σ' = σ(1 − σ),
/// tanh' = 1 − tanh²), and with `depth` the factor (w·f'(x))^n. Step ids:
/// `f[i]`, `df[i]`, `chain[i]` for `points[i]`.
enum ActivationTrace {
    static func record(_ s: ActivationTopic.Solution) -> Trace {
        var trace = Trace()
        let p = s.problem
        for (i, x) in p.points.enumerated() {
            let value = ActivationNotation.value(p, x)
            trace.record(WorkedStep(
                id: "f[\(i)]", label: "f(x\(i))", formula: value.rule, name: value.name, substituted: value.numbers,
                value: .scalar(s.values[i])))
            let slope = ActivationNotation.derivative(p, x, s.values[i])
            trace.record(WorkedStep(
                id: "df[\(i)]", label: "f'(x\(i))", formula: slope.rule, name: slope.name, substituted: slope.numbers,
                value: .scalar(s.derivatives[i])))
        }
        if let n = p.depth, let chain = s.chain {
            let w = p.effectiveWeight
            for i in p.points.indices {
                let name: Formula = .symbol("g", sub: .integer(i))
                trace.record(WorkedStep(
                    id: "chain[\(i)]", label: "(w f'(x\(i)))^n",
                    formula: name .= .pow(.juxtapose("w", ActivationNotation.slopeName(p.function, "x")), "n"), name: name,
                    substituted: .pow(.number(w) * .number(s.derivatives[i]), .integer(n)), value: .scalar(chain[i])))
            }
        }
        return trace
    }
}

/// How each function and its derivative are written, rule and numbers.
enum ActivationNotation {
    struct Line {
        /// `f(x) = rule` in symbols.
        var rule: Formula
        /// The left side the numbers are written under: f(2).
        var name: Formula
        var numbers: Formula
    }

    static func call(_ f: ActivationTopic.Function, _ x: Formula) -> Formula { f.shared.formula(x) }

    static func slopeName(_ f: ActivationTopic.Function, _ x: Formula) -> Formula {
        switch f {
        case .sigmoid: return .call("sigma'", x)
        case .tanh: return .call("tanh'", x)
        case .relu: return .call("ReLU'", x)
        case .leakyRelu: return .call("LeakyReLU'", x)
        case .elu: return .call("ELU'", x)
        case .softplus: return .call("softplus'", x)
        }
    }

    /// Whether x takes the x > 0 branch (the kink decides at exactly 0 for
    /// the derivative; the value is the same on both sides there).
    static func positiveBranch(_ p: ActivationTopic.Problem, _ x: Double, derivative: Bool) -> Bool {
        x > 0 || (derivative && x == 0 && p.kink == .right)
    }

    static func value(_ p: ActivationTopic.Problem, _ x: Double) -> Line {
        let X = Formula.number(x), a = Formula.number(p.effectiveAlpha)
        let sym: Formula = "x", alpha: Formula = "alpha"
        let name = call(p.function, X)
        switch p.function {
        case .sigmoid:
            return Line(rule: call(.sigmoid, sym) .= .frac(1, 1 + .exp(-sym)), name: name, numbers: .frac(1, 1 + .exp(-X)))
        case .tanh:
            return Line(
                rule: call(.tanh, sym) .= .frac(.exp(sym) - .exp(-sym), .exp(sym) + .exp(-sym)), name: name,
                numbers: .frac(.exp(X) - .exp(-X), .exp(X) + .exp(-X)))
        case .relu:
            return Line(rule: call(.relu, sym) .= .max([0, sym]), name: name, numbers: .max([0, X]))
        case .leakyRelu:
            let positive = positiveBranch(p, x, derivative: false)
            return Line(
                rule: call(.leakyRelu, sym) .= (positive ? sym : .juxtapose(alpha, sym)), name: name,
                numbers: positive ? X : a * X)
        case .elu:
            let positive = positiveBranch(p, x, derivative: false)
            return Line(
                rule: call(.elu, sym) .= (positive ? sym : .juxtapose(alpha, .exp(sym) - 1)), name: name,
                numbers: positive ? X : .juxtapose(a, .exp(X) - 1))
        case .softplus:
            return Line(rule: call(.softplus, sym) .= .ln(1 + .exp(sym)), name: name, numbers: .ln(1 + .exp(X)))
        }
    }

    static func derivative(_ p: ActivationTopic.Problem, _ x: Double, _ y: Double) -> Line {
        let X = Formula.number(x), Y = Formula.number(y), a = Formula.number(p.effectiveAlpha)
        let sym: Formula = "x", alpha: Formula = "alpha"
        let name = slopeName(p.function, X)
        let positive = positiveBranch(p, x, derivative: true)
        switch p.function {
        case .sigmoid:
            let s = call(.sigmoid, sym)
            return Line(rule: slopeName(.sigmoid, sym) .= .juxtapose(s, 1 - s), name: name, numbers: Y * (1 - Y))
        case .tanh:
            return Line(rule: slopeName(.tanh, sym) .= 1 - .pow(call(.tanh, sym), 2), name: name, numbers: 1 - .pow(Y, 2))
        case .relu:
            return Line(rule: slopeName(.relu, sym) .= (positive ? 1 : 0), name: name, numbers: .integer(positive ? 1 : 0))
        case .leakyRelu:
            return Line(rule: slopeName(.leakyRelu, sym) .= (positive ? 1 : alpha), name: name, numbers: positive ? 1 : a)
        case .elu:
            return Line(
                rule: slopeName(.elu, sym) .= (positive ? 1 : .juxtapose(alpha, .exp(sym))), name: name,
                numbers: positive ? 1 : .juxtapose(a, .exp(X)))
        case .softplus:
            return Line(
                rule: slopeName(.softplus, sym) .= call(.sigmoid, sym) .= .frac(1, 1 + .exp(-sym)), name: name,
                numbers: .frac(1, 1 + .exp(-X)))
        }
    }
}
