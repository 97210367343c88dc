/// Records a batch normalisation as worked steps, each once, per feature in
/// the order a student computes them: μ_B, σ²_B, √(σ²_B + ε), x̂, y, the
/// running statistics (training), then dβ, dγ and dx (with `grad_output`).
///
/// Step ids are the answers' keys (`mean`, `x_hat`, `grad_x`, plus `std`
/// and, in training, `var_unbiased`), with `[j]` after them for feature j
/// when `x` is a matrix.
enum BatchNormTrace {
    /// How the quantities are written, shared with the presenter.
    enum Symbols {
        static let i: Formula = "i", j: Formula = "j", m: Formula = "m"
        static let mean: Formula = .symbol("mu", sub: "B")
        static let variance: Formula = .symbol("sigma", sub: "B", sup: 2)
        static let runMean: Formula = .symbol("mu", sub: .text("run"))
        static let runVar: Formula = .symbol("sigma", sub: .text("run"), sup: 2)
        static let momentum: Formula = .text("momentum")
        static let eps: Formula = "epsilon", gamma: Formula = "gamma", beta: Formula = "beta"
        static func x(_ k: Formula) -> Formula { .symbol("x", sub: k) }
        static func xHat(_ k: Formula) -> Formula { .symbol("x", sub: k, accent: .hat) }
        static func y(_ k: Formula) -> Formula { .symbol("y", sub: k) }
        static func dy(_ k: Formula) -> Formula { .partial("L", y(k)) }
        static var std: Formula { .sqrt(variance + eps) }
    }

    static func suffix(_ problem: BatchNormTopic.Problem, _ j: Int) -> String { problem.isVector ? "" : "[\(j)]" }

    static func record(_ problem: BatchNormTopic.Problem, _ features: [BatchNormSolver.Feature]) -> Trace {
        typealias S = Symbols
        var trace = Trace()
        let training = problem.mode == .training
        let m = problem.m, mf = Formula.integer(problem.m)
        for (j, f) in features.enumerated() {
            let sfx = suffix(problem, j)
            func record(_ id: String, _ formula: Formula, _ name: Formula?, _ substituted: Formula, _ value: StepValue) {
                trace.record(WorkedStep(id: id + sfx, label: id + sfx, formula: formula, name: name, substituted: substituted, value: value))
            }
            let mean = Formula.number(f.mean), variance = Formula.number(f.variance), std = Formula.number(f.std)
            let gamma = Formula.number(f.gamma), beta = Formula.number(f.beta)
            if training {
                record("mean", S.mean .= .juxtapose(.frac(1, S.m), .sum(over: S.i, S.x(S.i))), S.mean,
                    .juxtapose(.frac(1, mf), .sum(Formula.numbers(f.x))), .scalar(f.mean))
                record("var", S.variance .= .juxtapose(.frac(1, S.m), .sum(over: S.i, .pow(S.x(S.i) - S.mean, 2))), S.variance,
                    .juxtapose(.frac(1, mf), .sum(f.x.map { .pow(.number($0) - mean, 2) })), .scalar(f.variance))
            }
            let v: Formula = training ? S.variance : S.runVar, mu: Formula = training ? S.mean : S.runMean
            record("std", .sqrt(v + S.eps), .sqrt(v + S.eps), .sqrt(variance + .number(problem.eps)), .scalar(f.std))
            record("x_hat", S.xHat(S.i) .= .frac(S.x(S.i) - mu, .sqrt(v + S.eps)), .symbol("x", accent: .hat),
                .vector(f.x.map { .frac(.number($0) - mean, std) }), .vector(f.xHat))
            record("y", S.y(S.i) .= .juxtapose(S.gamma, S.xHat(S.i)) + S.beta, "y",
                .vector(f.xHat.map { gamma * .number($0) + beta }), .vector(f.y))
            if training, let rm = f.runningMean, let rv = f.runningVar {
                let k = problem.momentum
                let oldMean = problem.runningMean?[j] ?? 0, oldVar = problem.runningVar?[j] ?? 1
                record("var_unbiased", .juxtapose(.frac(S.m, S.m - 1), S.variance), .juxtapose(.frac(S.m, S.m - 1), S.variance),
                    .frac(mf, .integer(m - 1)) * variance, .scalar(f.unbiased!))
                record("running_mean", .relation(.assigns, S.runMean, .juxtapose(1 - S.momentum, S.runMean) + .juxtapose(S.momentum, S.mean)),
                    S.runMean, .number(1 - k) * .number(oldMean) + .number(k) * mean, .scalar(rm))
                record("running_var",
                    .relation(.assigns, S.runVar, .juxtapose(1 - S.momentum, S.runVar) + .juxtapose(S.momentum, .frac(S.m, S.m - 1), S.variance)),
                    S.runVar, .number(1 - k) * .number(oldVar) + .number(k) * .number(f.unbiased!), .scalar(rv))
            }
            guard let dy = f.dy, let gradX = f.gradX, let products = f.dyXHat else { continue }
            record("grad_beta", .partial("L", S.beta) .= .sum(over: S.i, S.dy(S.i)), .partial("L", S.beta),
                .sum(Formula.numbers(dy)), .scalar(f.gradBeta!))
            record("grad_gamma", .partial("L", S.gamma) .= .sum(over: S.i, .juxtapose(S.dy(S.i), S.xHat(S.i))), .partial("L", S.gamma),
                .sum(zip(dy, f.xHat).map { .number($0) * .number($1) }), .scalar(f.gradGamma!))
            _ = products
            let dx: Formula = .partial("L", S.x(S.i))
            if training {
                let sumDyXHat = Formula.number(f.gradGamma!)
                record("grad_x",
                    dx .= .juxtapose(.frac(S.gamma, .juxtapose(S.m, S.std)),
                        .juxtapose(S.m, S.dy(S.i)) - .sum(over: S.j, S.dy(S.j)) - .juxtapose(S.xHat(S.i), .sum(over: S.j, .juxtapose(S.dy(S.j), S.xHat(S.j))))),
                    .partial("L", "x"),
                    .vector(f.x.indices.map { k in
                        // Written so no operand reads `- -1.2`: a negative x̂_i is subtracted as + |x̂_i|.
                        let head = Formula.sum([mf * .number(dy[k]), .number(-f.gradBeta!)])
                        let tail = f.xHat[k] < 0 ? head + .number(-f.xHat[k]) * sumDyXHat : head - .number(f.xHat[k]) * sumDyXHat
                        return .frac(gamma, mf * std) * tail
                    }), .vector(gradX))
            } else {
                record("grad_x", dx .= .frac(.juxtapose(S.gamma, S.dy(S.i)), .sqrt(S.runVar + S.eps)), .partial("L", "x"),
                    .vector(dy.map { .frac(gamma * .number($0), std) }), .vector(gradX))
            }
        }
        return trace
    }
}
