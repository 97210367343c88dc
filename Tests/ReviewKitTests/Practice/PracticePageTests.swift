import Testing
@testable import ReviewKit

/// Practice pages: one labelled box per final answer, the slips' values in
/// the page's data, the script and words inline, and the size budget
/// (at most 1.5× the plain HTML sheet for 10 problems).
@Suite struct PracticePageTests {
    private func page(_ problems: [WorkedProblem], language: String = "en", practice: Bool = true) -> String {
        var options = Sheet.Options()
        options.format = .html
        options.language = language
        options.practice = practice
        return Sheet(problems: problems, options: options).render()
    }

    @Test func everyAnswerHasALabelledBoxAndTheSlipsAreInTheData() throws {
        let problems = try solve(json: SlipDiagnosisTests.conv32)
        let html = page(problems)
        // 28 × 28 × 6 twice (layer and output), weights, biases, params, total.
        #expect(html.components(separatedBy: "<input ").count - 1 == 10)
        #expect(html.contains(#"<input name="total_params" aria-label="total_params" inputmode="decimal">"#))
        #expect(html.contains(#""total_params":[450]"#))  // bias-forgotten: 456 − 6
        #expect(html.contains(#""id":"bias-forgotten""#))
        #expect(html.contains(#"id="practice-words""#))
        #expect(html.contains("<details class=\"solution\">"))
        #expect(!html.contains("<script src") && !html.contains("<link"))
    }

    @Test(arguments: TemplateLibrary.languages)
    func everyLanguageFoldsAndWrapsProblems(_ language: String) throws {
        let problems = try ProblemSolver.generate(topic: "softmax", count: 3, seed: 2, difficulty: .easy)
        let html = page(problems, language: language)
        #expect(html.components(separatedBy: "<section class=\"problem\">").count - 1 == 3)
        #expect(html.components(separatedBy: "<details class=\"solution\">").count - 1 == 3)
        #expect(html.components(separatedBy: "<form class=\"practice\"").count - 1 == 3)
    }

    /// Per problem, that is: the page's one script and its words are paid
    /// once whatever the count, and would alone outweigh a text-only sheet
    /// (`concepts`, no math), so they are not counted.
    @Test(arguments: TopicRegistry.names)
    func tenProblemsCostAtMostHalfAsMuchAgain(_ topic: String) throws {
        let problems = try ProblemSolver.generate(topic: topic, count: 10, seed: 3, difficulty: .standard)
        let plain = page(problems, practice: false).utf8.count
        let once = (TemplateLibrary.asset("practice.js").utf8.count
            + PracticeWords(templates: TemplateLibrary.forLanguage("en")).json.utf8.count)
        let practice = page(problems).utf8.count - once
        #expect(Double(practice) <= 1.5 * Double(plain), "\(topic): \(practice) against \(plain)")
    }

    /// `</script>` inside the data could end the element early.
    @Test func dataCannotCloseItsScript() {
        #expect(PracticeFormHTML.scriptSafe(#"{"a":"</script><b>"}"#) == #"{"a":"\u003c/script>\u003cb>"}"#)
    }
}
