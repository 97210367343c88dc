import Foundation
import Testing
@testable import ReviewKit

/// Issue 16, items 5 and 6: a problem with random `outcomes` (and α = 1)
/// is the course's Q-value iteration, worded as a Bellman backup with no α
/// and no TD error; γ is named 折扣因子 and, as the notes say, 奖励衰减因子;
/// and every bellman sheet draws the problem's transitions, in every
/// language and format.
@Suite struct BellmanBackupSheetTests {
    private func sheet(_ json: String, _ format: OutputFormat = .md, _ language: String = "en") throws -> String {
        var options = Sheet.Options()
        options.format = format
        options.language = language
        return Sheet(problems: try solve(json: json), options: options).render()
    }

    private func file(_ name: String, filePath: String = #filePath) throws -> String {
        var url = URL(fileURLWithPath: filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return try String(contentsOf: url.appendingPathComponent("problems/\(name).json"), encoding: .utf8)
    }

    @Test func randomOutcomesAreABellmanBackupWithoutAlphaOrTDError() throws {
        let stochastic = try file("bellman-stochastic-backup")
        let en = try sheet(stochastic), zh = try sheet(stochastic, .md, "zh")
        for text in [en, zh] {
            #expect(!text.contains(#"\alpha"#))
            #expect(!text.contains("TD error") && !text.contains("TD 误差"))
            // The sheet's heading names the topic ("Bellman backups and Q-learning updates"); the problem never does.
            let body = text.split(separator: "\n").dropFirst().joined(separator: "\n")
            #expect(!body.contains("Q-learning") && !body.contains("Q 学习"))
            #expect(text.contains(#"Q_{i+1}(s,a) = \mathbb{E}"#))
        }
        #expect(en.contains("Q-value iteration, the Bellman backup"))
        #expect(zh.contains("Q 值迭代") && zh.contains("贝尔曼备份"))
        #expect(zh.contains("折扣因子") && zh.contains("奖励衰减因子"))
        // 0.8·(0 + 0.9·2) + 0.1·(0 + 0.9·0) + 0.1·(−1) = 1.34, by hand.
        #expect(en.contains(#"Q(\text{s1}, \text{right}) \leftarrow y = 1.34"#))
    }

    /// The JSON `steps` say what the sheet says: the backup target and the
    /// new entry, no TD error and no α; the answers keep `td_error`, as the
    /// contract lists it for every update.
    @Test func backupStepsHaveNoTDErrorButTheAnswersKeepIt() throws {
        let worked = try solve(json: try file("bellman-stochastic-backup"))[0]
        let steps = worked.steps.map(\.id)
        #expect(!steps.contains("updates[0].td_error"))
        let newQ = try #require(worked.steps.first { $0.id == "updates[0].new_q" })
        #expect(!newQ.formula.contains("alpha") && !newQ.formula.contains("delta"))
        guard case .number(let value, _) = newQ.value.kind else { Issue.record("new_q is not a number"); return }
        #expect(abs(value - 1.34) < 1e-12)
        let target = try #require(worked.steps.first { $0.id == "updates[0].td_target" })
        #expect(target.label.contains("Bellman backup"))
        // A plain Q-learning update still works through δ and α.
        let plain = try solve(json: try file("bellman-contract-example"))[0]
        #expect(plain.steps.contains { $0.id == "updates[0].td_error" })
        #expect(JSONWriter.pretty(worked.answers).contains("\"td_error\""))
    }

    @Test func withALearningRateTheBackupKeepsAlphaAndTheTDErrorButIsNotCalledQLearning() throws {
        let json = try file("bellman-stochastic-backup").replacingOccurrences(of: #""gamma": 0.9"#, with: #""gamma": 0.9, "alpha": 0.5"#)
        let en = try sheet(json)
        #expect(en.contains(#"\alpha = 0.5"#) && en.contains("TD error"))
        #expect(en.contains("It applies the Bellman backup with learning rate"))
        #expect(!en.contains("It learns with Q-learning"))
    }

    @Test func aDeterministicProblemStaysQLearning() throws {
        let en = try sheet(try file("bellman-contract-example"))
        #expect(en.contains("It learns with Q-learning") && en.contains("TD error"))
    }

    /// The transitions picture: in every language and format, an arrow per
    /// outcome labelled with its probability, and the episode's end drawn.
    @Test func everyBellmanSheetDrawsItsTransitions() throws {
        let stochastic = try file("bellman-stochastic-backup")
        for language in TemplateLibrary.languages {
            #expect(try sheet(stochastic, .html, language).contains(#"<svg xmlns="http://www.w3.org/2000/svg" class="transitions""#))
            #expect(try sheet(stochastic, .latex, language).contains(#"\begin{tikzpicture}"#))
            #expect(try sheet(stochastic, .md, language).contains("```mermaid"))
        }
        let figure = try #require(try figures(json: stochastic).first)
        for label in ["1: right, r = 0, p = 0.8", "1: right, r = 0, p = 0.1", "1: right, r = −1, p = 0.1"] {
            #expect(figure.svg.contains(label), "\(label)")
        }
        #expect(occurrences(of: " --> ", in: figure.mermaid) == 3)
        for name in ["bellman-contract-example", "bellman-rooms-three-updates", "bellman-sarsa-two-steps", "bellman-stackexchange-one-update"] {
            #expect(try figures(json: try file(name)).count == 1, "\(name)")
        }
    }
}
