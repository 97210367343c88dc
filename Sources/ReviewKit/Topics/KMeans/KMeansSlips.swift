import Foundation

/// The student slips the contract lists for `kmeans` (topics-sequences.md),
/// for mistake diagnosis: each slip's id, its Chinese name where the
/// contract gives one, the mistake, and the answers it gives.
extension KMeansTopic {
    enum Slip: String, CaseIterable, Sendable {
        case inertiaNotSquared = "inertia-not-squared"
        case manhattanDistance = "manhattan-distance"
        case tieToLast = "tie-to-last"

        var zh: String {
            switch self {
            case .inertiaNotSquared: return "距离忘了平方"
            case .manhattanDistance: return "用了曼哈顿距离"
            case .tieToLast: return "并列归入编号最大的"
            }
        }

        var mistake: String {
            switch self {
            case .inertiaNotSquared: return "the inertia summed from unsquared distances"
            case .manhattanDistance: return "|Δx| + |Δy| distances, and the assignments they give"
            case .tieToLast: return "a tie given to the highest-numbered centroid"
            }
        }

        /// The answers the slip gives, or nil where it gives the right ones
        /// (no tie ever happens, every chosen distance is 0 or 1 …).
        func answers(_ problem: Problem) -> JSONValue? {
            guard let right = try? KMeansSolver.solve(problem) else { return nil }
            var wrong: KMeansSolver.Result
            switch self {
            case .inertiaNotSquared:
                wrong = right
                for t in wrong.iterations.indices {
                    let it = wrong.iterations[t]
                    wrong.iterations[t].inertia = zip(it.distances, it.assignments).reduce(0) { $0 + $1.0[$1.1].squareRoot() }
                }
            case .manhattanDistance:
                guard let r = try? KMeansSolver.solve(problem, metric: .manhattan) else { return nil }
                wrong = r
            case .tieToLast:
                guard let r = try? KMeansSolver.solve(problem, tieToLast: true) else { return nil }
                wrong = r
            }
            func json(_ r: KMeansSolver.Result) -> JSONValue {
                KMeansTopic.answers(Solution(problem: problem, result: r, trace: Trace()))
            }
            let (a, b) = (json(wrong), json(right))
            return a == b ? nil : a
        }
    }
}
