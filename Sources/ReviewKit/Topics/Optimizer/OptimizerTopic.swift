import Foundation

/// `optimizer`: steps of sgd, momentum, nesterov, adagrad, rmsprop or adam
/// (PyTorch's forms; the notes' Adam box) on named parameters, the gradient
/// of each step from an objective differentiated by the backprop engine or
/// from a list, with coupled weight decay and L1.
enum OptimizerTopic: SchemaTopic, GeneratedTopic {
    typealias Generator = OptimizerGenerator

    struct Problem: Sendable {
        var rule: OptimizerRule = .sgd
        /// Start values, in file order.
        var params: [(name: String, value: Double)] = []
        var objective: String?
        /// One gradient per step, in the params' order.
        var gradients: [[Double]]?
        /// nil: 1 with an objective, the list's length with gradients.
        var steps: Int?
        var learningRate: Double?
        /// The hyperparameters given in the file (the others take defaults).
        var given: [OptimizerRule.Hyper: Double] = [:]
        var weightDecay = 0.0
        var l1 = 0.0

        var stepCount: Int { steps ?? gradients?.count ?? 1 }
        var eta: Double { learningRate ?? rule.defaultLearningRate }
        func value(_ hyper: OptimizerRule.Hyper) -> Double { given[hyper] ?? rule.defaultValue(hyper) }
        var names: [String] { params.map(\.name) }

        var hyper: OptimizerSolver.Hyper {
            var h = OptimizerSolver.Hyper(rule: rule, learningRate: eta)
            h.momentum = value(.momentum)
            h.rho = value(.rho)
            h.beta1 = value(.beta1)
            h.beta2 = value(.beta2)
            h.eps = value(.eps)
            h.weightDecay = weightDecay
            h.l1 = l1
            return h
        }
    }

    struct Solution: Sendable {
        var problem: Problem
        var parsed: ParsedExpression?
        var run: OptimizerSolver.Run
        /// Plain sgd with the same η and penalties on the same steps.
        var sgd: OptimizerSolver.Run?
        /// ∂f/∂θ in symbols, per param (nil when not written out).
        var derivatives: [Formula?]
        var trace: Trace
    }

    static let name = "optimizer"
    static let maxParams = 20
    static let maxSteps = 1000

    // MARK: Reading and writing problems

    static let blank = Problem()

    static let schema = FieldSchema<Problem>([
        .choice("rule", \.rule, default: .sgd, doc: "the update rule, in PyTorch's form; state starts at 0"),
        .custom(
            "params", type: "object of variable names to numbers", doc: "each parameter θ and its start value",
            read: { field, problem in problem.params = try OptimizerDecoding.params(field) },
            write: { problem in .object(problem.params.map { ($0.name, JSONValue.number($0.value)) }) }),
        .custom(
            "objective", type: "string (a `backprop` expression)", default: "none",
            doc: "f(θ); each step's gradient is ∇f at the current params. Give it or `gradients`",
            read: { field, problem in problem.objective = try field.string() },
            write: { problem in problem.objective.map { .string($0) } ?? .null }),
        .custom(
            "gradients", type: "array of `{param: g}` objects, one per step", default: "none",
            doc: "each step's gradient, naming every param. Give it or `objective`",
            read: { field, problem in problem.gradients = try OptimizerDecoding.gradients(field, problem) },
            write: { problem in
                problem.gradients.map { list in
                    .array(list.map { g in .object(zip(problem.names, g).map { ($0, JSONValue.number($1)) }) })
                } ?? .null
            }),
        .custom(
            "steps", type: "integer 1 … \(maxSteps)", default: "1, or the number of gradients",
            doc: "how many steps to take",
            read: { field, problem in problem.steps = try OptimizerDecoding.steps(field, problem) },
            write: { .number($0.stepCount) }),
        .custom(
            "learning_rate", type: "number > 0", default: "0.001 (adagrad, rmsprop: 0.01)", doc: "η",
            read: { field, problem in problem.learningRate = try OptimizerDecoding.positive(field) },
            write: { .number($0.eta) }),
        hyper(.momentum, type: "number in [0, 1)", default: "0.9", doc: "μ (momentum, nesterov)"),
        hyper(.rho, type: "number in [0, 1)", default: "0.99", doc: "ρ, the decay of the squares' average (rmsprop)"),
        hyper(.beta1, type: "number in [0, 1)", default: "0.9", doc: "β₁ (adam)"),
        hyper(.beta2, type: "number in [0, 1)", default: "0.999", doc: "β₂ (adam)"),
        hyper(.eps, type: "number ≥ 0", default: "1e-8 (adagrad: 1e-10)", doc: "ε in the denominator (adagrad, rmsprop, adam)"),
        .custom(
            "weight_decay", type: "number ≥ 0", default: "0", doc: "λ: adds λθ to g (coupled, as PyTorch's `weight_decay`)",
            read: { field, problem in problem.weightDecay = try OptimizerDecoding.nonNegative(field) },
            write: { .number($0.weightDecay) }),
        .custom(
            "l1", type: "number ≥ 0", default: "0", doc: "λ₁: adds λ₁·sign(θ) to g, with sign(0) = 0",
            read: { field, problem in problem.l1 = try OptimizerDecoding.nonNegative(field) },
            write: { .number($0.l1) }),
    ])

    /// A hyperparameter some rules take: refused by the others, and echoed
    /// (with its default) only for the rules that take it.
    private static func hyper(_ hyper: OptimizerRule.Hyper, type: String, default value: String, doc: String)
        -> FieldSchema<Problem>.Spec
    {
        .custom(
            hyper.rawValue, type: type, default: value, doc: doc,
            read: { field, problem in
                guard problem.rule.hypers.contains(hyper) else {
                    throw field.error(OptimizerDecoding.unused(hyper.rawValue, problem.rule))
                }
                problem.given[hyper] = try OptimizerDecoding.hyper(field, hyper)
            },
            write: { problem in problem.rule.hypers.contains(hyper) ? .number(problem.value(hyper)) : .null })
    }

    // MARK: Solving

    static func solve(_ problem: Problem) throws -> Solution {
        let names = problem.names
        var parsed: ParsedExpression?
        if let objective = problem.objective {
            parsed = try SolveError.locating(at: "objective") { try ExpressionParser.parse(objective) }
            for variable in parsed!.variablesInOrderOfFirstAppearance where variable != "e" && !names.contains(variable) {
                throw SolveError(at: "objective", "'\(variable)' is not a param" + didYouMean(variable, among: names))
            }
        } else if problem.gradients == nil {
            throw SolveError(.root, "needs 'objective' (f to differentiate) or 'gradients' (one per step)")
        }
        let expression = parsed
        do {
            let run = try self.run(problem, expression, problem.hyper)
            var plain = problem.hyper
            plain.rule = .sgd
            let sgd = problem.rule == .sgd ? nil : try? self.run(problem, expression, plain)
            let derivatives = names.map { name in
                expression.flatMap { ObjectiveDerivative.partial($0, wrt: name, params: Set(names)) }
            }
            let trace = OptimizerTrace.record(problem, run, derivatives: derivatives)
            return Solution(problem: problem, parsed: expression, run: run, sgd: sgd, derivatives: derivatives, trace: trace)
        } catch let error as OptimizerSolver.Failure {
            throw SolveError(at: "steps", index: error.step, error.message)
        }
    }

    /// The steps with these hyperparameters: the gradient from the objective
    /// (through the engine, at each step's params) or from the list.
    static func run(_ problem: Problem, _ parsed: ParsedExpression?, _ hyper: OptimizerSolver.Hyper)
        throws -> OptimizerSolver.Run
    {
        let names = problem.names
        func gradient(_ k: Int, _ theta: [Double]) throws(OptimizerSolver.Failure) -> (value: Double?, gradient: [Double]) {
            guard let parsed else { return (nil, problem.gradients![k]) }
            do {
                let graph = try ComputationGraph(parsed, values: Dictionary(uniqueKeysWithValues: zip(names, theta)))
                return (graph.value, names.map { graph.gradient(of: $0) ?? 0 })
            } catch {
                throw OptimizerSolver.Failure(step: k, message: "f or its gradient at step \(k + 1): \(error.message)")
            }
        }
        func value(_ theta: [Double]) -> Double? {
            guard let parsed else { return nil }
            return try? ComputationGraph(parsed, values: Dictionary(uniqueKeysWithValues: zip(names, theta))).value
        }
        let run = try OptimizerSolver.run(
            start: problem.params.map(\.value), steps: problem.stepCount, hyper: hyper, gradient: gradient, value: value)
        if parsed != nil, run.finalValue == nil {
            throw OptimizerSolver.Failure(step: problem.stepCount - 1, message: "f is not finite at the final params")
        }
        return run
    }

    static func answers(_ solution: Solution) -> JSONValue {
        let problem = solution.problem
        let names = problem.names
        func map(_ values: [Double]) -> JSONValue { .object(zip(names, values).map { ($0, JSONValue.number($1)) }) }
        let steps: [JSONValue] = solution.run.steps.map { step in
            var members: [(String, JSONValue)] = []
            if let f = step.value { members.append(("value", .number(f))) }
            members.append(("gradient", map(step.gradient)))
            if problem.hyper.penalised { members.append(("total_gradient", map(step.total))) }
            switch problem.rule {
            case .sgd: break
            case .momentum, .nesterov: members.append(("velocity", map(step.first)))
            case .adagrad: members.append(("sum_sq", map(step.first)))
            case .rmsprop: members.append(("square_avg", map(step.first)))
            case .adam:
                members += [("m", map(step.first)), ("v", map(step.second)), ("m_hat", map(step.mHat)), ("v_hat", map(step.vHat))]
            }
            members.append(("params", map(step.after)))
            return .object(members)
        }
        var members: [(String, JSONValue)] = [("steps", .array(steps)), ("params", map(solution.run.final))]
        if let f = solution.run.finalValue { members.append(("value", .number(f))) }
        return .object(members)
    }

    static func trace(_ solution: Solution) -> Trace { solution.trace }

    static func present(_ problem: Problem, _ solution: Solution, in context: PresentationContext) -> Presentation {
        var presenter = OptimizerPresenter(solution: solution, templates: context.templates)
        return presenter.presentation()
    }

    /// A sheet works every step of every param by hand.
    static func sheetLimit(_ solution: Solution) -> SolveError? {
        let work = solution.run.steps.count * solution.problem.params.count
        return .sheetLimit(work, atMost: 200, at: "steps", "asks for \(work) parameter updates")
    }
}

/// What the printed answer key shows (`FinalAnswers`): the parameters after the last step (and f there); each
/// step's state is working.
extension OptimizerTopic {
    static let finalAnswers: FinalAnswers = ["params", "value"]
}
