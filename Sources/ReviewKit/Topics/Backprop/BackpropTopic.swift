/// `backprop`: the forward and backward pass through the computational graph
/// of an expression, e.g. the course notes' f = x·(x+y) at x = 2, y = 1.
enum BackpropTopic: SchemaTopic, PresentedTopic, GeneratedTopic {
    typealias Presenter = BackpropPresenter
    typealias Generator = BackpropGenerator

    struct Problem: Sendable {
        var expression: String
        /// Every variable's value, in the order the file gave them.
        var values: [(name: String, value: Double)]
        /// Which gradients to show; nil means every variable.
        var wrt: [String]?
        /// relu's slope at exactly 0 (the contract's shared `kink`).
        var kink = Activation.Kink.left
    }

    struct Solution: Sendable, TracedSolution {
        var problem: Problem
        var parsed: ParsedExpression
        var graph: ComputationGraph
        /// Input node indices whose gradients are asked for, in order.
        var wrt: [Int]
        /// Every worked step, recorded once (`BackpropTrace`).
        var trace: Trace
    }

    /// Nodes of the parsed expression (operations, variables and numbers)
    /// a worked sheet takes. The parser accepts up to 1,000,000, but the
    /// sheet draws the graph and a table row per node, and rendering grew
    /// quadratically past a few thousand; 1000 is far beyond a hand exercise.
    static let maxGraphNodes = 1000

    static let name = "backprop"

    // MARK: Reading and writing problems

    static let blank = Problem(expression: "", values: [], wrt: nil)

    static let schema = FieldSchema<Problem>([
        .string(
            "expression", \.expression, type: "string, at most \(Limits.maxExpressionBytes >> 20) MiB",
            doc: "the expression, optionally `name = …` to name the output (default `f`); "
                + "a worked sheet takes at most \(maxGraphNodes) nodes"),
        .namedNumbers(
            "values", \.values, type: "object of variable names to numbers",
            doc: "every variable's value; `e` alone is Euler's number unless given here"),
        .optionalStringList(
            "wrt", \.wrt, type: "array of variable names", absent: "every variable",
            doc: "which gradients to show, in this order (by default in order of first appearance)"),
        .choice("kink", \.kink, default: .left, doc: "relu$'(0)$: `left` gives 0 (PyTorch), `right` gives 1 (the notes' table)"),
    ])

    // MARK: Solving

    /// Nobody works a graph of thousands of nodes on paper, and its sheet
    /// would run to megabytes; its answers are still given in JSON.
    static func sheetLimit(_ solution: Solution) -> SolveError? {
        let nodes = solution.parsed.nodes.count
        return .sheetLimit(nodes, atMost: maxGraphNodes, at: "expression", "has \(nodes) nodes")
    }

    static func solve(_ problem: Problem) throws -> Solution {
        let parsed = try SolveError.locating(at: "expression") { try ExpressionParser.parse(problem.expression) }
        let variables = parsed.variablesInOrderOfFirstAppearance
        var values: [String: Double] = [:]
        for entry in problem.values {
            let path = JSONPath.root.appending(key: "values").appending(key: entry.name)
            guard variables.contains(entry.name) || entry.name == "e" else {
                throw SolveError(path, "'\(entry.name)' is not a variable of the expression" + didYouMean(entry.name, among: variables))
            }
            values[entry.name] = entry.value
        }
        if let missing = variables.first(where: { $0 != "e" && values[$0] == nil }) {
            throw SolveError(at: "values", "no value given for variable '\(missing)'")
        }
        let graph = try SolveError.locating(at: "expression") { try ComputationGraph(parsed, values: values, kink: problem.kink) }
        var wrt = graph.inputNodes.map(\.index)
        if let names = problem.wrt {
            // A name listed twice would give the answers' `gradient` object a
            // duplicate key, which JSON readers (ours included) refuse.
            for (index, name) in names.enumerated() where names[..<index].contains(name) {
                throw SolveError(at: "wrt", index: index, "'\(name)' is listed twice")
            }
            wrt = try names.enumerated().map { index, name in
                guard let node = graph.inputNode(named: name) else {
                    let known = graph.inputNodes.compactMap(\.name)
                    throw SolveError(
                        at: "wrt", index: index, "'\(name)' is not a variable of the expression" + didYouMean(name, among: known))
                }
                return node.index
            }
        }
        return Solution(problem: problem, parsed: parsed, graph: graph, wrt: wrt, trace: BackpropTrace.record(graph))
    }

    static func answers(_ solution: Solution) -> JSONValue {
        let graph = solution.graph
        return .object([
            ("value", .number(graph.output.value)),
            ("gradient", .object(solution.wrt.map { (graph.nodes[$0].name ?? "", JSONValue.number(graph.nodes[$0].gradient ?? 0)) })),
        ])
    }

    /// The expression's structure, whatever its spacing, output name,
    /// values or variable names: `f = x*(x+y)`, `x * (x + y)` and
    /// `a*(a+b)` are one exercise. Variables are numbered by first
    /// appearance, numbers kept by value.
    static func repetitionKey(_ problem: Problem) -> String? {
        // Past a hand exercise's size the text itself is key enough (and building nested keys would be slow).
        guard problem.expression.utf8.count <= 2000, let parsed = try? ExpressionParser.parse(problem.expression) else {
            return nil
        }
        let variables = parsed.variablesInOrderOfFirstAppearance
        return parsed.builtUp { kind, operands in
            switch kind {
            case .number(let value, _): "\(value)"
            case .variable(let name): "v\(variables.firstIndex(of: name) ?? 0)"
            case .operation(let op, _): op.rawValue + "(" + operands.joined(separator: ",") + ")"
            }
        }.last
    }
}

/// What the printed answer key shows (`FinalAnswers`): the output's value and its gradient with respect to every
/// input, not each node's.
extension BackpropTopic {
    static let finalAnswers: FinalAnswers = ["value", "gradient"]
}
