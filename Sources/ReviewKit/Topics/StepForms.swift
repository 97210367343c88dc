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
/// - `named` and `answer` (a step with a name): `S = 1 + 0.37 ≈ 1.37`, `S ≈ 1.37`.
extension FormulaBook {
    mutating func forms(of step: WorkedStep) -> TemplateObject {
        var object = forms(of: step, display: false)
        object["display"] = .object(forms(of: step, display: true))
        return object
    }

    private mutating func forms(of step: WorkedStep, display: Bool) -> TemplateObject {
        var object = TemplateObject()
        func put(_ key: String, _ formula: Formula) {
            object[key] = display ? self.display(formula) : inline(formula)
        }
        put("formula", step.formula)
        put("line", step.line(from: step.formula))
        put("worked", step.worked)
        put("result", step.result)
        if let name = step.name {
            put("named", step.line(from: name))
            put("answer", name .=≈ step.result)
        }
        return object
    }

    /// The forms of every step whose id starts with `prefix` and has no
    /// further `.` (`row0.` gives `row0.S` but not `row0.x.y`), each under
    /// `StepForms.key` of the rest of its id: `S`, `ln_S`, `td_target`.
    mutating func steps(_ trace: Trace, under prefix: String = "") -> TemplateObject {
        var object = TemplateObject()
        for step in trace.steps where step.id.hasPrefix(prefix) {
            let rest = step.id.dropFirst(prefix.count)
            guard !rest.contains(".") else { continue }
            object[StepForms.key(rest)] = .object(forms(of: step))
        }
        return object
    }
}

enum StepForms {
    /// A step id as a template name: the characters Mustache names cannot
    /// hold (`/`, `[`, `]`) left out, so `dL/dz` is `dLdz`.
    static func key<S: StringProtocol>(_ id: S) -> String {
        String(id.filter { $0.isLetter || $0.isNumber || $0 == "_" })
    }
}
