import Testing
@testable import ReviewKit

/// How a template reaches a recorded step (`StepForms`): by a key made from
/// its id, in the form it names, each form the formula a presenter used to
/// build by hand.
@Suite struct StepFormsTests {
    /// The formula behind a form's marker, written as LaTeX.
    private func latex(_ object: TemplateObject, _ form: String, in book: FormulaBook) -> String? {
        guard case .text(let marker)? = object[form] else { return nil }
        var index: Int?
        _ = FormulaMarker.replace(in: marker) { index = $0; return "" }
        return index.map { LaTeXFormulaWriter().write(book.formulas[$0].formula) }
    }

    @Test func idsBecomeTemplateNames() {
        #expect(StepForms.key("dL/dz") == "dL_dz")
        #expect(StepForms.key("A_hat[0][1]") == "A_hat_0_1")
        #expect(StepForms.key("A_hat[1][11]") != StepForms.key("A_hat[11][1]"))
        #expect(StepForms.key("ln_S") == "ln_S")
    }

    @Test func stepsUnderAPrefixLeaveDeeperOnesOut() {
        var trace = Trace()
        trace.record("updates[0].old_q", "Q", name: nil, 2, .scalar(2))
        trace.record("updates[0].outcomes[0].target", "y", name: nil, 1, .scalar(1))
        trace.record("total", "t", name: nil, 3, .scalar(3))
        var book = FormulaBook()
        #expect(book.steps(trace, under: "updates[0].").fields.keys.sorted() == ["old_q"])
        #expect(book.steps(trace).fields.keys.sorted() == ["total"])
    }

    @Test func formsAreTheWorkedLinesOfTheStep() {
        // S = Σ_j e^{a_j} = 1 + 2 = 3, named S.
        let step = WorkedStep(
            id: "S", label: "S", formula: "S" .= .sum(over: "j", .exp(.symbol("a", sub: "j"))), name: "S",
            substituted: .integer(1) + .integer(2), value: .scalar(3))
        var book = FormulaBook()
        let forms = book.forms(of: step)
        #expect(latex(forms, "worked", in: book) == "1 + 2 = 3")
        #expect(latex(forms, "named", in: book) == "S = 1 + 2 = 3")
        #expect(latex(forms, "answer", in: book) == "S = 3")
        #expect(latex(forms, "rule", in: book) == "\\sum_{j} e^{a_{j}}")
        #expect(latex(forms, "brief", in: book) == latex(forms, "line", in: book))
        guard case .object(let display)? = forms["display"] else { Issue.record("no display forms"); return }
        #expect(book.formulas.filter(\.display).count == display.fields.count)
    }

    /// `y = r = 1`, not `y = r = 1 = 1`: numbers that read as the value are left out.
    @Test func briefFormsDropNumbersThatReadAsTheValue() {
        let step = WorkedStep(id: "y", label: "y", formula: "y" .= "r", name: "y", substituted: .number(1), value: .scalar(1))
        var book = FormulaBook()
        let forms = book.forms(of: step)
        #expect(latex(forms, "brief", in: book) == "y = r = 1")
        #expect(latex(forms, "line", in: book) == "y = r = 1 = 1")
    }

    /// Conv's counts: the value as an exact integer.
    @Test func countsAreExactIntegers() {
        let step = WorkedStep(id: "n", label: "n", formula: "n", name: nil, substituted: .integer(6), value: .scalar(6))
        #expect(StepForms.count(step) == .integer(6))
    }
}
