/// The contract's conv slips: biases forgotten, the kernel's depth taken as
/// 1, ⌈·⌉ in the size rule, and padding added on one side only.
extension ConvTopic {
    static var slips: [Slip<Self>] {
        [
            Slip(id: "bias-forgotten") { _, solution in
                let layers = solution.result.layers
                guard let first = layers.first(where: { $0.biases > 0 }) else { return nil }
                let wrong = answers(layers, weights: { $0.weights }, biases: { _ in 0 }, solution)
                var context: TemplateObject = ["count": .text(first.biases)]
                if case .conv = first.layer.kind { context["conv"] = true }
                return Slip.Effect(answers: wrong, step: "layers[\(first.index)].params", context: context)
            },
            Slip(id: "input-channels-forgotten") { _, solution in
                let layers = solution.result.layers
                func flatWeights(_ layer: ConvSolver.Layer) -> Int {
                    guard case .conv(let conv) = layer.layer.kind else { return layer.weights }
                    return conv.kernel.height * conv.kernel.width * conv.filters
                }
                guard let first = layers.first(where: { flatWeights($0) != $0.weights }) else { return nil }
                let wrong = answers(layers, weights: flatWeights, biases: \.biases, solution)
                return Slip.Effect(answers: wrong, step: "layers[\(first.index)].weights",
                                   context: ["channels": .text(first.input.dimensions.last ?? 1)])
            },
            Slip(id: "ceil-for-floor") { problem, solution in
                guard let first = solution.result.layers.first(where: { !($0.height?.isExact ?? true) || !($0.width?.isExact ?? true) })
                else { return nil }
                return resolved(problem, rule: .ceiling, step: axisStep(first))
            },
            Slip(id: "padding-once") { problem, solution in
                guard let first = solution.result.layers.first(where: {
                    guard let h = $0.height, let w = $0.width, !h.same else { return false }
                    return h.totalPadding + w.totalPadding > 0
                }) else { return nil }
                return resolved(problem, rule: .paddingOnce, step: axisStep(first))
            },
        ]
    }

    /// The step of the axis where a size slip shows first (height, unless
    /// only the width's division has a remainder or padding).
    private static func axisStep(_ layer: ConvSolver.Layer) -> String {
        "layers[\(layer.index)].height"
    }

    /// The answers of the stack solved with a student's wrong size rule;
    /// nil when that rule makes some output empty.
    private static func resolved(_ problem: Problem, rule: WindowAxis.Rule, step: String) -> Slip<Self>.Effect? {
        guard let result = try? ConvSolver.solve(problem, rule: rule) else { return nil }
        return Slip.Effect(answers: answers(Solution(result: result, trace: Trace())), step: step)
    }

    /// The answers with each layer's weights and biases counted another way.
    private static func answers(
        _ layers: [ConvSolver.Layer], weights: (ConvSolver.Layer) -> Int, biases: (ConvSolver.Layer) -> Int,
        _ solution: Solution
    ) -> JSONValue {
        var result = solution.result
        for i in result.layers.indices {
            result.layers[i].weights = weights(layers[i])
            result.layers[i].biases = biases(layers[i])
        }
        result.totalParams = result.layers.reduce(0) { $0 + $1.params }
        return answers(Solution(result: result, trace: Trace()))
    }
}
