import Testing
@testable import ReviewKit

/// The rule of the number policy on real bellman sheets: every worked step
/// of 200 generated problems per difficulty (the max over a row, each
/// target, the expectation, the TD error, the new entry) can be redone from
/// its shown operands to within one unit in the last shown digit of its
/// result, in both languages.
@Suite struct BellmanReproducibilityTests {
    @Test(arguments: Difficulty.allCases)
    func everyShownStepCanBeRedone(difficulty: Difficulty) throws {
        for language in ["en", "zh"] {
            let shown = try shownFormulas(BellmanTopic.self, difficulty: difficulty, language: language, steps: true)
            expectRedoable(shown)
            // At least the TD target, TD error and new value of every problem.
            let results = shown.filter { if case .relation(.result, _, _) = $0.formula { true } else { false } }
            #expect(results.count >= 600, "\(language)")
        }
    }

    /// Answers a user types need not be short decimals: a step whose
    /// operands would be rounded too far gets more digits, so it still redoes.
    @Test func unroundedInputsStillRedo() throws {
        let worked = try solve(json: """
            {"topic": "bellman", "alpha": 0.3, "gamma": 0.97,
             "q": {"s": {"a": 0.123456, "b": 2.718281}, "t": {"a": 1.414213, "b": -3.333333}},
             "updates": [{"state": "s", "action": "a", "reward": 0.777777, "next_state": "t"},
                         {"state": "t", "action": "b", "outcomes": [
                            {"probability": 0.3333, "reward": 1.5, "next_state": "s"},
                            {"probability": 0.6667, "reward": -2.25, "terminal": true}]}]}
            """)
        let presentation = worked[0].present(PresentationContext(templates: TemplateLibrary.forLanguage("en")))
        #expect(presentation.formulas.count > 20)
        for embed in presentation.formulas {
            #expect(Reproducibility.violations(in: Reproducibility.repaired(embed.formula)).isEmpty,
                    "\(LaTeXFormulaWriter().write(embed.formula))")
        }
    }
}
