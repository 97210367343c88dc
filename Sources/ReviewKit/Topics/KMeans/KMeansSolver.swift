/// Lloyd's iterations, in the order a student does them: squared distances
/// from every point to every centroid, the nearest centroid (a tie goes to
/// the lowest-numbered), the inertia against the centroids the iteration
/// started from, then each centroid moved to the mean of its points (one
/// with no points keeps its place). Stops once an iteration's assignments
/// repeat the previous one's, or after `iterations`. Numbers only.
enum KMeansSolver {
    struct Iteration: Sendable {
        /// The centroids the iteration started from.
        var start: [[Double]]
        /// d_ij = Σ (x_i − c_j)², n×k
        var distances: [[Double]]
        var assignments: [Int]
        /// Per point, the centroids it is equally near to (empty: no tie).
        var ties: [[Int]]
        var sizes: [Int]
        var inertia: Double
        /// After the update.
        var centroids: [[Double]]
        /// Centroids that got no point and kept their place.
        var empty: [Int]
    }

    struct Result: Sendable {
        var iterations: [Iteration]
        var converged: Bool
        /// Against the final centroids, when features are asked for:
        /// z_k = ‖x − c_k‖ (triangle), μ(z), and the features.
        var featureDistances: [[Double]]?
        var featureMeans: [Double]?
        var features: [[Double]]?
    }

    /// Each distance is a recorded step; this bounds the memory of one run.
    static let maxDistances = 200_000

    /// How a distance is measured: the contract's squared Euclidean one, or
    /// |Δx| + |Δy| (only to work out the `manhattan-distance` slip).
    enum Metric: Sendable { case squared, manhattan }

    static func solve(_ p: KMeansTopic.Problem, metric: Metric = .squared, tieToLast: Bool = false) throws -> Result {
        var centroids = p.initialCentroids
        var iterations: [Iteration] = []
        var converged = false
        for _ in 0..<p.iterations {
            guard (iterations.count + 1) * p.points.count * centroids.count <= maxDistances else {
                throw SolveError(
                    at: "iterations",
                    "iteration \(iterations.count + 1) would record more than \(maxDistances) distances (points × clusters × iterations); lower iterations or make the problem smaller")
            }
            let it = iteration(p.points, centroids, metric: metric, tieToLast: tieToLast)
            guard it.distances.allSatisfy({ $0.allSatisfy(\.isFinite) }), it.centroids.allSatisfy({ $0.allSatisfy(\.isFinite) }) else {
                throw SolveError(at: "points", "the squared distances overflow in iteration \(iterations.count + 1): the numbers are too large")
            }
            let repeats = iterations.last?.assignments == it.assignments
            iterations.append(it)
            centroids = it.centroids
            if repeats { converged = true; break }
        }
        var result = Result(iterations: iterations, converged: converged)
        if let kind = p.features { features(kind, p.points, centroids, &result) }
        return result
    }

    static func squaredDistance(_ x: [Double], _ c: [Double]) -> Double {
        zip(x, c).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
    }

    static func iteration(
        _ points: [[Double]], _ start: [[Double]], metric: Metric = .squared, tieToLast: Bool = false
    ) -> Iteration {
        let distances = points.map { x in
            start.map { c in metric == .squared ? squaredDistance(x, c) : zip(x, c).reduce(0) { $0 + abs($1.0 - $1.1) } }
        }
        var assignments: [Int] = [], ties: [[Int]] = []
        for row in distances {
            let best = row.min()!
            let nearest = row.indices.filter { row[$0] == best }
            assignments.append(tieToLast ? nearest[nearest.count - 1] : nearest[0])
            ties.append(nearest.count > 1 ? nearest : [])
        }
        let inertia = zip(distances, assignments).reduce(0) { $0 + $1.0[$1.1] }
        var sizes = Array(repeating: 0, count: start.count)
        var sums = start.map { $0.map { _ in 0.0 } }
        for (x, a) in zip(points, assignments) {
            sizes[a] += 1
            for d in x.indices { sums[a][d] += x[d] }
        }
        let centroids = start.indices.map { j in sizes[j] == 0 ? start[j] : sums[j].map { $0 / Double(sizes[j]) } }
        return Iteration(
            start: start, distances: distances, assignments: assignments, ties: ties, sizes: sizes, inertia: inertia,
            centroids: centroids, empty: sizes.indices.filter { sizes[$0] == 0 })
    }

    /// Hard: the 1-of-K code of the nearest final centroid (ties to the
    /// lowest). Triangle (Coates et al. 2011): f_k = max(0, μ(z) − z_k).
    private static func features(_ kind: KMeansTopic.Features, _ points: [[Double]], _ centroids: [[Double]], _ r: inout Result) {
        let squared = points.map { x in centroids.map { squaredDistance(x, $0) } }
        switch kind {
        case .hard:
            r.features = squared.map { row in
                let nearest = row.firstIndex(of: row.min()!)!
                return row.indices.map { $0 == nearest ? 1 : 0 }
            }
        case .triangle:
            let z = squared.map { $0.map { $0.squareRoot() } }
            let mu = z.map { $0.reduce(0, +) / Double($0.count) }
            r.featureDistances = z
            r.featureMeans = mu
            r.features = zip(z, mu).map { row, m in row.map { max(0, m - $0) } }
        }
    }
}
