/// The small tree between the LaTeX parser and the MathML writer.
///
/// Why a tree at all (instead of writing MathML while parsing): several decisions need
/// context that only exists after a whole row is read — a `-` after `(` is a unary sign,
/// a function name followed by `(` needs no extra space, `\max_{a}` is drawn with limits
/// below only in display style. Keeping those decisions out of the parser keeps both
/// halves small, and the tree is easy to inspect in tests.
///
/// The tree is bounded in depth by `MathParser.maxDepth`, so recursive walks over it
/// (the writer, font-variant mapping) cannot overflow the stack.
indirect enum MathNode: Equatable, Sendable {
    /// `<mi>`. `upright` forces `mathvariant="normal"` on single letters (`\Gamma`, `\mathrm{d}`).
    case identifier(String, upright: Bool)
    /// `<mn>`: `3`, `0.7311`, `1,024` (merged from `1{,}024`).
    case number(String)
    /// `<mo>`.
    case op(MathOperator)
    /// `<mi>` for `\log`, `\max`, `\operatorname{…}`; `limits` means scripts go below/above in display style.
    case function(String, limits: Bool)
    /// `<mtext>` with an optional CSS style (`\textbf`).
    case text(String, style: String?)
    /// `<mspace width="…"/>`.
    case space(String)
    /// A group: `<mrow>`, or its single child when it has one.
    case row([MathNode])
    /// `<mfrac>`.
    case fraction(MathNode, MathNode, style: FractionStyle, thickness: String?)
    /// `<msqrt>` / `<mroot>`.
    case root(MathNode, index: MathNode?)
    /// `<msub>`, `<msup>`, `<msubsup>` or `<munder>`, `<mover>`, `<munderover>`.
    case scripts(base: MathNode, sub: MathNode?, sup: MathNode?, limits: ScriptPlacement)
    /// `<mover accent="true">` (`over`) or `<munder accentunder="true">`.
    case accent(MathNode, mark: String, stretchy: Bool, over: Bool)
    /// `\left( … \right)`: an `<mrow>` whose stretchy fences span the body.
    case fenced(open: MathOperator?, body: [MathNode], close: MathOperator?)
    /// Matrices, `cases`, `aligned`, `array`.
    case table(MathTable)
    /// `<mstyle>`: colour (`\color`) and/or display style (`\displaystyle`).
    case style(MathNode, color: String?, displayStyle: Bool?)
    /// `\boxed`, `\overline`, `\underline`: an `<mrow>` with a CSS border. MathML Core has no
    /// `<menclose>`, and a stretched overline glyph depends on the math font (it stays short
    /// with several), while a border always spans its content.
    case bordered(MathNode, Border)
    /// `<mphantom>`.
    case phantom(MathNode)
    /// `<merror><mtext>…</mtext></merror>`: unknown commands, missing arguments, too deep.
    case error(String)
}

/// Which border `MathNode.bordered` draws.
enum Border: Equatable, Sendable {
    case box, over, under
}

/// How a fraction is styled: `\frac` follows context, `\dfrac` forces display, `\tfrac` text.
enum FractionStyle: Equatable, Sendable {
    case auto, display, text
}

/// Where scripts go: `never` → msub/msup, `always` → munder/mover (`\underbrace`, `\overset`),
/// `display` → under/over only in display style (`\sum`, `\max`), like TeX's `\limits` default.
enum ScriptPlacement: Equatable, Sendable {
    case never, display, always
}

/// One `<mo>`, with the TeX class that decides its spacing.
///
/// Why a class: MathML Core's operator dictionary knows the spacing of `+` and `=`, but TeX
/// treats some characters differently (`/` and `|` are ordinary, no space; `(` never stretches
/// unless `\left`). The class records what TeX meant, and the writer turns it into attributes.
struct MathOperator: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        /// No spacing at all (`/`, `|`, `\ldots`): written with `lspace="0" rspace="0"`.
        case ordinary
        case binary, relation, open, close, punctuation
        /// `\sum`, `\int`: `limits` tells whether scripts go below/above in display style.
        case large
        /// Left to the browser's operator dictionary (primes, `!`, unknown symbols).
        case other
    }

    var text: String
    var kind: Kind
    var limits = false
    /// `prefix` for a unary sign in the middle of a row (`(-2)`); nil lets the browser infer it.
    var form: String? = nil
    /// True for `\left`, `\right`, `\middle`, `\big…` and environment delimiters.
    var fence = false
    /// `minsize`/`maxsize` for `\big`, `\Big`, `\bigg`, `\Bigg`.
    var size: String? = nil
    var rspace: String? = nil

    init(_ text: String, _ kind: Kind, limits: Bool = false) {
        self.text = text
        self.kind = kind
        self.limits = limits
    }

    /// A stretchy fence, as produced by `\left`/`\right` and matrix environments.
    static func fence(_ text: String, size: String? = nil) -> MathOperator {
        var op = MathOperator(text, .other)
        op.fence = true
        op.size = size
        return op
    }
}

/// A parsed environment: rows of cells plus how to draw them.
struct MathTable: Equatable, Sendable {
    var rows: [[MathNode]]
    /// `left`, `center` or `right` per column; columns past the end are centred.
    var columnAlign: [String] = []
    /// Alternate right/left alignment with no gap inside each pair (`aligned`).
    var alignedPairs = false
    /// Cells in display style (`aligned`), instead of the table default (text style).
    var displayStyle = false
    var open: String? = nil
    var close: String? = nil
}
