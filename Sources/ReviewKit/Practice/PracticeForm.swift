/// The answer boxes of one problem on a practice page, and what the page's
/// script needs to check them offline: each box's right value, the values
/// each applicable slip gives there, and the slips' wording in the sheet's
/// language. Built here (numbers and words); written as HTML by
/// `Rendering/PracticeFormHTML`.
struct PracticeForm: Sendable, Equatable {
    /// One labelled box.
    struct Box: Sendable, Equatable {
        var path: String
        var label: String
    }

    /// The boxes of one answer: a number, a vector (one row), a matrix
    /// (rows), or a shape written H × W × C.
    struct Group: Sendable, Equatable {
        var name: String
        var rows: [[Box]]
        var isShape: Bool
    }

    /// 1-based, for element ids unique on the page.
    var number: Int
    var groups: [Group]
    /// Multiple-choice questions (`concepts`): one set of options each.
    var choices: [ChoiceQuestion]
    /// `{"answers": {path: value}, "slips": [{"id", "text", "step", "steps": {path: step}, "values": {path: [value…]}}],
    /// "choices": {path: {"right": letter, "why": {letter: text}}}}`,
    /// compact JSON for the page's script.
    var data: String

    init(_ problem: WorkedProblem, number: Int, templates: TemplateLibrary) {
        self.number = number
        let leaves = AnswerLeaves(problem.answers).leaves
        groups = Self.groups(leaves, topic: problem.topic)
        choices = problem.choices(templates.language)
        let steps = Dictionary(problem.steps.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let slips: [JSONValue] = problem.slips().map { slip in
            var values: [(String, JSONValue)] = []
            for leaf in leaves {
                let wrong = slip.answers.compactMap { $0.value(at: leaf.path) }.filter {
                    abs($0 - leaf.value) > 1e-9 * max(1, abs(leaf.value))
                }
                if !wrong.isEmpty { values.append((leaf.path, .array(wrong.map { .number($0) }))) }
            }
            let verdict = AnswerVerdict(path: "", given: 0, typed: "", expected: 0, isRight: false, slip: slip.id,
                                        slipContext: slip.context)
            func shown(_ id: String) -> JSONValue { .string(steps[id].map { "\(id): \($0.formula)" } ?? id) }
            // The slip's step with its formula, and a closer one (its id only, to keep
            // the page small) for the paths whose step is another.
            let closer = values.compactMap { path, _ in
                slip.stepOfPath[path].flatMap { $0 == slip.step ? nil : (path, JSONValue.string($0)) }
            }
            return .object([
                ("id", .string(slip.id)),
                ("text", .string(DiagnosisReport.explanation(verdict, topic: problem.topic, templates))),
                ("step", shown(slip.step)),
                ("steps", .object(closer)),
                ("values", .object(values)),
            ])
        }
        // Per choice path: the right letter and why each option is right or wrong.
        let choiceData: [(String, JSONValue)] = choices.map { choice in
            (choice.path, .object([
                ("right", .string(choice.right.letter)),
                ("why", .object(choice.options.map { ($0.letter, .string($0.explanation)) })),
            ]))
        }
        var members: [(String, JSONValue)] = [
            ("answers", .object(leaves.map { ($0.path, .number($0.value)) })),
            ("slips", .array(slips)),
        ]
        if !choiceData.isEmpty { members.append(("choices", .object(choiceData))) }
        data = JSONWriter.compact(.object(members))
    }

    /// Leaves that differ only in their last one or two indices share a
    /// group: `gradient[0]`, `gradient[1]` are one vector; `output[i][j]`
    /// one matrix. Conv's shapes (`output`, `layers[0].output`) read H × W × C.
    /// Printed question sheets lay out their blank boxes the same way (`AnswerBoxes`).
    static func groups(_ leaves: [AnswerLeaves.Leaf], topic: String) -> [Group] {
        var groups: [Group] = []
        for leaf in leaves {
            let (name, indices) = split(leaf.path)
            let box = Box(path: leaf.path, label: leaf.path)
            if let last = groups.last, last.name == name, !indices.isEmpty {
                if indices.count == 2, indices[1] == 0 {
                    groups[groups.count - 1].rows.append([box])
                } else {
                    groups[groups.count - 1].rows[groups[groups.count - 1].rows.count - 1].append(box)
                }
            } else {
                let isShape = topic == "conv" && name.hasSuffix("output")
                groups.append(Group(name: name, rows: [[box]], isShape: isShape))
            }
        }
        return groups
    }

    /// `output[1][0]` → (`output`, [1, 0]); `layers[0].params` → itself, [].
    private static func split(_ path: String) -> (String, [Int]) {
        var name = Substring(path)
        var indices: [Int] = []
        while name.hasSuffix("]"), let open = name.lastIndex(of: "["),
              let index = Int(name[name.index(after: open)..<name.index(before: name.endIndex)]) {
            indices.insert(index, at: 0)
            name = name[..<open]
        }
        return (String(name), indices.count > 2 ? [] : indices)
    }
}
