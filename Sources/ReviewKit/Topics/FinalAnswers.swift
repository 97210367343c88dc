/// The answers a grader marks on a paper exam, as a topic declares them
/// (`Topic.finalAnswers`): backprop's value and gradients, not every node's;
/// conv's output shape and total, not every layer's. The printed answer key
/// shows only these; `answer-key.json` and the solution sheets keep every
/// intermediate value.
///
/// Each entry is a path into the topic's `answers`: keys joined by `.`,
/// `[]` for every element of an array, `[n]` for one (`"value"`,
/// `"updates[].new_q"`, `"layers[0].grad_weights"`); a key names its whole
/// subtree. `"pooled | activated"` takes the first alternative the answers
/// have (convolve's pooled map when there is a pool, else the activated
/// one). An entry the answers lack selects nothing, so optional answers
/// (`new_loss` only with a learning rate) can be declared.
struct FinalAnswers: Sendable, Equatable, ExpressibleByArrayLiteral {
    /// One step of a path.
    enum Step: Sendable, Equatable {
        case key(String)
        case index(Int)
        case everyIndex
    }

    /// nil: every answer (the default for a topic that declares nothing).
    let entries: [[[Step]]]?

    static let all = FinalAnswers(entries: nil)

    private init(entries: [[[Step]]]?) {
        self.entries = entries
    }

    init(arrayLiteral paths: String...) {
        entries = paths.map { entry in
            entry.split(separator: "|").map { Self.steps(String($0)) }
        }
    }

    /// `updates[].new_q` → key updates, every index, key new_q.
    static func steps(_ path: String) -> [Step] {
        var steps: [Step] = []
        for part in path.trimmingWhitespace().split(separator: ".") {
            var rest = Substring(part)
            if let open = rest.firstIndex(of: "[") {
                if open > rest.startIndex { steps.append(.key(String(rest[..<open]))) }
                rest = rest[open...]
                while rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
                    let inside = rest[rest.index(after: rest.startIndex)..<close]
                    steps.append(Int(inside).map(Step.index) ?? .everyIndex)
                    rest = rest[rest.index(after: close)...]
                }
            } else {
                steps.append(.key(String(rest)))
            }
        }
        return steps
    }

    /// The answers with only the final ones left, the top-level ones in the
    /// order declared: nested objects keep the chosen members in their
    /// order, arrays keep their length (an element not chosen becomes null,
    /// which has no leaves), so every path reads as in the full answers.
    /// nil when nothing is chosen.
    func select(_ answers: JSONValue) -> JSONValue? {
        guard let entries else { return answers }
        let chosen = entries.compactMap { alternatives in
            alternatives.first { Self.prune(answers, [$0]) != nil }
        }
        guard let kept = Self.prune(answers, chosen), case .object(let members) = kept.kind else {
            return Self.prune(answers, chosen)
        }
        // The key reads in the order declared (mlp: output and loss before the gradients).
        func rank(_ key: String) -> Int { chosen.firstIndex { $0.first == .key(key) } ?? chosen.count }
        let ordered = members.enumerated().sorted { (rank($0.element.key), $0.offset) < (rank($1.element.key), $1.offset) }
        return JSONValue(.object(ordered.map(\.element)))
    }

    /// Which entries select nothing from `answers` (for tests: a declared
    /// final answer the topic never gives is a typo).
    func unmatched(_ answers: JSONValue) -> [Int] {
        guard let entries else { return [] }
        return entries.indices.filter { i in entries[i].allSatisfy { Self.prune(answers, [$0]) == nil } }
    }

    private static func prune(_ value: JSONValue, _ paths: [[Step]]) -> JSONValue? {
        if paths.isEmpty { return nil }
        if paths.contains(where: \.isEmpty) { return value }
        switch value.kind {
        case .object(let members):
            let kept: [(String, JSONValue)] = members.compactMap { member in
                let rest = paths.compactMap { path -> [Step]? in
                    path.first == .key(member.key) ? Array(path.dropFirst()) : nil
                }
                return prune(member.value, rest).map { (member.key, $0) }
            }
            return kept.isEmpty ? nil : .object(kept)
        case .array(let items):
            let kept = items.enumerated().map { index, item in
                prune(item, paths.compactMap { path -> [Step]? in
                    path.first == .everyIndex || path.first == .index(index) ? Array(path.dropFirst()) : nil
                })
            }
            return kept.allSatisfy { $0 == nil } ? nil : .array(kept.map { $0 ?? .null })
        default:
            return nil
        }
    }
}
