extension Formula {
    /// The formula as JSON `steps` write it (`PlainFormulaWriter`): a step's
    /// label written from its formula, so the two agree (bellman's
    /// `Q(s1, right)`, gru's reset input).
    var plainLabel: String { PlainFormulaWriter().write(self) }
}
