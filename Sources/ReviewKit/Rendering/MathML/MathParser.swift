/// Reads LaTeX math into a `MathNode` tree, never failing.
///
/// Why "never failing": formulas come from templates and generated text, and one typo must not
/// lose a whole page. Every construct has a fallback — an unknown command becomes an `<merror>`,
/// a missing `}` or `\right` is closed at the end, a stray `}` or `&` is dropped.
///
/// Why it always terminates: every loop iteration consumes at least one token, and nesting
/// (braces, arguments, `\left`, environments, `\color` …) is counted; past `maxDepth` the rest
/// of that group is skipped iteratively and replaced by an `<merror>`. That bound also keeps the
/// recursive writer within a small stack.
struct MathParser {
    static let maxDepth = 64

    /// Tokens that end the row being parsed; which ones depends on the enclosing construct.
    struct Stops: OptionSet {
        let rawValue: UInt8
        /// `}` closes the current group.
        static let brace = Stops(rawValue: 1)
        /// `\right` closes the current `\left`.
        static let right = Stops(rawValue: 2)
        /// `\end` closes the current environment.
        static let end = Stops(rawValue: 4)
        /// `&` and `\\` end the current cell.
        static let cell = Stops(rawValue: 8)
        /// `]` closes an optional argument (`\sqrt[3]`).
        static let bracket = Stops(rawValue: 16)
    }

    var lexer: MathTokenizer
    var depth = 0

    init(_ latex: String) {
        lexer = MathTokenizer(latex)
    }

    /// Parses the whole input.
    mutating func parse() -> [MathNode] {
        parseRow(stops: [])
    }

    // MARK: Rows and atoms

    /// Parses atoms (with their scripts) until a token in `stops` or the end; the stop token is
    /// left for the caller. Stray closers that are not in `stops` are dropped.
    mutating func parseRow(stops: Stops) -> [MathNode] {
        var items: [MathNode] = []
        loop: while true {
            let token = lexer.peek()
            switch token {
            case .end:
                break loop
            case .closeBrace:
                if stops.contains(.brace) { break loop }
                lexer.next()
                continue loop
            case .ampersand:
                if stops.contains(.cell) { break loop }
                lexer.next()
                continue loop
            case .command("\\"), .command("cr"), .command("newline"):
                if stops.contains(.cell) { break loop }
                lexer.next()
                lexer.skipDimensionBracket()
                continue loop
            case .command("right"):
                if stops.contains(.right) { break loop }
            case .command("end"):
                if stops.contains(.end) { break loop }
            case .symbol("]"):
                if stops.contains(.bracket) { break loop }
            default:
                break
            }
            let atom: MathNode
            switch token {
            case .caret, .underscore, .prime:
                atom = .row([])
            default:
                guard let parsed = parseAtom(stops: stops) else { continue loop }
                atom = parsed
            }
            items.append(parseScripts(atom))
        }
        return MathParser.finalize(items)
    }

    /// A nested row (group body, cell, `\left` body), counted against `maxDepth`.
    mutating func nestedRow(stops: Stops) -> MathNode {
        depth += 1
        defer { depth -= 1 }
        guard depth <= MathParser.maxDepth else {
            skipNested(stops: stops)
            return .error("nesting too deep")
        }
        return .row(parseRow(stops: stops))
    }

    /// Consumes one token and returns what it stands for; nil for tokens that produce nothing.
    mutating func parseAtom(stops: Stops) -> MathNode? {
        let token = lexer.next()
        switch token {
        case .end, .ampersand, .closeBrace:
            return nil
        case let .letter(c):
            return .identifier(String(c), upright: false)
        case let .number(digits):
            return .number(continueNumber(digits))
        case .openBrace:
            return parseGroupAfterBrace()
        case .caret:
            return .error("^")
        case .underscore:
            return .error("_")
        case .prime:
            return .op(MathOperator("\u{2032}", .other))
        case let .symbol(c):
            return MathSymbols.node(for: c)
        case let .command(name):
            return parseCommand(name, stops: stops)
        }
    }

    /// `{…}` after its `{` was consumed.
    mutating func parseGroupAfterBrace() -> MathNode {
        let body = nestedRow(stops: [.brace])
        if lexer.peek() == .closeBrace { lexer.next() }
        return body
    }

    /// A command's argument: a braced group, or a single token (`\frac12`, `x^\alpha`).
    mutating func parseArgument(stops: Stops) -> MathNode {
        switch lexer.peek() {
        case .end, .closeBrace, .ampersand, .command("\\"), .command("right"), .command("end"):
            return .error("missing argument")
        case .openBrace:
            lexer.next()
            return parseGroupAfterBrace()
        case let .number(digits) where digits.unicodeScalars.count > 1:
            return .number(lexer.nextSingleScalar())
        default:
            depth += 1
            defer { depth -= 1 }
            guard depth <= MathParser.maxDepth else {
                lexer.next()
                return .error("nesting too deep")
            }
            return parseAtom(stops: stops) ?? .row([])
        }
    }

    /// `1{,}024` and `23\,860` are one number in TeX sources; keep them one `<mn>`.
    mutating func continueNumber(_ first: String) -> String {
        var text = first
        while true {
            var probe = lexer
            if probe.next() == .openBrace, probe.next() == .symbol(","), probe.next() == .closeBrace,
               case let .number(more) = probe.next() {
                text += "," + more
                lexer = probe
                continue
            }
            probe = lexer
            if probe.next() == .command(","), case let .number(more) = probe.next() {
                text += "\u{202F}" + more
                lexer = probe
                continue
            }
            return text
        }
    }

    /// Attaches `_`, `^` and primes to `base`. A second `^` (or `_`) is left for the row, where it
    /// starts a new script on an empty base rather than failing.
    mutating func parseScripts(_ base: MathNode) -> MathNode {
        var limits = MathParser.defaultLimits(of: base)
        var sub: MathNode?
        var sup: MathNode?
        var primes = 0
        loop: while true {
            switch lexer.peek() {
            case .command("limits"):
                lexer.next()
                limits = .always
            case .command("nolimits"):
                lexer.next()
                limits = .never
            case .prime where sup == nil:
                lexer.next()
                primes += 1
            case .caret where sup == nil:
                lexer.next()
                sup = parseArgument(stops: [])
            case .underscore where sub == nil:
                lexer.next()
                sub = parseArgument(stops: [])
            default:
                break loop
            }
        }
        if primes > 0 {
            let marks = ["", "\u{2032}", "\u{2033}", "\u{2034}", "\u{2057}"]
            let text = primes < marks.count ? marks[primes] : String(repeating: "\u{2032}", count: primes)
            let prime = MathNode.op(MathOperator(text, .other))
            // The prime glyph already sits at superscript height: set as a
            // superscript it is raised and shrunk again and floats away from
            // its letter (and into `max` above a′). Beside the letter it
            // stays attached: a′, H′, and s′₁ as s₁′ (issue 16, item 8).
            if sup == nil, limits == .never {
                let scripted = sub.map { MathNode.scripts(base: base, sub: $0, sup: nil, limits: limits) } ?? base
                return .row([scripted, prime])
            }
            sup = sup.map { .row([prime, $0]) } ?? prime
        }
        guard sub != nil || sup != nil else { return base }
        return .scripts(base: base, sub: sub, sup: sup, limits: limits)
    }

    static func defaultLimits(of base: MathNode) -> ScriptPlacement {
        switch base {
        case let .op(op) where op.kind == .large: return op.limits ? .display : .never
        case let .function(_, limits): return limits ? .display : .never
        case let .accent(_, mark, _, _) where mark == "\u{23DE}" || mark == "\u{23DF}": return .always
        default: return .never
        }
    }

    // MARK: Skipping

    /// Consumes tokens up to the next stop at this level, without recursion: the escape hatch
    /// for input nested deeper than `maxDepth`.
    mutating func skipNested(stops: Stops) {
        var level = 0
        while true {
            let token = lexer.peek()
            switch token {
            case .end:
                return
            case .openBrace, .command("left"), .command("begin"):
                level += 1
            case .closeBrace:
                if level == 0 {
                    if stops.contains(.brace) { return }
                } else {
                    level -= 1
                }
            case .command("right"), .command("end"):
                if level == 0 {
                    if stops.contains(token == .command("right") ? .right : .end) { return }
                } else {
                    level -= 1
                }
            case .ampersand, .command("\\"):
                if level == 0, stops.contains(.cell) { return }
            case .symbol("]"):
                if level == 0, stops.contains(.bracket) { return }
            default:
                break
            }
            lexer.next()
        }
    }

    // MARK: Row post-processing

    /// Decisions that need neighbours: a `+`/`−` after an operator or at a group start is a sign
    /// (`(-2)`, `= -1`), and a function name gets an invisible "function application" operator,
    /// with a thin space unless a bracket follows (`\sin x` vs `\exp(x)`).
    static func finalize(_ items: [MathNode]) -> [MathNode] {
        var out: [MathNode] = []
        out.reserveCapacity(items.count + 2)
        for (index, item) in items.enumerated() {
            var node = item
            if case var .op(op) = node, index > 0, op.kind == .binary,
               ["+", "\u{2212}", "\u{B1}", "\u{2213}"].contains(op.text), endsLikeOperator(items[index - 1]) {
                op.form = "prefix"
                node = .op(op)
            }
            out.append(node)
            if isFunction(node), index + 1 < items.count, !startsLikeOperator(items[index + 1]) {
                var apply = MathOperator("\u{2061}", .other)
                if !startsWithOpenBracket(items[index + 1]) { apply.rspace = "0.1667em" }
                out.append(.op(apply))
            }
        }
        return out
    }

    private static func isFunction(_ node: MathNode) -> Bool {
        switch node {
        case .function: return true
        case let .scripts(base, _, _, _): return isFunction(base)
        default: return false
        }
    }

    private static func endsLikeOperator(_ node: MathNode) -> Bool {
        switch node {
        case let .op(op): return [.binary, .relation, .open, .punctuation, .large].contains(op.kind)
        case .function: return true
        case let .scripts(base, _, _, _):
            if case let .op(op) = base { return op.kind == .large }
            return isFunction(base)
        default: return false
        }
    }

    private static func startsLikeOperator(_ node: MathNode) -> Bool {
        if case let .op(op) = node { return [.relation, .punctuation, .close].contains(op.kind) || op.text == "\u{2061}" }
        return false
    }

    private static func startsWithOpenBracket(_ node: MathNode) -> Bool {
        switch node {
        case let .op(op): return op.kind == .open
        case let .fenced(open, _, _): return open != nil
        case let .scripts(base, _, _, _): return startsWithOpenBracket(base)
        case let .row(children): return children.first.map(startsWithOpenBracket) ?? false
        default: return false
        }
    }
}
