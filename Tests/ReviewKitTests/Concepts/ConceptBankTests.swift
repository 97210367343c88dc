import Foundation
import Testing
@testable import ReviewKit

/// The question bank (`templates/shared/concepts/*.yaml`) is data a teacher
/// edits by hand: every item must be complete in both languages, sourced,
/// and a fair multiple-choice question.
@Suite struct ConceptBankTests {
    static let bank = ConceptBank.shared

    /// Every subject issue 23 names, and no other.
    static let subjects = [
        "activation", "attention", "cnn", "cost", "distillation", "gates", "generative", "gradients", "init",
        "output", "overfitting", "perceptron", "rl", "rnn", "schedule",
    ]

    @Test func theBankHasEverySubjectAndAtLeastSixtyItems() {
        #expect(Self.bank.subjectNames == Self.subjects)
        #expect(Self.bank.items.count >= 60)
        for subject in Self.bank.subjects {
            #expect(subject.items.count >= 3, "\(subject.subject) has only \(subject.items.count) items")
            #expect(!subject.title.en.isEmpty && !subject.title.zh.isEmpty)
        }
    }

    @Test func idsAreUniqueAndPromptsAreNotRepeated() {
        let ids = Self.bank.items.map(\.id)
        #expect(Set(ids).count == ids.count)
        for id in ids { #expect(id.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }, "\(id)") }
        for language in ["en", "zh"] {
            let prompts = Self.bank.items.map { $0.prompt.inLanguage(language) }
            #expect(Set(prompts).count == prompts.count, "a \(language) prompt is repeated")
        }
    }

    @Test(arguments: ConceptBank.shared.items.map(\.id))
    func everyItemIsCompleteInBothLanguages(id: String) throws {
        let item = try #require(Self.bank.item(id))
        #expect(!item.source.isEmpty)
        // The source names one of the course notes (000…004).
        #expect(["000", "001", "002", "003", "004"].contains { item.source.contains($0) }, "\(id): \(item.source)")
        var texts = [item.prompt, item.option, item.answer, item.why, item.reference] + item.points
        if let correction = item.correction { texts.append(correction) }
        #expect(item.points.count >= 2)
        #expect(item.wrong.count >= 3, "\(id) has \(item.wrong.count) wrong options")
        for wrong in item.wrong { texts += [wrong.text, wrong.why] }
        for text in texts {
            #expect(!text.en.trimmingWhitespace().isEmpty && !text.zh.trimmingWhitespace().isEmpty, "\(id): \(text)")
            // The Chinese text is Chinese, or a formula: no untranslated English prose.
            let chinese = text.zh.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
            #expect(chinese || text.zh.range(of: "[A-Za-z]{3,} [A-Za-z]{3,}", options: .regularExpression) == nil,
                    "\(id): zh is not Chinese: \(text.zh)")
        }
        // Options are distinct in each language.
        for language in ["en", "zh"] {
            let options = [item.option.inLanguage(language)] + item.wrong.map { $0.text.inLanguage(language) }
            #expect(Set(options).count == options.count, "\(id): two \(language) options are the same")
        }
        // The right option is not the giveaway longest one: at most 1.5 times the longest wrong one.
        let longestWrong = item.wrong.map(\.en.count).max() ?? 0
        #expect(Double(item.option.en.count) <= 1.5 * Double(longestWrong), "\(id): the right option is much the longest")
    }

    /// Every glyph in the bank can be set by the LaTeX preamble: the few the
    /// fonts lack (⊙, ᵀ, superscript digits, ∈, ≪) are written otherwise,
    /// and no `*`, which a Chinese sheet would show as broken emphasis.
    @Test func theBankAvoidsGlyphsLaTeXCannotSet() {
        let missing: Set<Character> = ["*", "⊙", "ᵀ", "⁰", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹", "⁻", "⁽", "⁾", "ⁿ", "∈", "≪", "∘"]
        for item in Self.bank.items {
            let text = ([item.prompt, item.option, item.answer, item.why] + item.points + item.wrong.flatMap { [$0.text, $0.why] })
                .map { $0.en + $0.zh }.joined()
            #expect(!text.contains { missing.contains($0) }, "\(item.id)")
        }
    }

    @Test func theReadmeListsEverySubject() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        for subject in Self.bank.subjects {
            #expect(text.contains("| `\(subject.subject)` | \(subject.title.en) · \(subject.title.zh) | \(subject.items.count) |"),
                    "README lacks the row of subject \(subject.subject)")
        }
    }
}
