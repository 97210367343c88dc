/// The contract's backprop slips: a variable used twice given the gradient
/// of one use only, and local derivatives summed without the gradient
/// arriving from above.
extension BackpropTopic {
    static var slips: [Slip<Self>] {
        [
            Slip(id: "one-path-only") { _, solution in
                let graph = solution.graph
                let twice = solution.wrt.filter { graph.nodes[$0].contributions.count > 1 }
                guard let first = twice.first else { return nil }
                // Which use a student keeps varies, so each use is one alternative.
                let uses = twice.map { graph.nodes[$0].contributions.count }.max()!
                let alternatives = (0..<uses).map { k in
                    gradients(solution) { node in
                        let paths = node.contributions.sorted { $0.from < $1.from }
                        return paths.count > 1 ? paths[min(k, paths.count - 1)].value : node.gradient ?? 0
                    }
                }
                return Slip.Effect(answers: alternatives[0], alternatives: Array(alternatives.dropFirst()),
                                   step: BackpropTrace.gradientID(graph, graph.nodes[first]),
                                   stepOfPath: stepOfPath(solution), context: ["name": .text(graph.nodes[first].name ?? "")])
            },
            Slip(id: "upstream-forgotten") { _, solution in
                let graph = solution.graph
                guard let first = solution.wrt.first else { return nil }
                let wrong = gradients(solution) { node in node.contributions.reduce(0) { $0 + $1.localGradient } }
                return Slip.Effect(answers: wrong, step: BackpropTrace.gradientID(graph, graph.nodes[first]),
                                   stepOfPath: stepOfPath(solution))
            },
        ]
    }

    /// `gradient.y` → `df/dy`: each gradient's own step.
    private static func stepOfPath(_ solution: Solution) -> [String: String] {
        var steps: [String: String] = [:]
        for i in solution.wrt {
            let node = solution.graph.nodes[i]
            steps[JSONPath.root.appending(key: "gradient").appending(key: node.name ?? "").description] =
                BackpropTrace.gradientID(solution.graph, node)
        }
        return steps
    }

    /// The answers with each asked-for gradient replaced by `gradient(node)`.
    private static func gradients(_ solution: Solution, _ gradient: (GraphNode) -> Double) -> JSONValue {
        let graph = solution.graph
        return .object([
            ("value", .number(graph.output.value)),
            ("gradient", .object(solution.wrt.map { (graph.nodes[$0].name ?? "", JSONValue.number(gradient(graph.nodes[$0]))) })),
        ])
    }
}
