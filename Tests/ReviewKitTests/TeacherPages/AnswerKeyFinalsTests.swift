import Foundation
import Testing
@testable import ReviewKit

/// Issue 16: the printed answer key is a page of final answers, what a
/// grader marks (`Topic.finalAnswers`), not every intermediate value; the
/// JSON key keeps them all.
@Suite struct AnswerKeyFinalsTests {
    private func parse(_ text: String) throws -> JSONValue {
        try JSONParser.parse(Array(text.utf8))
    }

    private func packageRoot(filePath: String = #filePath) -> URL {
        var url = URL(fileURLWithPath: filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url
    }

    // MARK: - The declaration

    @Test func aPathKeepsItsSubtreeAndEveryIndexReadsAsBefore() throws {
        let answers = try parse("""
            {"updates": [{"old_q": 1, "new_q": 2}, {"old_q": 3, "new_q": 4}], "q": {"s": {"a": 2}},
             "layers": [{"w": 1, "g": [[1, 2], [3, 4]]}, {"w": 5, "g": [[6]]}], "value": 7}
            """)
        let updates: FinalAnswers = ["updates[].new_q"]
        #expect(updates.select(answers) == (try parse(#"{"updates": [{"new_q": 2}, {"new_q": 4}]}"#)))
        let second: FinalAnswers = ["layers[1].g", "value"]
        let picked = try #require(second.select(answers))
        // The first layer becomes null, so the second keeps its index: paths read as in the full answers.
        #expect(AnswerLeaves(picked).paths == ["layers[1].g[0][0]", "value"])
        let whole: FinalAnswers = ["layers[].g"]
        #expect(AnswerLeaves(try #require(whole.select(answers))).paths
            == ["layers[0].g[0][0]", "layers[0].g[0][1]", "layers[0].g[1][0]", "layers[0].g[1][1]", "layers[1].g[0][0]"])
        #expect(FinalAnswers.all.select(answers) == answers)
    }

    @Test func anAlternativeTakesTheFirstTheAnswersHaveAndAMissingPathSelectsNothing() throws {
        let pooled = try parse(#"{"activated": [[1]], "pooled": [[2]]}"#)
        let unpooled = try parse(#"{"activated": [[1]]}"#)
        let finals: FinalAnswers = ["pooled | activated", "new_loss"]
        #expect(finals.select(pooled) == (try parse(#"{"pooled": [[2]]}"#)))
        #expect(finals.select(unpooled) == (try parse(#"{"activated": [[1]]}"#)))
        #expect(finals.unmatched(unpooled) == [1])
        let nothing: FinalAnswers = ["missing"]
        #expect(nothing.select(unpooled) == nil)
    }

    /// Every registered topic declares its final answers, every declared
    /// path is one its answers have (for some generated problem: `new_loss`
    /// only comes with a learning rate), every generated problem has at
    /// least one final answer, and for a topic with intermediate values the
    /// key shows fewer numbers than the JSON.
    @Test func everyTopicDeclaresFinalAnswersItsAnswersHave() throws {
        #expect(TopicRegistry.all.count == TopicRegistry.names.count)
        for topic in TopicRegistry.all {
            let finals = topic.finalAnswers
            let entries = try #require(finals.entries, "\(topic.name) declares no final answers")
            #expect(!entries.isEmpty, "\(topic.name)")
            var matched = Set<Int>()
            var fewer = false
            for difficulty in Difficulty.allCases {
                for seed: UInt64 in 1...8 {
                    for problem in try ProblemSolver.generate(topic: topic.name, count: 2, seed: seed, difficulty: difficulty) {
                        let chosen = finals.select(problem.answers)
                        #expect(chosen != nil, "\(topic.name) \(difficulty) seed \(seed): no final answer")
                        let unmatched = Set(finals.unmatched(problem.answers))
                        matched.formUnion(Set(entries.indices).subtracting(unmatched))
                        if let chosen, AnswerLeaves(chosen).leaves.count < AnswerLeaves(problem.answers).leaves.count {
                            fewer = true
                        }
                    }
                }
            }
            #expect(matched == Set(entries.indices), "\(topic.name): never in the answers: \(Set(entries.indices).subtracting(matched).map { entries[$0] })")
            // Only these topics' answers are all final (backprop: f and ∇f; softmax: p, L, ∂L/∂z;
            // activation: f, f′ and the chain factor; concepts: the letter).
            let allFinal = ["backprop", "softmax", "activation", "concepts"]
            #expect(fewer != allFinal.contains(topic.name), "\(topic.name): fewer answers in the key: \(fewer)")
        }
    }

    /// The README's table of final answers names every path each topic declares.
    @Test func theReadmeTableListsEveryTopicsFinalAnswers() throws {
        let readme = try String(contentsOf: packageRoot().appendingPathComponent("README.md"), encoding: .utf8)
        let table = try #require(readme.components(separatedBy: "| topic | final answers in the printed key |").dropFirst().first)
        let rows = table.components(separatedBy: "\n").dropFirst().prefix { $0.hasPrefix("|") }
        for topic in TopicRegistry.all {
            let row = try #require(rows.first { $0.hasPrefix("| \(topic.name) |") }, "\(topic.name) has no row")
            for alternatives in topic.finalAnswers.entries ?? [] {
                for path in alternatives {
                    let written = path.map { step -> String in
                        switch step {
                        case .key(let key): ".\(key)"
                        case .index(let index): "[\(index)]"
                        case .everyIndex: "[]"
                        }
                    }.joined().dropFirst()
                    #expect(row.contains("`\(written)`"), "\(topic.name): \(written)")
                }
            }
        }
    }

    // MARK: - The class's key

    /// The final review of problems/handout-final-review.json (30 students;
    /// backprop ×2, conv ×2, gcn, bellman, softmax and the notes' two
    /// classics): the printed key names only what a grader marks, written
    /// out here per topic (not read from the declarations), and the JSON
    /// key still has every intermediate value.
    @Test(arguments: ["en", "zh"])
    func theClassKeyShowsOnlyFinalAnswers(language: String) throws {
        let folder = try HandoutFolder()
        let root = packageRoot()
        for name in ["backprop-notes-x-times-x-plus-y.json", "conv-notes-32x32.json"] {
            try folder.write(try String(contentsOf: root.appendingPathComponent("problems/\(name)"), encoding: .utf8), to: name)
        }
        var text = try String(contentsOf: root.appendingPathComponent("problems/handout-final-review.json"), encoding: .utf8)
        text = text.replacingOccurrences(of: #""formats": ["html", "md", "json"]"#, with: #""formats": ["md", "latex", "json"]"#)
            .replacingOccurrences(of: #""lang": "en""#, with: #""lang": "\#(language)""#)
        let handout = try folder.handout(text)
        #expect(handout.students.count == 30)
        let files = try HandoutBuilder.build(handout).byPath
        let md = try #require(files["answer-key.md"])
        let key = try parse(try #require(files["answer-key.json"]))

        // The JSON key is the contract: every intermediate value is still there.
        #expect(key.at("students", 0, "results", 2, "answers", "layers", 0, "params") != nil)
        #expect(key.at("students", 0, "results", 4, "answers", "normalized_adjacency") != nil)
        #expect(key.at("students", 0, "results", 5, "answers", "updates", 0, "td_target") != nil)

        // The printed key names none of them.
        for intermediate in ["layers[", "weights", "biases", "degrees", "normalized", "aggregated",
                             "pre\\_activation", "old\\_q", "td\\_", "\\text{q."] {
            #expect(!md.contains(intermediate), "\(intermediate)")
        }

        // The notes' classics are the same for everyone: once, above the blocks, with the
        // published numbers (x·(x + y) at x = 2, y = 1: f = 6, ∂f/∂x = 2x + y = 5, ∂f/∂y = x = 2;
        // 32×32×3 through six 5×5×3 kernels: 28×28×6 and 6·(5·5·3 + 1) = 456 parameters).
        let parts = md.components(separatedBy: "\n### ")
        let head = parts[0], blocks = Array(parts.dropFirst())
        #expect(head.contains("**8.** $\\text{value} = 6$"))
        #expect(head.contains("$\\text{gradient.x} = 5$") && head.contains("$\\text{gradient.y} = 2$"))
        #expect(head.contains("**9.** $\\text{output} = 28 \\times 28 \\times 6$"))
        #expect(head.contains("$\\text{total\\_params} = 456$"))
        #expect(head.contains("answer-key.json"))
        #expect(blocks.count == 30)

        for (index, block) in blocks.enumerated() {
            let student = handout.students[index]
            let code = VariantCode(handoutSeed: handout.seed, studentID: student.id).description
            #expect(block.hasPrefix("\(student.paddedNumber) · \(code)\n"))
            let rows = block.components(separatedBy: "\n").filter { $0.contains("- **") }
            #expect(rows.count == 7, "student \(index + 1): \(rows.count) rows")
            for (k, row) in rows.enumerated() {
                #expect(row.contains("- **\(k + 1).** "))
                let answers = try #require(key.at("students", index, "results", k, "answers"))
                let topic = key.at("students", index, "results", k, "topic")
                let expected: [String]
                switch topic {
                case .string("backprop")?:
                    guard case .object(let members)? = answers["gradient"]?.kind else { Issue.record("gradient"); continue }
                    expected = ["value"] + members.map { "gradient.\($0.key)" }
                case .string("conv")?: expected = ["output", "total\\_params"]
                case .string("gcn")?: expected = ["output"]
                case .string("bellman")?:
                    guard case .array(let updates)? = answers["updates"]?.kind else { Issue.record("updates"); continue }
                    expected = updates.indices.map { "updates[\($0)].new\\_q" }
                case .string("softmax")?: expected = ["probabilities", "loss", "gradient"]
                default: Issue.record("unexpected topic \(String(describing: topic))"); continue
                }
                #expect(names(row) == expected, "student \(index + 1) problem \(k + 1): \(row)")
            }
        }

        // Numbers at the precision a grader needs: 4 significant figures, as the sheets show them.
        for number in decimals(md) {
            #expect(significantDigits(number) <= 4, "\(number)")
        }
        let tex = try #require(files["answer-key.tex"])
        #expect(tex.contains("\\begin{answerkey}") && tex.contains("\\usepackage{multicol}"))
        #expect(tex.components(separatedBy: "\\begin{keystudent}").count - 1 == 30)
    }

    /// The answer names of one key row: `\text{name} = …`.
    private func names(_ row: String) -> [String] {
        row.components(separatedBy: "$\\text{").dropFirst().compactMap { piece in
            piece.range(of: "} = ").map { String(piece[..<$0.lowerBound]) }
        }
    }

    /// Every decimal number with a point in `text` (`0.5094`, `-3.074`).
    private func decimals(_ text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: #"[0-9]+\.[0-9]+"#)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range, in: text).map { String(text[$0]) }
        }
    }

    private func significantDigits(_ number: String) -> Int {
        let digits = number.filter(\.isNumber).drop { $0 == "0" }
        return digits.count
    }
}
