/// The commands and environments the math converter understands: what
/// `LaTeXMathSafety` lets through into LaTeX output unchanged.
extension MathParser {
    /// Commands `parseCommand` handles itself (not through a symbol table).
    /// Keep in step with its `switch`; `label` and `tag` are left out on
    /// purpose, since they are errors in inline math.
    static let structuralCommands: Set<String> = [
        "frac", "dfrac", "tfrac", "cfrac", "binom", "dbinom", "tbinom", "sqrt", "left", "right", "middle",
        "text", "textrm", "textnormal", "mbox", "hbox", "textup", "textbf", "textit", "emph", "texttt", "textsf",
        "operatorname", "operatornamewithlimits", "color", "textcolor",
        "displaystyle", "textstyle", "scriptstyle", "scriptscriptstyle", "boxed", "fbox", "framebox",
        "overline", "underline", "phantom", "hphantom", "vphantom", "overset", "stackrel", "underset",
        "mathop", "mathbin", "mathrel", "mathord", "mathopen", "mathclose", "mathpunct", "mathinner",
        "not", "pmod", "begin", "end",
    ]

    /// Environments that are valid inside math in LaTeX and that the
    /// converter reads (a starred form is the same environment).
    static let mathEnvironments: Set<String> = [
        "matrix", "smallmatrix", "pmatrix", "bmatrix", "Bmatrix", "vmatrix", "Vmatrix",
        "cases", "aligned", "alignedat", "gathered", "split", "array", "subarray",
    ]

    static func knows(command name: String) -> Bool {
        MathSymbols.commands[name] != nil || MathSymbols.bigSizes[name] != nil || MathSymbols.accents[name] != nil
            || MathSymbols.delimiterCommands[name] != nil || MathVariant.commands[name] != nil
            || structuralCommands.contains(name)
    }
}
