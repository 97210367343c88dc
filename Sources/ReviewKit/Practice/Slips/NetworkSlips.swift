import Foundation

/// The contract's slips of `mlp`, `activation` and `loss`
/// (topics-networks.md). Each computes the answers a student making the
/// mistake writes — `mlp` reruns the whole pass with the wrong rule
/// (`MLPSolver.Variant`), so a wrong δ carries into the gradients, the
/// step and the loss after it — and points every answer it changes at the
/// worked step that computes that answer.
extension MLPTopic {
    static var slips: [Slip<Self>] {
        [
            slip("mse-no-half", .mseNoHalf, step: { lossStep($0) }) { $0.loss == .mse },
            slip("no-output-derivative", .noOutputDerivative, step: { deltaStep($0, layer: $0.layers.count) }) {
                $0.loss == .mse
            },
            slip("hidden-delta-from-grad", .hiddenDeltaFromGrad, step: { deltaStep($0, layer: $0.layers.count - 1) }) {
                $0.layers.count > 1
            },
            slip("updated-weights-backward", .updatedWeightsBackward, step: { deltaStep($0, layer: $0.layers.count - 1) }) {
                $0.layers.count > 1 && $0.learningRate != nil
            },
            // A student who sums the gradients may sum the loss as well: that C (and C after the step) counts too.
            slip("batch-sum", .batchSum, step: { "grad_W\($0.layers.count)" }, alsoSummedLoss: true,
                 context: { ["m": .text($0.input.count)] }) { $0.input.count > 1 },
        ]
    }

    private static func slip(
        _ id: String, _ variant: MLPSolver.Variant, step: @escaping @Sendable (Problem) -> String, alsoSummedLoss: Bool = false,
        context: @escaping @Sendable (Problem) -> TemplateObject = { _ in [:] },
        applies: @escaping @Sendable (Problem) -> Bool
    ) -> Slip<Self> {
        answerSlip(id, step: step, stepOf: stepOf, context: context) { problem, _ in
            guard applies(problem), let result = try? MLPSolver.solve(problem, variant: variant) else { return nil }
            let wrong = answers(Solution(problem: problem, result: result, trace: Trace()))
            guard alsoSummedLoss else { return [wrong] }
            let m = Double(problem.input.count)
            let summed = wrong.updatingMember("loss") { $0.mappingNumbers { $0 * m } }
                .updatingMember("new_loss") { $0.mappingNumbers { $0 * m } }
            return [wrong, summed]
        }
    }

    /// C for one example, the first example's C_x in a batch.
    private static func lossStep(_ p: Problem) -> String { p.isBatch ? "x0.C" : "C" }

    /// δ of layer `layer` (numbered from 1 as in the notes), the first example's in a batch.
    private static func deltaStep(_ p: Problem, layer: Int, example: Int = 0) -> String {
        (p.isBatch ? "x\(example)." : "") + "delta\(layer)"
    }

    /// The step that computes the answer at `path` (`layers[0].delta[1][0]`
    /// → `x1.delta1`, `layers[1].grad_weights[0][1]` → `grad_W2`).
    @Sendable private static func stepOf(_ p: Problem, _ path: String) -> String? {
        let parts = AnswerPath(path)
        switch parts.head {
        case "loss": return "C"
        case "new_loss": return "after.C"
        case "output":
            return (p.isBatch ? "x\(parts.indices.first ?? 0)." : "") + "a\(p.layers.count)"
        case "layers":
            guard let l = parts.indices.first, let key = parts.key else { return nil }
            let layer = l + 1
            let example = p.isBatch ? "x\(parts.keyIndices.first ?? 0)." : ""
            switch key {
            case "z", "a", "delta": return example + key + "\(layer)"
            case "grad_weights": return "grad_W\(layer)"
            case "grad_biases": return "grad_b\(layer)"
            case "new_weights": return "new_W\(layer)"
            case "new_biases": return "new_b\(layer)"
            default: return nil
            }
        default: return nil
        }
    }
}

extension ActivationTopic {
    static var slips: [Slip<Self>] {
        [
            answerSlip("sigmoid-prime-as-sigmoid", stepOf: stepOf) { problem, solution in
                guard problem.function == .sigmoid else { return nil }
                return wrongAnswers(problem, solution, derivatives: solution.values)
            },
            answerSlip("tanh-prime-of-x", stepOf: stepOf) { problem, solution in
                guard problem.function == .tanh else { return nil }
                return wrongAnswers(problem, solution, derivatives: problem.points.map { 1 - $0 * $0 })
            },
            answerSlip("relu-kink-flipped", stepOf: stepOf, context: kinkContext) { problem, _ in
                guard [.relu, .leakyRelu, .elu].contains(problem.function), problem.points.contains(0) else { return nil }
                var flipped = problem
                flipped.kink = problem.kink == .left ? .right : .left
                return (try? solve(flipped)).map { [answers($0)] }
            },
            answerSlip("chain-sum", stepOf: stepOf, context: { ["n": .text($0.depth ?? 0)] }) { problem, solution in
                guard let n = problem.depth, var chain = solution.chain else { return nil }
                chain = solution.derivatives.map { Double(n) * problem.effectiveWeight * $0 }
                var wrong = solution
                wrong.chain = chain
                return [answers(wrong)]
            },
        ]
    }

    /// The answers with other derivatives, the chain (w·f'(x))^n following them.
    private static func wrongAnswers(_ p: Problem, _ solution: Solution, derivatives: [Double]) -> [JSONValue]? {
        var wrong = solution
        wrong.derivatives = derivatives
        if let n = p.depth {
            let chain = derivatives.map { Foundation.pow(p.effectiveWeight * $0, Double(n)) }
            guard chain.allSatisfy(\.isFinite) else { return nil }
            wrong.chain = chain
        }
        return [answers(wrong)]
    }

    /// The problem's kink and the slope f'(0) it gives.
    @Sendable private static func kinkContext(_ p: Problem) -> TemplateObject {
        let f = p.function.shared, alpha = p.effectiveAlpha
        let slope = f.derivative(at: 0, output: f.value(0, alpha: alpha), alpha: alpha, kink: p.kink)
        return ["kink": .text(p.kink.rawValue), "slope": .text(NumberFormat.plain(slope))]
    }

    /// `values[i]` → `f[i]`, `derivatives[i]` → `df[i]`, `chain[i]` → `chain[i]`.
    @Sendable private static func stepOf(_: Problem, _ path: String) -> String? {
        let parts = AnswerPath(path)
        guard let i = parts.indices.first else { return nil }
        switch parts.head {
        case "values": return "f[\(i)]"
        case "derivatives": return "df[\(i)]"
        case "chain": return "chain[\(i)]"
        default: return nil
        }
    }
}

extension LossTopic {
    static var slips: [Slip<Self>] {
        [
            answerSlip("mse-grad-no-2", stepOf: stepOf) { problem, solution in
                guard problem.loss == .mse else { return nil }
                return [answers(solution).updatingMember("gradient") { $0.mappingNumbers { $0 / 2 } }]
            },
            answerSlip("mean-grad-no-1-over-n", stepOf: stepOf, context: { ["N": .text(LossSolver.solve($0).count)] }) {
                problem, solution in
                let n = Double(solution.result.count)
                guard problem.reduction == .mean, n > 1 else { return nil }
                return [answers(solution).updatingMember("gradient") { $0.mappingNumbers { $0 * n } }]
            },
            answerSlip("bce-grad-as-logit-grad", stepOf: stepOf) { problem, solution in
                guard problem.loss == .bce, !problem.fromLogits else { return nil }
                var wrong = solution
                wrong.result.gradient = elementWise(problem) { yhat, y in yhat - y }
                return [answers(wrong)]
            },
            answerSlip("hinge-margin-active", stepOf: stepOf) { problem, solution in
                var wrong = solution
                switch problem.loss {
                case .hinge:
                    // y ŷ = m exactly: the term taken as active, gradient −y.
                    wrong.result.gradient = elementWise(problem) { yhat, y in
                        problem.margin - y * yhat >= 0 ? -y : 0
                    }
                case .multiclassHinge:
                    wrong.result.gradient = multiclassGradient(problem, solution.result)
                default:
                    return nil
                }
                return [answers(wrong)]
            },
            answerSlip("huber-wrong-branch", stepOf: stepOf, context: { ["delta": .text(NumberFormat.plain($0.delta))] }) {
                problem, solution in
                guard problem.loss == .huber else { return nil }
                // ½r² and its gradient r on both sides of δ.
                var wrong = solution
                wrong.result.terms = zip(problem.predictions, problem.targets).map { zip($0, $1).map { 0.5 * ($0 - $1) * ($0 - $1) } }
                wrong.result.gradient = elementWise(problem) { yhat, y in yhat - y }
                let total = wrong.result.terms.joined().reduce(0, +)
                wrong.result.loss = problem.reduction == .mean ? total / Double(wrong.result.terms.joined().count) : total
                return [answers(wrong)]
            },
        ]
    }

    /// A per-element gradient `slope(ŷ, y)` with the problem's 1/N.
    private static func elementWise(_ p: Problem, _ slope: (Double, Double) -> Double) -> [[Double]] {
        let n = p.reduction == .mean ? Double(p.predictions.reduce(0) { $0 + $1.count }) : 1
        return zip(p.predictions, p.targets).map { zip($0, $1).map { slope($0, $1) / n } }
    }

    /// The multiclass hinge gradient with every margin s_j − s_t + m that
    /// is 0 (to rounding) counted as active.
    private static func multiclassGradient(_ p: Problem, _ r: LossSolver.Result) -> [[Double]] {
        let scale = p.reduction == .mean ? 1 / Double(p.predictions.count) : 1
        return zip(p.rowTargets, r.margins).enumerated().map { row, item in
            guard case .index(let t) = item.0 else { return r.gradient[row] }
            let active = item.1.indices.map { $0 != t && (item.1[$0] > 0 || abs(item.1[$0]) <= 1e-12) }
            let count = Double(active.filter { $0 }.count)
            return item.1.indices.map { j in (j == t ? -count : active[j] ? 1 : 0) * scale }
        }
    }

    /// `loss` → `loss`, `losses[…]` → `loss[…]`; `gradient[…]` → `grad[…]`,
    /// for row-wise losses the row's `grad[r]` (`grad[0]` for a vector).
    @Sendable private static func stepOf(_ p: Problem, _ path: String) -> String? {
        let parts = AnswerPath(path)
        let key = parts.indices.map { "[\($0)]" }.joined()
        switch parts.head {
        case "loss": return "loss"
        case "losses": return "loss" + key
        case "gradient":
            guard p.loss.rowWise else { return "grad" + key }
            return "grad[\(p.isMatrix ? parts.indices.first ?? 0 : 0)]"
        default: return nil
        }
    }
}

/// An answer path taken apart: `layers[1].delta[0][1]` is head `layers`,
/// indices [1], key `delta`, key indices [0, 1].
struct AnswerPath {
    var head: String
    var indices: [Int]
    var key: String?
    var keyIndices: [Int]

    init(_ path: String) {
        let segments = path.split(separator: ".", maxSplits: 1).map(String.init)
        (head, indices) = Self.split(segments[0])
        if segments.count > 1 {
            let (key, keyIndices) = Self.split(segments[1])
            self.key = key
            self.keyIndices = keyIndices
        } else {
            key = nil
            keyIndices = []
        }
    }

    /// `delta[0][1]` → ("delta", [0, 1]).
    private static func split(_ segment: String) -> (String, [Int]) {
        let name = String(segment.prefix { $0 != "[" })
        let indices = segment.dropFirst(name.count).split(whereSeparator: { $0 == "[" || $0 == "]" }).compactMap { Int($0) }
        return (name, indices)
    }
}
