/// What every known control word and single character stands for.
///
/// Why one table: the supported subset is mostly "a command is one character of a given TeX
/// class" (`\le` → `≤`, a relation). Keeping those facts in dictionaries means the parser only
/// has code for commands with arguments or structure (`\frac`, `\left`, `\begin`), and adding a
/// symbol is a one-line change here.
enum MathSymbols {
    /// What a simple command produces.
    enum Entry {
        case identifier(String, upright: Bool)
        case op(String, MathOperator.Kind)
        case large(String, limits: Bool)
        case function(String, limits: Bool)
        case space(String)
    }

    static func node(for entry: Entry) -> MathNode {
        switch entry {
        case let .identifier(text, upright): return .identifier(text, upright: upright)
        case let .op(text, kind): return .op(MathOperator(text, kind))
        case let .large(text, limits): return .op(MathOperator(text, .large, limits: limits))
        case let .function(name, limits): return .function(name, limits: limits)
        case let .space(width): return .space(width)
        }
    }

    /// A single source character that is not a letter, digit or TeX special.
    static func node(for c: Unicode.Scalar) -> MathNode {
        switch c {
        case "+": return .op(MathOperator("+", .binary))
        case "-": return .op(MathOperator("\u{2212}", .binary))
        case "*": return .op(MathOperator("\u{2217}", .binary))
        case "=", "<", ">", ":": return .op(MathOperator(String(c), .relation))
        case "(", "[": return .op(MathOperator(String(c), .open))
        case ")", "]": return .op(MathOperator(String(c), .close))
        case ",", ";": return .op(MathOperator(String(c), .punctuation))
        case "!": return .op(MathOperator("!", .other))
        case "~": return .space("0.3333em")
        case "/", "|", ".", "?", "@", "\"", "`", "#", "$": return .op(MathOperator(String(c), .ordinary))
        default: return .op(MathOperator(String(c), .other))
        }
    }

    /// The characters `\left`, `\right`, `\big…` accept after them; `.` is the empty delimiter.
    static func delimiter(forSymbol c: Unicode.Scalar) -> String? {
        switch c {
        case "(", ")", "[", "]", "|", "/": return String(c)
        case "<": return "\u{27E8}"
        case ">": return "\u{27E9}"
        case ".": return ""
        default: return nil
        }
    }

    static let delimiterCommands: [String: String] = [
        "{": "{", "}": "}", "lbrace": "{", "rbrace": "}", "lbrack": "[", "rbrack": "]",
        "|": "\u{2016}", "Vert": "\u{2016}", "lVert": "\u{2016}", "rVert": "\u{2016}",
        "vert": "|", "lvert": "|", "rvert": "|",
        "lfloor": "\u{230A}", "rfloor": "\u{230B}", "lceil": "\u{2308}", "rceil": "\u{2309}",
        "langle": "\u{27E8}", "rangle": "\u{27E9}", "backslash": "\\",
        "uparrow": "\u{2191}", "downarrow": "\u{2193}", "updownarrow": "\u{2195}",
    ]

    /// `\big` and friends, as `minsize`/`maxsize` (the sizes MathJax uses).
    static let bigSizes: [String: String] = [
        "big": "1.2em", "bigl": "1.2em", "bigr": "1.2em", "bigm": "1.2em",
        "Big": "1.623em", "Bigl": "1.623em", "Bigr": "1.623em", "Bigm": "1.623em",
        "bigg": "2.047em", "biggl": "2.047em", "biggr": "2.047em", "biggm": "2.047em",
        "Bigg": "2.470em", "Biggl": "2.470em", "Biggr": "2.470em", "Biggm": "2.470em",
    ]

    /// Accents: command → (mark, stretchy, over).
    static let accents: [String: (String, Bool, Bool)] = [
        "hat": ("^", false, true), "widehat": ("^", true, true),
        "tilde": ("~", false, true), "widetilde": ("~", true, true),
        "bar": ("\u{2C9}", false, true),
        "vec": ("\u{2192}", false, true), "overrightarrow": ("\u{2192}", true, true),
        "overleftarrow": ("\u{2190}", true, true),
        "dot": ("\u{2D9}", false, true), "ddot": ("\u{A8}", false, true),
        "check": ("\u{2C7}", false, true), "breve": ("\u{2D8}", false, true),
        "acute": ("\u{B4}", false, true), "grave": ("`", false, true),
        "mathring": ("\u{2DA}", false, true),
        "overbrace": ("\u{23DE}", true, true),
        "underbrace": ("\u{23DF}", true, false),
    ]

    static let commands: [String: Entry] = {
        var table: [String: Entry] = [:]
        let lowerGreek: [(String, UInt32)] = [
            ("alpha", 0x3B1), ("beta", 0x3B2), ("gamma", 0x3B3), ("delta", 0x3B4),
            ("epsilon", 0x3F5), ("varepsilon", 0x3B5), ("zeta", 0x3B6), ("eta", 0x3B7),
            ("theta", 0x3B8), ("vartheta", 0x3D1), ("iota", 0x3B9), ("kappa", 0x3BA),
            ("varkappa", 0x3F0), ("lambda", 0x3BB), ("mu", 0x3BC), ("nu", 0x3BD), ("xi", 0x3BE),
            ("omicron", 0x3BF), ("pi", 0x3C0), ("varpi", 0x3D6), ("rho", 0x3C1), ("varrho", 0x3F1),
            ("sigma", 0x3C3), ("varsigma", 0x3C2), ("tau", 0x3C4), ("upsilon", 0x3C5),
            ("phi", 0x3D5), ("varphi", 0x3C6), ("chi", 0x3C7), ("psi", 0x3C8), ("omega", 0x3C9),
        ]
        for (name, code) in lowerGreek {
            table[name] = .identifier(String(Unicode.Scalar(code)!), upright: false)
        }
        let upperGreek: [(String, UInt32)] = [
            ("Gamma", 0x393), ("Delta", 0x394), ("Theta", 0x398), ("Lambda", 0x39B), ("Xi", 0x39E),
            ("Pi", 0x3A0), ("Sigma", 0x3A3), ("Upsilon", 0x3A5), ("Phi", 0x3A6), ("Psi", 0x3A8),
            ("Omega", 0x3A9),
        ]
        for (name, code) in upperGreek {
            table[name] = .identifier(String(Unicode.Scalar(code)!), upright: true)
        }
        let identifiers: [String: (String, Bool)] = [
            "infty": ("\u{221E}", false), "partial": ("\u{2202}", false), "nabla": ("\u{2207}", true),
            "ell": ("\u{2113}", false), "hbar": ("\u{210F}", false), "emptyset": ("\u{2205}", true),
            "varnothing": ("\u{2205}", true), "top": ("\u{22A4}", true), "bot": ("\u{22A5}", true),
            "aleph": ("\u{2135}", false), "Re": ("\u{211C}", false), "Im": ("\u{2111}", false),
            "imath": ("\u{131}", false), "jmath": ("\u{237}", false), "dagger": ("\u{2020}", true),
            "angle": ("\u{2220}", true), "triangle": ("\u{25B3}", true), "checkmark": ("\u{2713}", true),
        ]
        for (name, (text, upright)) in identifiers {
            table[name] = .identifier(text, upright: upright)
        }
        let ops: [(MathOperator.Kind, [String: String])] = [
            (.binary, [
                "cdot": "\u{22C5}", "times": "\u{D7}", "div": "\u{F7}", "pm": "\u{B1}", "mp": "\u{2213}",
                "circ": "\u{2218}", "odot": "\u{2299}", "otimes": "\u{2297}", "oplus": "\u{2295}",
                "ominus": "\u{2296}", "ast": "\u{2217}", "star": "\u{22C6}", "bullet": "\u{2219}",
                "cup": "\u{222A}", "cap": "\u{2229}", "setminus": "\u{2216}", "land": "\u{2227}",
                "wedge": "\u{2227}", "lor": "\u{2228}", "vee": "\u{2228}", "oslash": "\u{2298}",
                "bmod": "mod",
            ]),
            (.relation, [
                "lt": "<", "gt": ">",  // MathJax's names; user text in math uses them (MathNotation)
                "le": "\u{2264}", "leq": "\u{2264}", "ge": "\u{2265}", "geq": "\u{2265}",
                "ne": "\u{2260}", "neq": "\u{2260}", "approx": "\u{2248}", "equiv": "\u{2261}",
                "sim": "\u{223C}", "simeq": "\u{2243}", "cong": "\u{2245}", "propto": "\u{221D}",
                "ll": "\u{226A}", "gg": "\u{226B}", "leqslant": "\u{2A7D}", "geqslant": "\u{2A7E}",
                "to": "\u{2192}", "rightarrow": "\u{2192}", "leftarrow": "\u{2190}", "gets": "\u{2190}",
                "Rightarrow": "\u{21D2}", "Leftarrow": "\u{21D0}", "Leftrightarrow": "\u{21D4}",
                "leftrightarrow": "\u{2194}", "mapsto": "\u{21A6}", "longrightarrow": "\u{27F6}",
                "longleftarrow": "\u{27F5}", "Longrightarrow": "\u{27F9}", "implies": "\u{27F9}",
                "iff": "\u{27FA}", "uparrow": "\u{2191}", "downarrow": "\u{2193}",
                "in": "\u{2208}", "notin": "\u{2209}", "ni": "\u{220B}", "subset": "\u{2282}",
                "subseteq": "\u{2286}", "supset": "\u{2283}", "supseteq": "\u{2287}",
                "mid": "\u{2223}", "parallel": "\u{2225}", "perp": "\u{27C2}",
                "triangleq": "\u{225C}", "coloneqq": "\u{2254}", "doteq": "\u{2250}",
                "models": "\u{22A8}", "vdash": "\u{22A2}",
            ]),
            (.open, [
                "{": "{", "lbrace": "{", "lfloor": "\u{230A}", "lceil": "\u{2308}", "langle": "\u{27E8}",
                "lbrack": "[", "lvert": "|", "lVert": "\u{2016}",
            ]),
            (.close, [
                "}": "}", "rbrace": "}", "rfloor": "\u{230B}", "rceil": "\u{2309}", "rangle": "\u{27E9}",
                "rbrack": "]", "rvert": "|", "rVert": "\u{2016}",
            ]),
            (.punctuation, ["colon": ":"]),
            (.ordinary, [
                "|": "\u{2016}", "Vert": "\u{2016}", "vert": "|",
                "ldots": "\u{2026}", "dots": "\u{2026}", "cdots": "\u{22EF}", "vdots": "\u{22EE}",
                "ddots": "\u{22F1}", "forall": "\u{2200}", "exists": "\u{2203}", "neg": "\u{AC}",
                "lnot": "\u{AC}", "%": "%", "#": "#", "&": "&", "_": "_", "$": "$",
                "backslash": "\\", "textbackslash": "\\",
            ]),
            (.other, ["prime": "\u{2032}"]),
        ]
        for (kind, entries) in ops {
            for (name, text) in entries {
                table[name] = .op(text, kind)
            }
        }
        let large: [String: (String, Bool)] = [
            "sum": ("\u{2211}", true), "prod": ("\u{220F}", true), "coprod": ("\u{2210}", true),
            "bigcup": ("\u{22C3}", true), "bigcap": ("\u{22C2}", true), "bigvee": ("\u{22C1}", true),
            "bigwedge": ("\u{22C0}", true), "bigoplus": ("\u{2A01}", true), "bigotimes": ("\u{2A02}", true),
            "int": ("\u{222B}", false), "iint": ("\u{222C}", false), "iiint": ("\u{222D}", false),
            "oint": ("\u{222E}", false),
        ]
        for (name, (text, limits)) in large {
            table[name] = .large(text, limits: limits)
        }
        for name in ["exp", "log", "ln", "lg", "sin", "cos", "tan", "cot", "sec", "csc", "sinh", "cosh",
                     "tanh", "coth", "arcsin", "arccos", "arctan", "arg", "deg", "dim", "ker", "hom"] {
            table[name] = .function(name, limits: false)
        }
        for name in ["max", "min", "det", "lim", "sup", "inf", "gcd", "Pr"] {
            table[name] = .function(name, limits: true)
        }
        table["argmax"] = .function("arg\u{2009}max", limits: true)
        table["argmin"] = .function("arg\u{2009}min", limits: true)
        table["liminf"] = .function("lim\u{2009}inf", limits: true)
        table["limsup"] = .function("lim\u{2009}sup", limits: true)
        let spaces: [String: String] = [
            "quad": "1em", "qquad": "2em", ",": "0.1667em", "thinspace": "0.1667em",
            ":": "0.2222em", ">": "0.2222em", "medspace": "0.2222em", ";": "0.2778em",
            "thickspace": "0.2778em", "!": "-0.1667em", "negthinspace": "-0.1667em",
            " ": "0.25em", "enspace": "0.5em", "nobreakspace": "0.3333em",
        ]
        for (name, width) in spaces {
            table[name] = .space(width)
        }
        return table
    }()
}
