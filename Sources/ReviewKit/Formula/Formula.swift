/// A formula as a tree: what a worked step says, before any notation.
///
/// Solvers and presenters build formulas; three writers turn them into
/// notation (`PlainFormulaWriter` for JSON `steps`, `LaTeXFormulaWriter` for
/// Markdown and LaTeX sheets, `MathMLFormulaWriter` for HTML). Because each
/// formula exists once, the three notations cannot drift apart, and HTML
/// never parses LaTeX that the tool itself wrote.
///
/// The tree carries no formatting decisions: brackets come from
/// `FormulaPrecedence`, and how a number is shown (significant figures,
/// exact or rounded, `=` or `≈`) from `NumberPolicy`, both applied by the
/// writers.
indirect enum Formula: Hashable, Sendable {
    /// A computed value. `digits` overrides the policy's significant figures
    /// (set by `NumberPolicy.reproducible` when a step needs more digits in
    /// its operands); nil means the policy's default.
    case number(Double, digits: Int? = nil)
    /// A count or an index, always written exactly: `N = 3`, `p_0`.
    case integer(Int)
    case symbol(Symbol)
    /// Words inside math (`\text{…}`), e.g. a state name.
    case text(String)
    case apply(FormulaOperator, [Formula])
    /// `left relation right`; a chain `a = b ≈ c` nests to the left.
    case relation(Relation, Formula, Formula)
    /// Round brackets around a comma list: `(2, 1, 0.1)`; `[2, 1, 0.1]` in
    /// plain text, where it reads as a JSON array.
    case vector([Formula])
    /// A bracketed matrix, one array per row.
    case matrix([[Formula]])
}

/// A variable: a base name with optional subscript, superscript, accent and
/// primes. The name is written as given, except that Greek letters spelt out
/// (`sigma`, `Delta`) become their letters in every notation.
///
/// Primes are the one way a symbol is primed (`a'`, `s'`, a dilated
/// kernel's `F'`): a count in the tree, never part of the name. A name
/// written with trailing primes (`"a'"`) is split when the symbol is made, so
/// `"s'"` and `.symbol("s", primes: 1)` are the same symbol.
struct Symbol: Hashable, Sendable {
    private(set) var name: String
    var sub: Formula?
    var sup: Formula?
    var accent: Accent?
    /// `s'` is 1, `s''` 2: written after the name (and accent), before any
    /// subscript; in MathML first in the superscript.
    private(set) var primes: Int

    init(name: String, sub: Formula? = nil, sup: Formula? = nil, accent: Accent? = nil, primes: Int = 0) {
        let base = name.reversed().drop { $0 == "'" }.reversed()
        let trailing = base.isEmpty ? 0 : name.count - base.count
        self.name = trailing == 0 ? name : String(base)
        self.sub = sub
        self.sup = sup
        self.accent = accent
        self.primes = primes + trailing
    }
}

enum Accent: String, Hashable, Sendable {
    /// `\hat{y}`
    case hat
    /// `\tilde{A}`
    case tilde
    /// `\bar{x}`
    case bar
}

/// What an `.apply` node does to its operands.
enum FormulaOperator: Hashable, Sendable {
    /// n-ary `a + b + c`; a negative term after the first is written `- |x|`.
    case add
    case subtract
    /// n-ary `a \cdot b`
    case multiply
    /// n-ary `28 \times 28 \times 6`: sizes side by side (a feature-map
    /// shape, a 5 × 5 window), a product read as dimensions, not computed.
    case times
    /// n-ary `a \odot b`: the element-wise (Hadamard) product of vectors of
    /// one length, as gated cells write it (`f_t ⊙ c_{t-1}`).
    case hadamard
    /// `A^{\mathsf{T}}`: the transpose of a matrix (`(W^{2})^T`).
    case transpose
    /// Juxtaposition, `y_i \ln p_i`: a product written without a dot.
    case juxtapose
    /// Inline `a / b`.
    case divide
    /// A built-up fraction `\frac{a}{b}` (plain text: `a / b`).
    case fraction
    case power
    case negate
    case squareRoot
    /// `|x|`, the absolute value (plain text: `abs(x)`).
    case abs
    /// `e^{x}` (plain text: `exp(x)`).
    case exp
    case ln
    /// `max(a, b, …)`, or `max_i z_i` over an index with one operand.
    case max(over: Formula?)
    /// `min(a, b, …)`, or `min_i z_i` over an index with one operand.
    case min(over: Formula?)
    case floor
    case ceil
    /// A named function applied to its operands: `σ(x)`, `ReLU(x)`,
    /// `softmax(z)`. The name follows `Symbol`'s Greek rule.
    case call(String)
    /// `∂a/∂b`, operands `[a, b]`.
    case partial
    /// `∂/∂b (a)`, operands `[a, b]`: the derivative of an expression `a`
    /// written as an operator applied to it, `\frac{\partial}{\partial x}(x \cdot z)`.
    /// Backprop writes a node's local gradient this way, from the node's own
    /// rule, so it never reads as the output's gradient `∂f/∂x`.
    case partialOf
    /// `Σ_{index}^{upper} body`, operands `[body]`.
    case sum(index: Formula?, upper: Formula?)
    /// Operands separated by commas, with no brackets: an index list in a
    /// subscript, `x_{c, i+u, j+v}` (a `.vector` would bracket it).
    case list
}

/// How two sides of a line relate.
enum Relation: Hashable, Sendable {
    case equals
    case approximately
    /// `→`, a limit or a mapping.
    case tendsTo
    case lessOrEqual
    /// `←`, an update that overwrites its left side: `Q(s, a) ← Q(s, a) + αδ`.
    case assigns
    /// `=` when the right side is shown exactly, `≈` when it is rounded:
    /// the writer decides, from `NumberPolicy`, once the right side's
    /// numbers are formatted. Every worked step ends with this relation.
    case result
}
