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
            var random = RandomSource(seed: 2024)
            let templates = TemplateLibrary.forLanguage(language)
            var results = 0
            for n in 0..<200 {
                let problem = BellmanTopic.generate(&random, difficulty: difficulty)
                let solution = try BellmanTopic.solve(problem)
                let presentation = BellmanTopic.present(problem, solution, in: PresentationContext(templates: templates))
                for island in presentation.formulas {
                    // What the writers show: the formula after the policy's repair.
                    let shown = Reproducibility.repaired(island.formula)
                    if case .relation(.result, _, _) = island.formula { results += 1 }
                    let violations = Reproducibility.violations(in: shown)
                    #expect(
                        violations.isEmpty,
                        "\(language) problem \(n): \(LaTeXFormulaWriter().write(island.formula)): \(violations)")
                }
            }
            // At least the TD target, TD error and new value of every problem.
            #expect(results >= 600)
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
        for island in presentation.formulas {
            #expect(Reproducibility.violations(in: Reproducibility.repaired(island.formula)).isEmpty,
                    "\(LaTeXFormulaWriter().write(island.formula))")
        }
    }
}
