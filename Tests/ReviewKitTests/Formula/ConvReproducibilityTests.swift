import Testing
@testable import ReviewKit

/// The rule of the number policy on conv sheets: every formula of 200
/// generated conv problems per difficulty, and every recorded step, can be
/// redone from its shown operands to within one unit in the last shown
/// digit of its result. Conv is integer arithmetic, so this means exactly.
@Suite struct ConvReproducibilityTests {
    @Test(arguments: Difficulty.allCases)
    func everyShownStepCanBeRedone(difficulty: Difficulty) throws {
        var random = RandomSource(seed: 2024)
        let templates = TemplateLibrary.forLanguage("en")
        var checked = 0
        for n in 0..<200 {
            let problem = ConvTopic.generate(&random, difficulty: difficulty)
            let solution = try ConvTopic.solve(problem)
            let presentation = ConvTopic.present(problem, solution, in: PresentationContext(templates: templates))
            let steps = solution.trace.steps.map { $0.worked }
            for formula in presentation.formulas.map(\.formula) + steps {
                // What the writers show: the formula after the policy's repair.
                let violations = Reproducibility.violations(in: Reproducibility.repaired(formula))
                checked += 1
                #expect(violations.isEmpty, "problem \(n): \(LaTeXFormulaWriter().write(formula)): \(violations)")
            }
            // Every step's numbers evaluate (no symbol left in a substituted
            // formula), so the check above really redid each one.
            for step in solution.trace.steps {
                #expect(
                    FormulaEvaluation.shownValue(of: step.substituted, policy: .standard) != nil,
                    "problem \(n): \(step.id)")
            }
        }
        #expect(checked > 2000)
    }
}
