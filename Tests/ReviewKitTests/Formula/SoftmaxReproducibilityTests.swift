import Testing
@testable import ReviewKit

/// The rule of the number policy on real sheets: every worked step of 200
/// generated softmax problems per difficulty can be redone from its shown
/// operands to within one unit in the last shown digit of its result.
@Suite struct SoftmaxReproducibilityTests {
    @Test(arguments: Difficulty.allCases)
    func everyShownStepCanBeRedone(difficulty: Difficulty) throws {
        var random = RandomSource(seed: 2024)
        let templates = TemplateLibrary.forLanguage("en")
        var steps = 0
        for n in 0..<200 {
            let problem = SoftmaxTopic.generate(&random, difficulty: difficulty)
            let solution = try SoftmaxTopic.solve(problem)
            let presentation = SoftmaxTopic.present(problem, solution, in: PresentationContext(templates: templates))
            for island in presentation.formulas {
                // What the writers show: the formula after the policy's repair.
                let shown = Reproducibility.repaired(island.formula)
                let violations = Reproducibility.violations(in: shown)
                steps += 1
                #expect(
                    violations.isEmpty,
                    "problem \(n): \(LaTeXFormulaWriter().write(island.formula)): \(violations)")
            }
        }
        #expect(steps > 200)
    }
}
