/// A trace's steps as template objects, so a template names the form of a
/// step it shows — `{{#S}}{{{line}}}{{/S}}`, `{{#L}}{{#display}}{{{answer}}}{{/display}}{{/L}}`
/// — and a presenter hands over the steps it recorded instead of copying
/// each one into its context under a name of its own. Every form is a
/// formula marker; one no template uses is kept but never written.
///
/// The forms of a step (`WorkedStep`), each also under `display` on a line
/// of its own:
/// - `formula`: the rule in symbols, `S = \sum_j e^{a_j}`;
/// - `line`: the rule worked, `S = \sum_j e^{a_j} = 1 + 0.37 ≈ 1.37`;
/// - `worked`: the numbers and the value, `1 + 0.37 ≈ 1.37`;
/// - `result`: the value alone;
/// - `named` and `answer` (a step with a name): `S = 1 + 0.37 ≈ 1.37`, `S ≈ 1.37`;
/// - `brief` and `briefNamed`: `line` and `named` without the numbers
///   where they already read as the value (`y = r = 1`, not `y = r = 1 = 1`;
///   row scaling `1/3`);
/// - `rule` and `briefRule`: the right side of the formula alone, and it
///   worked briefly (`F_h F_w C_in K = 5·5·3·6 = 450`), for a table column
///   or a sentence that words the left side itself.
///
/// `value` writes a step's value where the topic knows better than a
/// double: conv's counts are exact integers (`StepForms.count`).
extension FormulaBook {
    mutating func forms(of step: WorkedStep, value: (WorkedStep) -> Formula = \.result) -> TemplateObject {
        let result = value(step)
        let brief = StepForms.reads(step.substituted, as: result)
        var object = forms(of: step, result, brief: brief, display: false)
        object["display"] = .object(forms(of: step, result, brief: brief, display: true))
        return object
    }

    private mutating func forms(of step: WorkedStep, _ result: Formula, brief: Bool, display: Bool) -> TemplateObject {
        var object = TemplateObject()
        func put(_ key: String, _ formula: Formula) {
            object[key] = display ? self.display(formula) : inline(formula)
        }
        func line(_ lhs: Formula) -> Formula { lhs .= step.substituted .=≈ result }
        func briefLine(_ lhs: Formula) -> Formula { brief ? lhs .=≈ result : line(lhs) }
        var rule = step.formula
        if case .relation(_, _, let right) = step.formula { rule = right }
        put("formula", step.formula)
        put("line", line(step.formula))
        put("worked", step.substituted .=≈ result)
        put("result", result)
        put("brief", briefLine(step.formula))
        put("rule", rule)
        put("briefRule", briefLine(rule))
        if let name = step.name {
            put("named", line(name))
            put("answer", name .=≈ result)
            put("briefNamed", briefLine(name))
        }
        return object
    }

    /// The forms of every step whose id starts with `prefix` and has no
    /// further `.` (`row0.` gives `row0.S` but not `row0.x.y`), each under
    /// `StepForms.key` of the rest of its id: `S`, `ln_S`, `td_target`.
    mutating func steps(_ trace: Trace, under prefix: String = "", value: (WorkedStep) -> Formula = \.result) -> TemplateObject {
        var object = TemplateObject()
        for step in trace.steps where step.id.hasPrefix(prefix) {
            let rest = step.id.dropFirst(prefix.count)
            guard !rest.contains(".") else { continue }
            object[StepForms.key(rest)] = .object(forms(of: step, value: value))
        }
        return object
    }
}

enum StepForms {
    /// A step id as a template name, which cannot hold `/`, `[` or `]`:
    /// `dL/dz` is `dL_dz`, `A_hat[0][1]` is `A_hat_0_1`.
    static func key<S: StringProtocol>(_ id: S) -> String {
        String(id.compactMap { $0 == "/" || $0 == "[" ? "_" : $0 == "]" ? nil : $0 })
    }
}

extension StepForms {
    /// A count step's value as an exact integer (a double past 10^15 would
    /// be shown rounded; every count is exact below 2^53); other steps as usual.
    static func count(_ step: WorkedStep) -> Formula {
        guard case .scalar(let value) = step.value else { return step.result }
        return .integer(Int(value))
    }

    /// Whether two formulas are written the same on the sheet: the shown
    /// form is the only fair test of "nothing to add" (1/√9 is 1/3, and the
    /// number policy already shows 0.333… as 1/3).
    static func reads(_ a: Formula, as b: Formula) -> Bool {
        a == b || LaTeXFormulaWriter().write(a) == LaTeXFormulaWriter().write(b)
    }
}
