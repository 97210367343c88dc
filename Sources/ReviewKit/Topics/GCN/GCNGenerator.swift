/// Makes exam-like graph-convolution problems a student can do by hand: a
/// small connected graph (3–5 nodes), 2–3 integer features per node, a small
/// integer W, and degrees small enough that 1/√(d_i d_j) has a neat exact
/// form.
///
/// Difficulty: easy is 3–4 nodes with `none` or `row` normalisation and no
/// bias (3 nodes alone give only four connected graphs, so a class saw the
/// same few again and again); standard is 3–4 nodes, mostly `symmetric`, sometimes a bias or an
/// edge list; hard is 4–5 nodes, 2–3 features, a bias, any activation, and
/// sometimes a directed graph (row-normalised, self loops on) or self loops
/// off. Every node has at least one neighbour, so no degree is ever 0 and
/// node 0 always gathers from someone.
enum GCNGenerator: ProblemGenerator {
    static func generate(_ random: inout RandomSource, difficulty: Difficulty) -> GCNTopic.Problem {
        random.firstAccepted(tries: 200, { candidate(&$0, difficulty: difficulty) }, where: isHandSolvable)
            ?? candidate(&random, difficulty: difficulty)
    }

    private static func candidate(_ random: inout RandomSource, difficulty: Difficulty) -> GCNTopic.Problem {
        let n: Int
        let d: Int
        let width: Int
        var normalization: GCNTopic.Normalization
        var activation = OptionalActivation.relu
        var useEdges = false
        var directed = false
        var selfLoops = true
        var hasBias = false
        switch difficulty {
        case .easy:
            n = random.chance(0.5) ? 3 : 4
            d = 2
            width = 2
            normalization = random.pick([.none, .row])
        case .standard:
            n = random.int(in: 3...4)
            d = 2
            width = 2
            normalization = random.chance(0.75) ? .symmetric : .row
            hasBias = random.chance(0.5)
            useEdges = random.chance(0.3)
        case .hard:
            n = random.int(in: 4...5)
            d = random.int(in: 2...3)
            width = random.int(in: 2...3)
            normalization = random.chance(0.8) ? .symmetric : .row
            activation = random.pick([.relu, .relu, .tanh, .sigmoid])
            hasBias = true
            useEdges = random.chance(0.5)
            directed = random.chance(0.25)
            if directed {
                normalization = .row
            } else {
                selfLoops = !random.chance(0.2)
            }
        }
        let edges = graph(&random, nodes: n, directed: directed, extra: difficulty == .easy ? 0.2 : 0.3)
        let features = random.integers(rows: n, columns: d, in: -2...3)
        let weights = random.integers(rows: d, columns: width, in: -2...2)
        let bias = hasBias ? random.integers(width, in: -1...1) : nil
        var problem = GCNTopic.Problem(
            graph: .edges(nodes: n, edges), directed: directed, features: features, weights: weights, bias: bias,
            selfLoops: selfLoops, normalization: normalization, activation: activation)
        if !useEdges { problem.graph = .adjacency(GCNSolver.adjacency(problem)) }
        return problem
    }

    /// A random connected graph: a random tree over shuffled labels (so node
    /// 0 is not always the hub), plus each remaining pair with probability
    /// `extra`. Directed graphs orient each tree edge at random and sometimes
    /// add the reverse. Edges come sorted, as a student would list them.
    private static func graph(_ random: inout RandomSource, nodes n: Int, directed: Bool, extra: Double)
        -> [GCNTopic.Edge]
    {
        let labels = random.shuffled(Array(0..<n))
        var pairs = Set<[Int]>()
        func add(_ u: Int, _ v: Int) {
            pairs.insert(directed ? [u, v] : [min(u, v), max(u, v)])
        }
        for i in 1..<n {
            let (u, v) = (labels[i], labels[random.int(in: 0...i - 1)])
            if directed {
                random.chance(0.5) ? add(u, v) : add(v, u)
                if random.chance(0.3) { random.chance(0.5) ? add(v, u) : add(u, v) }
            } else {
                add(u, v)
            }
        }
        for u in 0..<n {
            for v in (u + 1)..<n where !pairs.contains([u, v]) && !pairs.contains([v, u]) && random.chance(extra) {
                directed && random.chance(0.5) ? add(v, u) : add(u, v)
            }
        }
        return pairs.sorted { $0.lexicographicallyPrecedes($1) }.map { GCNTopic.Edge(from: $0[0], to: $0[1], weight: nil) }
    }

    /// Small numbers, something for ReLU to clip and something it keeps, and
    /// not a star so dense that every node looks alike.
    static func isHandSolvable(_ problem: GCNTopic.Problem) -> Bool {
        guard let solution = try? GCNSolver.solve(problem) else { return false }
        // A degenerate draw teaches nothing: a triangle with row
        // normalisation averages every node over all three, so every row of
        // H′ is the same (issue 16). At least two rows must differ.
        guard Set(solution.output).count >= 2 else { return false }
        // The sheet works node 0 by hand; it should gather from a neighbour,
        // not only from itself (possible in a directed graph).
        guard solution.adjacency[0].indices.contains(where: { $0 != 0 && solution.adjacency[0][$0] != 0 }) else { return false }
        let z = solution.preActivation.flatMap { $0 }
        guard z.allSatisfy({ abs($0) <= 30 }), z.contains(where: { $0 != 0 }) else { return false }
        guard !problem.features.contains(where: { $0.allSatisfy { $0 == 0 } }) else { return false }
        guard let w = problem.weights, !(0..<(w.first?.count ?? 0)).contains(where: { k in w.allSatisfy { $0[k] == 0 } })
        else { return false }
        if problem.activation == .relu {
            return z.contains { $0 > 0 } && z.contains { $0 < 0 }
        }
        return true
    }
}
