/// The contract's optimizer slips (topics-networks.md): Adam without the
/// bias correction, the learning rate applied twice in momentum, weight
/// decay decoupled as AdamW does, and AdaGrad without the accumulation.
/// Each reruns the steps with the wrong rule (`OptimizerSolver.Variant`),
/// so later steps carry the slip on, as a student's sheet would.
extension OptimizerTopic {
    static var slips: [Slip<Self>] {
        [
            slip("adam-no-bias-correction", .noBiasCorrection, step: "m_hat") { problem in problem.rule == .adam },
            slip("momentum-lr-twice", .learningRateTwice, step: "velocity") { problem in
                problem.rule == .momentum && problem.eta != 1
            },
            // Only the params carry it: the state it changes differs from the
            // right one by less than a typed answer's rounding (λ is small).
            slip("decoupled-decay", .decoupledDecay, step: "params", onlyParams: true) { problem in
                problem.weightDecay != 0 && problem.rule != .sgd
            },
            slip("adagrad-no-accumulate", .noAccumulation, step: "sum_sq", firstStep: 1) { problem in
                problem.rule == .adagrad && problem.stepCount > 1
            },
        ]
    }

    /// A slip that reruns the problem with `variant`, where `applies`.
    private static func slip(
        _ id: String, _ variant: OptimizerSolver.Variant, step: String, firstStep: Int = 0, onlyParams: Bool = false,
        applies: @escaping @Sendable (Problem) -> Bool
    ) -> Slip<Self> {
        Slip(id: id) { problem, solution in
            guard applies(problem) else { return nil }
            var hyper = problem.hyper
            hyper.variant = variant
            guard let run = try? run(problem, solution.parsed, hyper) else { return nil }
            var wrong = solution
            wrong.run = run
            var slipped = answers(wrong)
            if onlyParams {
                let right = answers(solution)
                slipped = right.updatingMember("params") { _ in slipped.member("params")! }
                    .updatingMember("steps") { steps in
                        guard case .array(let items) = steps.kind, case .array(let wrongItems)? = slipped.member("steps")?.kind else {
                            return steps
                        }
                        return JSONValue(.array(zip(items, wrongItems).map { item, wrongItem in
                            item.updatingMember("params") { _ in wrongItem.member("params")! }
                        }))
                    }
            }
            return Slip.Effect(answers: slipped, step: "steps[\(firstStep)].\(step).\(problem.names[0])")
        }
    }
}
