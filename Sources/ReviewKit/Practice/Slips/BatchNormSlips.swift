/// The contract's batchnorm slips (topics-networks.md): the unbiased
/// variance in σ²_B, ε outside the root, the biased variance in the running
/// update, Keras' reversed momentum, and dx as if μ_B, σ²_B were constants.
/// Each re-solves the problem with the wrong rule (`BatchNormSolver.Variant`).
extension BatchNormTopic {
    static var slips: [Slip<Self>] {
        [
            slip("bn-unbiased-variance", .unbiasedVariance, step: "var") { $0.mode == .training },
            slip("eps-outside-sqrt", .epsOutsideSqrt, step: "std") { $0.eps != 0 },
            slip("running-var-biased", .runningVarBiased, step: "running_var") { $0.mode == .training },
            slip("momentum-reversed", .momentumReversed, step: "running_mean") { $0.mode == .training && $0.momentum != 0.5 },
            slip("dx-ignores-statistics", .dxIgnoresStatistics, step: "grad_x") {
                $0.mode == .training && $0.gradOutput != nil
            },
        ]
    }

    private static func slip(
        _ id: String, _ variant: BatchNormSolver.Variant, step: String, applies: @escaping @Sendable (Problem) -> Bool
    ) -> Slip<Self> {
        Slip(id: id) { problem, _ in
            guard applies(problem), let wrong = try? solve(problem, variant: variant) else { return nil }
            return Slip.Effect(answers: answers(wrong), step: step + BatchNormTrace.suffix(problem, 0))
        }
    }
}
