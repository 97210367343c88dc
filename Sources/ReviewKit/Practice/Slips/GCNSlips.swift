/// The contract's gcn slips: self loops forgotten, row normalisation for
/// symmetric, and the activation left out.
extension GCNTopic {
    static var slips: [Slip<Self>] {
        [
            Slip(id: "self-loops-forgotten") { problem, _ in
                guard problem.selfLoops else { return nil }
                var wrong = problem
                wrong.selfLoops = false
                return resolved(wrong).map { Slip.Effect(answers: $0, step: "A_tilde") }
            },
            Slip(id: "row-for-symmetric") { problem, _ in
                guard problem.normalization == .symmetric else { return nil }
                var wrong = problem
                wrong.normalization = .row
                return resolved(wrong).map { Slip.Effect(answers: $0, step: "D_inv_sqrt") }
            },
            Slip(id: "activation-forgotten") { problem, solution in
                let right = answers(solution)
                guard problem.activation != .none, let pre = right.member("pre_activation") else { return nil }
                return Slip.Effect(answers: right.updatingMember("output") { _ in pre }, step: "output",
                                   context: ["activation": .text(problem.activation.rawValue)])
            },
        ]
    }

    /// The answers of a changed problem, or nil when it cannot be solved
    /// (a node left with degree 0).
    private static func resolved(_ problem: Problem) -> JSONValue? {
        (try? solve(problem)).map(answers)
    }
}
