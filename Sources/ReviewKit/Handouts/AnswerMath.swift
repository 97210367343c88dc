/// A problem's final answers as the answer key sets them: one item per
/// answer, its name as plain text and its value as LaTeX math, laid out as
/// a student writes it on the question sheet (the grouping of
/// `PracticeForm.groups`, as the sheet's blank boxes): a number, a vector
/// `(a, b, c)`, a matrix as a matrix, a conv shape as `H \times W \times C`;
/// a deeper array (convolve's F × h × w maps) as a matrix per leading index.
///
/// Read from the JSON answers, not per topic, so every topic's key is set
/// as math without code of its own; numbers as the sheets show them
/// (`NumberPolicy`: 4 significant figures, integers exact), but always as
/// decimals: a grader compares digits, and a fraction in a matrix doubles
/// the height of its row.
enum AnswerMath {
    struct Item: Sendable, Equatable {
        /// The answer's path (`gradient.x`, `layers[0].output`), as the
        /// question sheet's boxes are labelled.
        var name: String
        /// LaTeX math, without `$`.
        var value: String
    }

    /// The answers `topic` declares final (`Topic.finalAnswers`), as the
    /// printed key shows them; all of them if the topic's declaration
    /// selects none.
    static func finalItems(_ answers: JSONValue, topic: String) -> [Item] {
        let finals = TopicRegistry.topic(named: topic)?.finalAnswers ?? .all
        return items(finals.select(answers) ?? answers, topic: topic)
    }

    static func items(_ answers: JSONValue, topic: String) -> [Item] {
        let writer = LaTeXFormulaWriter(policy: NumberPolicy(maxDenominator: 0))
        return groups(AnswerLeaves(answers).leaves).map { group in
            let rows = group.rows.map { row in row.map { writer.write(.number($0)) } }
            let isShape = topic == ConvTopic.name && group.name.hasSuffix("output")
            return Item(name: group.name, value: latex(rows, isShape: isShape))
        } + wordAnswers(answers)
    }

    /// Leaves that differ only in their last one or two indices are one
    /// vector or matrix, as in `PracticeForm.groups`; of a deeper array
    /// (`activated[f][i][j]`) the last two, so each leading index is one
    /// matrix named by it (`activated[0]`), where the practice page has a box
    /// per number.
    private static func groups(_ leaves: [AnswerLeaves.Leaf]) -> [(name: String, rows: [[Double]])] {
        var groups: [(name: String, rows: [[Double]])] = []
        for leaf in leaves {
            var name = Substring(leaf.path)
            var indices: [Int] = []
            while name.hasSuffix("]"), let open = name.lastIndex(of: "["),
                  let index = Int(name[name.index(after: open)..<name.index(before: name.endIndex)]) {
                indices.insert(index, at: 0)
                name = name[..<open]
            }
            let leading = indices.dropLast(2).map { "[\($0)]" }.joined()
            let key = String(name) + leading
            indices = Array(indices.suffix(2))
            if let last = groups.last, last.name == key, !indices.isEmpty {
                if indices.count == 2, indices[1] == 0 {
                    groups[groups.count - 1].rows.append([leaf.value])
                } else {
                    groups[groups.count - 1].rows[groups[groups.count - 1].rows.count - 1].append(leaf.value)
                }
            } else {
                groups.append((key, [[leaf.value]]))
            }
        }
        return groups
    }

    /// The answers that are not numbers (`concepts`): the letter of a
    /// multiple-choice question (`choice = B`, several as `(B, D)`), and for
    /// a short-answer question the bank items whose key points the
    /// solution sheet lists, so the grader knows which guide to take.
    private static func wordAnswers(_ answers: JSONValue) -> [Item] {
        guard case .object(let members) = answers.kind else { return [] }
        var items: [Item] = []
        for member in members {
            switch (member.key, member.value.kind) {
            case ("choice", .string(let letter)):
                items.append(Item(name: "choice", value: text(letter)))
            case ("choice", .array(let letters)):
                let all = letters.compactMap { if case .string(let letter) = $0.kind { text(letter) } else { nil } }
                items.append(Item(name: "choice", value: latex([all], isShape: false)))
            case ("key_points", .array(let points)):
                let ids = points.compactMap { point -> String? in
                    guard case .object(let fields) = point.kind,
                        let item = fields.first(where: { $0.key == "item" }), case .string(let id) = item.value.kind
                    else { return nil }
                    return text(id)
                }
                items.append(Item(name: "key_points", value: latex([ids], isShape: false)))
            default:
                break
            }
        }
        return items
    }

    /// Text inside math, with the characters TeX reads as commands escaped.
    static func text(_ raw: String) -> String {
        "\\text{" + raw.map { c in
            switch c {
            case "_", "&", "%", "#", "$", "{", "}": "\\\(c)"
            case "\\", "^", "~": " "
            default: String(c)
            }
        }.joined() + "}"
    }

    /// `\text{name} = value`: one unbreakable piece of math, so a name is
    /// never split from its value at a line end. Characters TeX reads as
    /// commands in text (a bellman state named `s_1` or `a&b`) are escaped.
    static func equation(_ item: Item) -> String {
        "\(text(item.name)) = \(item.value)"
    }

    /// One number, `(a, b)`, `a \times b \times c`, or a `bmatrix`.
    static func latex(_ rows: [[String]], isShape: Bool) -> String {
        if isShape { return rows.flatMap { $0 }.joined(separator: " \\times ") }
        if rows.count == 1 {
            let row = rows[0]
            return row.count == 1 ? row[0] : "(" + row.joined(separator: ", ") + ")"
        }
        return "\\begin{bmatrix} " + rows.map { $0.joined(separator: " & ") }.joined(separator: " \\\\ ")
            + " \\end{bmatrix}"
    }
}
