import Testing
@testable import ReviewKit

/// One formula as a sheet shows it, and the generated problem it came from.
struct ShownFormula {
    var problem: Int
    var formula: Formula
}

/// Every formula the sheets of `count` generated problems of topic `T` show
/// (seed 2024), plus each recorded step worked out (`substituted = result`)
/// when `steps` is set: what the reproducibility tests redo.
func shownFormulas<T: Topic>(
    _: T.Type, difficulty: Difficulty, language: String = "en", count: Int = 200, steps: Bool = false
) throws -> [ShownFormula] {
    var random = RandomSource(seed: 2024)
    let context = PresentationContext(templates: TemplateLibrary.forLanguage(language))
    var shown: [ShownFormula] = []
    for n in 0..<count {
        let problem = T.generate(&random, difficulty: difficulty)
        let solution = try T.solve(problem)
        var formulas = T.present(problem, solution, in: context).formulas.map(\.formula)
        if steps { formulas += T.trace(solution).steps.map(\.worked) }
        shown += formulas.map { ShownFormula(problem: n, formula: $0) }
    }
    return shown
}

/// Expects every formula, as the writers show it (after the number
/// policy's repair), to redo from its shown operands within one unit in the
/// last shown digit of its result. Returns how many were checked.
@discardableResult
func expectRedoable(_ formulas: [ShownFormula], sourceLocation: SourceLocation = #_sourceLocation) -> Int {
    for item in formulas {
        let violations = Reproducibility.violations(in: Reproducibility.repaired(item.formula))
        #expect(
            violations.isEmpty, "problem \(item.problem): \(LaTeXFormulaWriter().write(item.formula)): \(violations)",
            sourceLocation: sourceLocation)
    }
    return formulas.count
}
