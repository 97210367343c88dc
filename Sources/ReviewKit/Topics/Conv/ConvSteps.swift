/// The solver's trace as JSON `steps`: per layer the size rule along height
/// and width (after the effective kernel or the `"same"` padding when they
/// apply), the output shape, then weights, biases and parameters; finally
/// the total. Formulas are plain text in the contract's (PyTorch's) form.
enum ConvSteps {
    static func steps(_ solution: ConvSolver.Solution) -> [Step] {
        var steps: [Step] = []
        for layer in solution.layers {
            steps += self.layer(layer)
        }
        let terms = solution.layers.map { String($0.params) }.joined(separator: " + ")
        steps.append(
            Step(
                id: "total_params", label: "total parameters",
                formula: "total = " + solution.layers.indices.map { "params[\($0)]" }.joined(separator: " + "),
                substituted: "total = \(terms)", value: .number(solution.totalParams)))
        return steps
    }

    private static func layer(_ layer: ConvSolver.Layer) -> [Step] {
        let id = "layers[\(layer.index)]"
        var steps: [Step] = []
        func add(_ key: String, _ label: String, _ formula: String, _ substituted: String, _ value: JSONValue) {
            steps.append(
                Step(
                    id: "\(id).\(key)", label: "\(id) \(label)", formula: formula, substituted: substituted,
                    value: value))
        }
        if let height = layer.height, let width = layer.width {
            for (axis, name, symbol) in [(height, "height", "H"), (width, "width", "W")] {
                if axis.dilation != 1 {
                    add(
                        "effective_kernel_\(name)", "effective kernel \(name)", "F' = D*(F - 1) + 1",
                        "F' = \(axis.dilation)*(\(axis.kernel) - 1) + 1", .number(axis.effectiveKernel))
                }
                if axis.same {
                    add(
                        name, "output \(name) (\"same\")", "\(symbol)_out = ceil(\(symbol)_in / S)",
                        "\(symbol)_out = ceil(\(axis.input) / \(axis.stride))", .number(axis.output))
                    add(
                        "padding_\(name)",
                        "total \"same\" padding along the \(name) (\(axis.padBefore) before, \(axis.padAfter) after)",
                        "P = max((\(symbol)_out - 1)*S + D*(F - 1) + 1 - \(symbol)_in, 0)",
                        "P = max((\(axis.output) - 1)*\(axis.stride) + \(axis.dilation)*(\(axis.kernel) - 1) + 1 - \(axis.input), 0)",
                        .number(axis.totalPadding))
                } else {
                    add(
                        name, "output \(name)", "\(symbol)_out = floor((\(symbol)_in + 2*P - D*(F - 1) - 1) / S) + 1",
                        "\(symbol)_out = floor((\(axis.input) + 2*\(axis.padBefore) - \(axis.dilation)*(\(axis.kernel) - 1) - 1) / \(axis.stride)) + 1",
                        .number(axis.output))
                }
            }
        }
        switch layer.layer.kind {
        case .conv(let conv):
            add("output", "output shape", "[H_out, W_out, K]", layer.output.dimensions.description, layer.output.json)
            add(
                "weights", "weights", "weights = F_h * F_w * C_in * K",
                "weights = \(conv.kernel.height) * \(conv.kernel.width) * \(layer.input.dimensions[2]) * \(conv.filters)",
                .number(layer.weights))
            add(
                "biases", "biases", conv.bias ? "biases = K" : "biases = 0 (no bias)",
                "biases = \(layer.biases)", .number(layer.biases))
            add(
                "params", "parameters", "params = weights + biases", "params = \(layer.weights) + \(layer.biases)",
                .number(layer.params))
        case .pool:
            add("output", "output shape", "[H_out, W_out, C_in]", layer.output.dimensions.description, layer.output.json)
            add("params", "parameters", "params = 0 (pooling has no parameters)", "params = 0", .number(0))
        case .fc(let fc):
            let n = layer.flattened ?? 0
            if case .image = layer.input {
                add(
                    "flatten", "flattened input size", "N = H * W * C",
                    "N = " + layer.input.dimensions.map(String.init).joined(separator: " * "), .number(n))
            }
            add("output", "output shape", "[units]", "[\(fc.units)]", layer.output.json)
            add("weights", "weights", "weights = N * units", "weights = \(n) * \(fc.units)", .number(layer.weights))
            add(
                "biases", "biases", fc.bias ? "biases = units" : "biases = 0 (no bias)",
                "biases = \(layer.biases)", .number(layer.biases))
            add(
                "params", "parameters", "params = weights + biases", "params = \(layer.weights) + \(layer.biases)",
                .number(layer.params))
        }
        return steps
    }
}
