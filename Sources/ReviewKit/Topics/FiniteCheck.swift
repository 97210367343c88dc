/// The last guard before a sheet: no step and no answer may hold infinity
/// or NaN. Each solver already refuses the overflows it can foresee, naming
/// the field; this catches the rest and names the first step that went wrong,
/// so an overflow is always an error and never `NaN` (or JSON `null`) on a
/// sheet.
enum FiniteCheck {
    static func require(answers: JSONValue, trace: Trace) throws {
        for step in trace.steps where !step.value.isFinite {
            let formula = PlainFormulaWriter(policy: .standard).write(step.formula)
            throw SolveError(.root, "step '\(step.id)' (\(formula)) is not a finite number: the values are too large")
        }
        guard isFinite(answers) else {
            throw SolveError(.root, "the answers are not finite numbers: the values are too large")
        }
    }

    static func isFinite(_ value: JSONValue) -> Bool {
        switch value.kind {
        case .number(let x, _): return x.isFinite
        case .array(let items): return items.allSatisfy(isFinite)
        case .object(let members): return members.allSatisfy { isFinite($0.value) }
        default: return true
        }
    }
}
