/// Records Lloyd's iterations as worked steps, each once: per iteration
/// every squared distance, the assignments, the cluster sizes, the inertia
/// and every new centroid; then the features when asked for.
///
/// Step ids follow the answers' paths: `history[0].distances[3][1]`,
/// `history[0].assignments`, `history[0].sizes`, `history[0].inertia`,
/// `history[0].centroids[2]`; `features.z[i]`, `features.mu`,
/// `features[i]` for the triangle features, `features[i]` for hard ones.
enum KMeansTrace {
    static func record(_ p: KMeansTopic.Problem, _ r: KMeansSolver.Result) -> Trace {
        var trace = Trace()
        let n = KMeansNotation(dimensions: p.points[0].count)
        func step(_ id: String, _ formula: Formula, _ name: Formula?, _ substituted: Formula, _ value: StepValue) {
            trace.record(WorkedStep(id: id, label: id, formula: formula, name: name, substituted: substituted, value: value))
        }
        for (t, it) in r.iterations.enumerated() {
            let h = "history[\(t)]"
            for (i, row) in it.distances.enumerated() {
                for (j, d) in row.enumerated() {
                    step(
                        "\(h).distances[\(i)][\(j)]", n.distanceRule, n.distance(i, j),
                        n.squares(p.points[i], it.start[j]), .scalar(d))
                }
            }
            step(
                "\(h).assignments", n.assignmentRule, "a", .vector(it.assignments.map { Formula.integer($0) }),
                .vector(it.assignments.map(Double.init)))
            step(
                "\(h).sizes", n.sizeRule, "n", .vector(it.sizes.map { Formula.integer($0) }), .vector(it.sizes.map(Double.init)))
            step(
                "\(h).inertia", n.inertiaRule, "J",
                .sum(it.assignments.enumerated().map { i, a in .number(it.distances[i][a]) }), .scalar(it.inertia))
            for j in it.centroids.indices {
                let members = it.assignments.indices.filter { it.assignments[$0] == j }
                let substituted: Formula = members.isEmpty
                    ? n.point(it.start[j])
                    : .frac(.sum(members.map { n.point(p.points[$0]) }), .integer(members.count))
                step(
                    "\(h).centroids[\(j)]", members.isEmpty ? n.centroid(j) .= n.centroid(j) : n.updateRule, n.centroid(j),
                    substituted, .vector(it.centroids[j]))
            }
        }
        guard let features = r.features else { return trace }
        let last = r.iterations.last!.centroids
        for (i, x) in p.points.enumerated() {
            if let z = r.featureDistances?[i], let mu = r.featureMeans?[i] {
                step(
                    "features.z[\(i)]", .symbol("z", sub: "k") .= .sqrt(.sum(over: "d", .pow(.symbol("x", sub: "d") - .symbol("c", sub: .apply(.list, ["k", "d"])), 2))),
                    "z", .vector(last.map { Formula.sqrt(n.squares(x, $0)) }), .vector(z))
                step(
                    "features.mu[\(i)]", .symbol("mu") .= .juxtapose(.frac(1, "K"), .sum(over: "k", .symbol("z", sub: "k"))),
                    .symbol("mu"), .frac(.sum(Formula.numbers(z)), .integer(z.count)), .scalar(mu))
                step(
                    "features[\(i)]", .symbol("f", sub: "k") .= .max([0, .symbol("mu") - .symbol("z", sub: "k")]), "f",
                    .vector(z.map { Formula.max([0, .number(mu) - .number($0)]) }), .vector(features[i]))
            } else {
                step(
                    "features[\(i)]", .symbol("f", sub: "k") .= .call("1", .symbol("k") .= .symbol("a", sub: "i")), "f",
                    .vector(features[i].map { Formula.integer(Int($0)) }), .vector(features[i]))
            }
        }
        return trace
    }
}

/// The symbols of k-means: x_i, c_j, d_ij, a_i, n_j, J, with the points'
/// coordinates written out in the dimension they have.
struct KMeansNotation {
    let dimensions: Int

    func distance(_ i: Int, _ j: Int) -> Formula { .symbol("d", sub: .apply(.list, [.integer(i), .integer(j)])) }
    func centroid(_ j: Int) -> Formula { .symbol("c", sub: .integer(j)) }

    /// A point or centroid: a number in 1-D, a vector otherwise.
    func point(_ x: [Double]) -> Formula { x.count == 1 ? .number(x[0]) : .vector(x) }

    /// d_ij = Σ_d (x_id − c_jd)², or (x_i − c_j)² in 1-D.
    var distanceRule: Formula {
        let ij: Formula = .apply(.list, ["i", "j"])
        if dimensions == 1 { return .symbol("d", sub: ij) .= .pow(.symbol("x", sub: "i") - .symbol("c", sub: "j"), 2) }
        return .symbol("d", sub: ij)
            .= .sum(over: "d", .pow(.symbol("x", sub: .apply(.list, ["i", "d"])) - .symbol("c", sub: .apply(.list, ["j", "d"])), 2))
    }

    /// (2 − 5)² + (10 − 8)²
    func squares(_ x: [Double], _ c: [Double]) -> Formula {
        .sum(zip(x, c).map { .pow(.number($0) - .number($1), 2) })
    }

    var assignmentRule: Formula { .symbol("a", sub: "i") .= .call("argmin", .symbol("d", sub: .apply(.list, ["i", "j"]))) }
    var sizeRule: Formula { .symbol("n", sub: "j") .= .call("count", .symbol("a", sub: "i") .= "j") }
    var inertiaRule: Formula { "J" .= .sum(over: "i", .symbol("d", sub: .apply(.list, ["i", .symbol("a", sub: "i")]))) }

    /// c_j = (1/n_j) Σ_{a_i = j} x_i
    var updateRule: Formula {
        .symbol("c", sub: "j") .= .frac(.sum(over: .symbol("a", sub: "i") .= "j", .symbol("x", sub: "i")), .symbol("n", sub: "j"))
    }
}
