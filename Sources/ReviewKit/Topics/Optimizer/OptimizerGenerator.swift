/// Makes optimiser problems a student can run by hand: integer or
/// one-decimal starts, learning rates like 0.1, objectives whose gradients
/// are small integers at the start.
///
/// - easy: 2 sgd or momentum steps on a one-parameter quadratic a(x − c)².
/// - standard: 2–3 adam or rmsprop steps on a two-parameter quadratic
///   a x² + b y².
/// - hard: 3–5 nesterov or adam steps with weight decay on a logistic loss
///   or on Rosenbrock's function.
enum OptimizerGenerator: ProblemGenerator {
    static func generate(_ random: inout RandomSource, difficulty: Difficulty) -> OptimizerTopic.Problem {
        var problem = OptimizerTopic.Problem()
        switch difficulty {
        case .easy:
            let a = random.pick([1, 2]), c = random.int(in: -2...2)
            var x = random.int(in: -3...3)
            while x == c { x = random.int(in: -3...3) }
            let scale = a == 1 ? "" : "\(a)*"
            problem.objective = c == 0 ? "\(scale)x^2" : c > 0 ? "\(scale)(x - \(c))^2" : "\(scale)(x + \(-c))^2"
            problem.params = [("x", Double(x))]
            problem.rule = random.pick([.sgd, .momentum])
            problem.learningRate = random.pick([0.1, 0.2, 0.25])
            if problem.rule == .momentum { problem.given[.momentum] = random.pick([0.5, 0.9]) }
            problem.steps = 2
        case .standard:
            let a = random.pick([1, 2, 3]), b = random.pick([2, 5, 10])
            problem.objective = "\(a == 1 ? "" : "\(a)*")x^2 + \(b)*y^2"
            problem.params = [("x", random.nonzeroTenths(in: -2...2)), ("y", random.nonzeroTenths(in: -2...2))]
            problem.rule = random.pick([.adam, .adam, .rmsprop])
            problem.learningRate = 0.1
            if problem.rule == .rmsprop { problem.given[.rho] = 0.9 }
            problem.steps = random.int(in: 2...3)
        case .hard:
            problem.rule = random.pick([.nesterov, .adam])
            problem.steps = random.int(in: 3...5)
            problem.weightDecay = random.pick([0.01, 0.1])
            if random.chance(0.5) {
                let x = random.pick([1, 2, -1, -2]), y = random.pick([1, -1])
                // f = ln(1 + e^{−y(xw + b)}) for one example (x, y), y = ±1.
                let cw = -x * y
                let wTerm = cw == 1 ? "w" : cw == -1 ? "-w" : "\(cw)*w"
                problem.objective = "log(1 + exp(\(wTerm) \(y > 0 ? "-" : "+") b))"
                problem.params = [("w", random.tenths(in: -1...1)), ("b", 0)]
                problem.learningRate = problem.rule == .adam ? 0.1 : 0.5
            } else {
                problem.objective = "(1 - x)^2 + 100*(y - x^2)^2"
                problem.params = [("x", random.pick([-1, 0, 0.5])), ("y", random.pick([0, 0.5, 1]))]
                problem.learningRate = problem.rule == .adam ? 0.1 : 0.001
                if problem.rule == .nesterov { problem.given[.momentum] = 0.9 }
            }
        }
        return problem
    }
}
