/// Makes exam-like backprop problems that a student can solve by hand.
///
/// Shapes come from the course notes and CS231n (x·(x+y), (x+y)·z, a sigmoid
/// neuron, x·e^((x·3)·max(x,y))) plus randomly assembled compositions; the
/// values are small integers or one-decimal numbers. A candidate is kept only
/// when every intermediate value and gradient stays small and no kink or tie
/// is hit (relu or abs at exactly 0, max/min of equal arguments), so no
/// solution depends on a convention it would have to explain, and no node is
/// exactly 0.
enum BackpropGenerator: ProblemGenerator {
    static func generate(_ random: inout RandomSource, difficulty: Difficulty) -> BackpropTopic.Problem {
        random.firstAccepted(tries: 200, { candidate(&$0, difficulty: difficulty) }, where: { isHandSolvable($0, difficulty) })
            // Unreachable in practice; a classic that is always fine.
            ?? BackpropTopic.Problem(expression: "x*(x+y)", values: [("x", 2), ("y", 1)], wrt: nil)
    }

    // MARK: Shapes

    private static let easyShapes = [
        "x*(x+y)", "(x+y)*z", "x*y+z", "(x-y)*z", "x*y*z", "(x+y)*(x-z)", "x^2+x*y", "(x+y)^2",
        "x*(y+z)", "(x-y)^2*z",
    ]

    private static let standardShapes = [
        "1/(1+exp(-(w0*x0+w1*x1+w2)))", "sigmoid(w*x+b)", "relu(w1*x1+w2*x2+b)", "(w*x+b-t)^2",
        "x*e^((x*3)*max(x,y))", "max(x,y)*(y+z)", "(x+y)*max(y,z)", "x*exp(x-y)", "tanh(w*x+b)*v",
        "min(x,y)*(x+z)", "(x*y+z)^2", "log(1+exp(w*x))",
    ]

    private static let hardShapes = [
        "v1*relu(w1*x+b1)+v2*relu(w2*x+b2)", "(sigmoid(w*x+b)-t)^2", "tanh(w2*tanh(w1*x+b1)+b2)",
        "-log(sigmoid(w*x+b))", "(v*relu(w*x+b)-t)^2", "x*e^((x*3)*max(x,y))",
        "(max(w1*x, w2*x)+b)^2", "sigmoid(w1*x1+w2*x2+b)*(1-sigmoid(w1*x1+w2*x2+b))",
    ]

    private static func candidate(_ random: inout RandomSource, difficulty: Difficulty) -> BackpropTopic.Problem {
        let expression: String
        switch difficulty {
        case .easy:
            // Depth 2 over + − × and squares: depth 1 has two leaves, too few
            // for two variables with one used twice, and always fell back to
            // x·(x + y), the classic every handout already carries.
            expression = random.chance(0.6) ? random.pick(easyShapes) : composed(&random, depth: 2, easy: true)
        case .standard:
            expression = random.chance(0.6) ? random.pick(standardShapes) : composed(&random, depth: 2)
        case .hard:
            expression = random.chance(0.6) ? random.pick(hardShapes) : composed(&random, depth: 3)
        }
        let names = (try? ExpressionParser.parse(expression))?.variablesInOrderOfFirstAppearance ?? []
        let values = names.filter { $0 != "e" }.map { name in (name, value(&random, difficulty: difficulty)) }
        return BackpropTopic.Problem(expression: expression, values: values, wrt: nil)
    }

    private static func value(_ random: inout RandomSource, difficulty: Difficulty) -> Double {
        switch difficulty {
        case .easy:
            return Double(random.pick([-4, -3, -2, -1, 1, 2, 3, 4]))
        case .standard:
            return random.chance(0.75) ? Double(random.pick([-3, -2, -1, 1, 2, 3])) : random.nonzeroTenths(in: -2...2)
        case .hard:
            return random.chance(0.5) ? Double(random.pick([-2, -1, 1, 2])) : random.nonzeroTenths(in: -2...2)
        }
    }

    /// A random composition over x, y, z, with at least one variable used
    /// twice (the lesson of gradient accumulation).
    private static func composed(_ random: inout RandomSource, depth: Int, easy: Bool = false) -> String {
        random.firstAccepted(tries: 20, { term(&$0, depth: depth, easy: easy) }, where: { text in
            guard let parsed = try? ExpressionParser.parse(text) else { return false }
            let uses = parsed.nodes.filter { if case .variable = $0.kind { true } else { false } }.count
            return parsed.variablesInOrderOfFirstAppearance.count >= 2 && uses > parsed.variablesInOrderOfFirstAppearance.count
        }) ?? "x*(x+y)"
    }

    /// `easy` keeps to +, −, × and squares, the gates of a first exercise.
    private static func term(_ random: inout RandomSource, depth: Int, easy: Bool = false) -> String {
        if depth == 0 {
            return random.chance(0.85) ? random.pick(["x", "y", "z"]) : String(random.int(in: 2...3))
        }
        let a = term(&random, depth: depth - 1, easy: easy)
        let b = term(&random, depth: random.int(in: 0...depth - 1), easy: easy)
        switch easy ? random.pick([0, 1, 2, 3, 4, 5, 8]) : random.int(in: 0...9) {
        case 0, 1: return "(\(a)+\(b))"
        case 2: return "(\(a)-\(b))"
        case 3, 4, 5: return "\(a)*\(b)"
        case 6: return "max(\(a),\(b))"
        case 7: return random.pick(["sigmoid", "tanh", "relu"]) + "(\(a))"
        case 8: return "(\(a))^2"
        default: return "min(\(a),\(b))"
        }
    }

    // MARK: Acceptance

    /// A squashing function far out on its flat tail passes back a gradient
    /// of 0.00…: correct, but nothing to learn from on paper.
    private static func saturates(_ node: GraphNode, _ nodes: [GraphNode]) -> Bool {
        guard let op = node.operation, [.sigmoid, .tanh, .exp].contains(op) else { return false }
        return abs(nodes[node.inputs[0]].value) > 3
    }

    private static func isHandSolvable(_ problem: BackpropTopic.Problem, _ difficulty: Difficulty) -> Bool {
        guard let solution = try? BackpropTopic.solve(problem) else { return false }
        let nodes = solution.graph.nodes
        let operations = nodes.filter(\.isOperation).count
        guard operations >= 2, operations <= (difficulty == .easy ? 5 : 16) else { return false }
        // A zero anywhere makes a dull problem (x + y = 0 wipes out half the
        // gradients), so it is drawn again.
        return nodes.allSatisfy { node in
            !saturates(node, nodes) && node.convention == nil && (!node.isOperation || node.value != 0) && abs(node.value) <= 1000 && abs(node.gradient ?? 0) <= 1000
                && node.localGradients.allSatisfy { abs($0 ?? 0) <= 1000 }
        }
    }
}
