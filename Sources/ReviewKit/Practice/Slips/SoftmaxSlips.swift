import Foundation

/// The contract's softmax slips: the gradient's sign, log base 10, the 1/T
/// factor, and the batch mean.
extension SoftmaxTopic {
    static var slips: [Slip<Self>] {
        [
            Slip(id: "gradient-sign") { problem, solution in
                Slip.Effect(answers: answers(solution).updatingMember("gradient") { $0.mappingNumbers { -$0 } },
                            step: gradientStep(problem))
            },
            Slip(id: "log10") { problem, solution in
                Slip.Effect(answers: answers(solution).updatingMember("loss") { $0.mappingNumbers { $0 / M_LN10 } },
                            step: RowNames(problem).prefix + "L")
            },
            Slip(id: "temperature-factor-dropped") { problem, solution in
                let t = problem.temperature
                guard t != 1 else { return nil }
                return Slip.Effect(answers: answers(solution).updatingMember("gradient") { $0.mappingNumbers { $0 * t } },
                                   step: gradientStep(problem), context: ["T": .text(NumberFormat.plain(t))])
            },
            Slip(id: "batch-mean-forgotten") { problem, solution in
                let n = Double(problem.logits.count)
                guard problem.isBatch, problem.reduction == .mean, n > 1 else { return nil }
                let wrong = answers(solution)
                    .updatingMember("loss") { $0.mappingNumbers { $0 * n } }
                    .updatingMember("gradient") { $0.mappingNumbers { $0 * n } }
                return Slip.Effect(answers: wrong, step: "L", context: ["N": .text(problem.logits.count)])
            },
        ]
    }

    private typealias RowNames = SoftmaxTrace.RowNames

    /// The first example's gradient step (`dL/dz`, or `row0.dL_0/dz_0`).
    private static func gradientStep(_ problem: Problem) -> String {
        let names = RowNames(problem)
        return names.prefix + names.gradientID
    }
}

private extension SoftmaxTrace.RowNames {
    /// The first example's names.
    init(_ problem: SoftmaxTopic.Problem) {
        self.init(n: problem.isBatch ? 0 : nil)
    }
}
