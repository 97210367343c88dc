/// Makes k-means problems a student can work by hand, as the contract lists
/// them: integer points in 0–10, centroids that stay short decimals (a
/// mean over 1, 2, 4 or 5 points), settling within 4 iterations.
///
/// - easy: five 1-D points, k = 2 from two of the points, one iteration.
/// - standard: six 2-D points, k = 2 from two of the points, run to
///   convergence in 2–3 iterations.
/// - hard: eight 2-D points, k = 3, either from given centroids with a tie
///   or an empty cluster on the way, or from three of the points with
///   triangle features.
enum KMeansGenerator: ProblemGenerator {
    static func generate(_ random: inout RandomSource, difficulty: Difficulty) -> KMeansTopic.Problem {
        while true {
            let problem = draw(&random, difficulty: difficulty)
            if let result = try? KMeansSolver.solve(problem), accepts(result, problem, difficulty) { return problem }
        }
    }

    private static func draw(_ random: inout RandomSource, difficulty: Difficulty) -> KMeansTopic.Problem {
        switch difficulty {
        case .easy:
            let xs = distinct(&random, 5) { [Double($0.int(in: 0...10))] }
            var problem = KMeansTopic.Problem(points: xs, start: .points(pickTwo(&random, 5)))
            problem.iterations = 1
            return problem
        case .standard:
            let xs = distinct(&random, 6) { r in [Double(r.int(in: 0...10)), Double(r.int(in: 0...10))] }
            return KMeansTopic.Problem(points: xs, start: .points(pickTwo(&random, 6)))
        case .hard:
            let xs = distinct(&random, 8) { r in [Double(r.int(in: 0...10)), Double(r.int(in: 0...10))] }
            if random.chance(0.5) {
                let cs = distinct(&random, 3) { r in [Double(r.int(in: 0...10)), Double(r.int(in: 0...10))] }
                return KMeansTopic.Problem(points: xs, start: .centroids(cs))
            }
            var indices: [Int] = []
            while indices.count < 3 {
                let i = random.int(in: 0...7)
                if !indices.contains(i) { indices.append(i) }
            }
            var problem = KMeansTopic.Problem(points: xs, start: .points(indices))
            problem.features = .triangle
            return problem
        }
    }

    private static func accepts(_ r: KMeansSolver.Result, _ p: KMeansTopic.Problem, _ difficulty: Difficulty) -> Bool {
        let short = r.iterations.allSatisfy { $0.centroids.allSatisfy { $0.allSatisfy { ($0 * 20).rounded() == $0 * 20 } } }
        guard short else { return false }
        switch difficulty {
        case .easy:
            return r.iterations[0].empty.isEmpty
        case .standard:
            return r.converged && (2...3).contains(r.iterations.count)
        case .hard:
            guard r.converged, r.iterations.count <= 4 else { return false }
            if p.features == .triangle { return true }
            return r.iterations.contains { !$0.empty.isEmpty || $0.ties.contains { !$0.isEmpty } }
        }
    }

    private static func distinct(_ random: inout RandomSource, _ n: Int, _ make: (inout RandomSource) -> [Double]) -> [[Double]] {
        var out: [[Double]] = []
        while out.count < n {
            let x = make(&random)
            if !out.contains(x) { out.append(x) }
        }
        return out
    }

    private static func pickTwo(_ random: inout RandomSource, _ n: Int) -> [Int] {
        let a = random.int(in: 0...n - 1)
        var b = random.int(in: 0...n - 2)
        if b >= a { b += 1 }
        return [a, b]
    }
}
