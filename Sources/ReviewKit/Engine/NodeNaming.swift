/// Chooses display names and ids for the nodes of a graph.
///
/// Naming is structural (it depends only on the graph and the variable names),
/// so it lives in the engine: every renderer then shows the same z1, z2, ….
///
/// - Inputs keep their variable names.
/// - The output takes the source's `name =`, else "f" ("out" if "f" is a variable).
/// - Other operation nodes are "z" if there is one, else "z1", "z2", … in
///   computation order; if a variable (or the output) is called `z` or
///   `z<digits>`, the first free prefix of u, v, h, q, a, t is used instead.
/// - Constants have no name; their id is "c<index>".
extension ComputationGraph {
    /// Prefixes tried, in order, for intermediate nodes.
    public static let intermediatePrefixes = ["z", "u", "v", "h", "q", "a", "t"]

    mutating func assignNames() {
        let variables = Set(expression.variablesInOrderOfFirstAppearance)
        outputName = expression.outputName ?? (variables.contains("f") ? "out" : "f")
        var taken = variables
        taken.insert(outputName)

        let output = outputIndex
        let intermediateCount = nodes.indices.filter { $0 != output && nodes[$0].isOperation }.count
        let prefix = Self.freePrefix(Self.intermediatePrefixes, avoiding: taken)
        let constantPrefix = Self.freePrefix(["c", "k", "const"], avoiding: taken.union([prefix]))

        var counter = 0
        for index in nodes.indices {
            switch nodes[index].kind {
            case .input(let name):
                nodes[index].name = name
            case .constant:
                nodes[index].name = nil
            case .operation:
                if index == output {
                    nodes[index].name = outputName
                } else {
                    counter += 1
                    nodes[index].name = intermediateCount == 1 ? prefix : "\(prefix)\(counter)"
                }
            }
            nodes[index].id = nodes[index].name ?? "\(constantPrefix)\(index)"
        }
    }

    /// The first prefix `p` such that no name in `taken` is `p` or `p` followed by digits.
    /// Falls back to appending underscores to the first prefix, which always ends.
    static func freePrefix(_ candidates: [String], avoiding taken: Set<String>) -> String {
        func collides(_ prefix: String) -> Bool {
            taken.contains { name in
                guard name.hasPrefix(prefix) else { return false }
                let rest = name.dropFirst(prefix.count)
                return rest.allSatisfy { $0.isASCII && $0.isNumber }
            }
        }
        if let free = candidates.first(where: { !collides($0) }) { return free }
        var prefix = candidates[0] + "_"
        while collides(prefix) { prefix += "_" }
        return prefix
    }
}
