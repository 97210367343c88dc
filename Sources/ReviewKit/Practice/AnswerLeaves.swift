/// The numbers of an `answers` object, each with its path as a student
/// writes it (`gradient.x`, `layers[0].params`, `output[1][0]`): what
/// `review diagnose` checks an answer against.
struct AnswerLeaves: Sendable {
    struct Leaf: Sendable {
        var path: String
        var value: Double
    }

    var leaves: [Leaf]

    init(_ answers: JSONValue) {
        var leaves: [Leaf] = []
        Self.collect(answers, at: .root, into: &leaves)
        self.leaves = leaves
    }

    /// The number at `path`, if the answers have one there.
    func value(at path: String) -> Double? {
        leaves.first { $0.path == path }?.value
    }

    var paths: [String] { leaves.map(\.path) }

    private static func collect(_ value: JSONValue, at path: JSONPath, into leaves: inout [Leaf]) {
        switch value.kind {
        case .number(let number, _): leaves.append(Leaf(path: path.description, value: number))
        case .array(let items):
            for (i, item) in items.enumerated() { collect(item, at: path.appending(index: i), into: &leaves) }
        case .object(let members):
            for member in members { collect(member.value, at: path.appending(key: member.key), into: &leaves) }
        case .null, .bool, .string: break
        }
    }
}
