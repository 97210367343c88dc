/// `kmeans`: Lloyd's algorithm worked iteration by iteration from given
/// centroids or given starting points, e.g. the classic eight points
/// A1…A8 from A1, A4, A7 (final centroids (11/3, 9), (7, 13/3), (3/2, 7/2)).
/// Each iteration shows the squared distances, the assignments (a tie goes
/// to the lowest-numbered centroid), the inertia and each centroid as the
/// sum of its points over their count; a centroid with no points keeps its
/// place. Optional k-means features (notes 004): hard or triangle.
enum KMeansTopic: SchemaTopic, GeneratedTopic {
    typealias Generator = KMeansGenerator

    enum Features: String, CaseIterable, Sendable {
        case hard, triangle
    }

    /// Where the centroids start, as the file gave it.
    enum Start: Sendable, Equatable {
        case centroids([[Double]])
        case points([Int])
    }

    struct Problem: Sendable {
        var points: [[Double]]
        var start = Start.centroids([])
        var iterations = 100
        var features: Features?

        /// The starting centroids as coordinates.
        var initialCentroids: [[Double]] {
            switch start {
            case .centroids(let c): return c
            case .points(let indices): return indices.map { points[$0] }
            }
        }
    }

    typealias Solution = SolverSolution<Problem, KMeansSolver.Result>

    static let name = "kmeans"

    // MARK: Reading and writing problems

    static let blank = Problem(points: [])

    static let schema = FieldSchema<Problem>([
        .custom(
            "points", type: "n×d matrix", doc: "the points $x_i$, one row each (1-D points as `[[2], [4], …]`), numbered from 0",
            read: { field, problem in problem.points = try KMeansDecoder.points(field) },
            write: { matrix($0.points) }),
        .custom(
            "centroids", type: "k×d matrix", default: "none", doc: "the starting centroids $c_j$; give them or `initial_points`",
            read: { field, problem in problem.start = .centroids(try KMeansDecoder.centroids(field, dimensions: problem.points[0].count)) },
            write: { problem in if case .centroids(let c) = problem.start { matrix(c) } else { .null } }),
        .custom(
            "initial_points", type: "array of k distinct point indices", default: "none",
            doc: "the points whose coordinates start as the centroids",
            read: { field, problem in problem.start = .points(try KMeansDecoder.initialPoints(field, count: problem.points.count)) },
            write: { problem in if case .points(let p) = problem.start { .array(p.map { .number($0) }) } else { .null } }),
        .custom(
            "iterations", type: "integer 1 … \(KMeansDecoder.maxIterations)", default: "100",
            doc: "the most iterations to run; it stops earlier once the assignments repeat",
            read: { field, problem in problem.iterations = try field.int(in: 1...KMeansDecoder.maxIterations) },
            write: { .number($0.iterations) }),
        .custom(
            "features", type: "`\"hard\"` or `\"triangle\"`", default: "none",
            doc: "k-means features from the final centroids: 1-of-K, or $f_k = \\max(0, \\mu(z) - z_k)$",
            read: { field, problem in problem.features = Features(rawValue: try field.oneOf(Features.allCases.map(\.rawValue))) },
            write: { $0.features.map { .string($0.rawValue) } ?? .null }),
    ])

    /// Exactly one of `centroids` and `initial_points`, checked first.
    static func decode(_ object: ObjectFields) throws -> Problem {
        try object.either("centroids", or: "initial_points")
        return try schema.decode(object, into: blank)
    }

    static func matrix(_ rows: [[Double]]) -> JSONValue { .array(rows.map { .array($0.map { .number($0) }) }) }

    // MARK: Solving

    static func solve(_ problem: Problem) throws -> Solution {
        let result = try KMeansSolver.solve(problem)
        return Solution(problem: problem, result: result, trace: KMeansTrace.record(problem, result))
    }

    /// Distances a worked sheet writes out (n × k per iteration, all iterations).
    static let maxSheetDistances = 2000

    static func sheetLimit(_ solution: Solution) -> SolveError? {
        let r = solution.result
        let count = r.iterations.count * solution.problem.points.count * r.iterations[0].start.count
        return .sheetLimit(
            count, atMost: maxSheetDistances, at: "points", "needs \(count) distances over \(r.iterations.count) iterations")
    }

    static func answers(_ solution: Solution) -> JSONValue {
        let r = solution.result
        func ints(_ v: [Int]) -> JSONValue { .array(v.map { .number($0) }) }
        var members: [(String, JSONValue)] = [
            ("history", .array(r.iterations.map { it in
                .object([
                    ("distances", matrix(it.distances)), ("assignments", ints(it.assignments)), ("sizes", ints(it.sizes)),
                    ("inertia", .number(it.inertia)), ("centroids", matrix(it.centroids)),
                ])
            })),
            ("centroids", matrix(r.iterations.last!.centroids)),
            ("assignments", ints(r.iterations.last!.assignments)),
            ("iterations_run", .number(r.iterations.count)),
            ("converged", .bool(r.converged)),
        ]
        if let features = r.features { members.append(("features", matrix(features))) }
        return .object(members)
    }

    static func present(_ problem: Problem, _ solution: Solution, in context: PresentationContext) -> Presentation {
        var presenter = KMeansPresenter(solution: solution, templates: context.templates)
        return presenter.presentation()
    }
}

/// What the printed answer key shows (`FinalAnswers`): the final centroids and assignments (and features when
/// asked); each iteration is working.
extension KMeansTopic {
    static let finalAnswers: FinalAnswers = ["centroids", "assignments", "features"]
}
