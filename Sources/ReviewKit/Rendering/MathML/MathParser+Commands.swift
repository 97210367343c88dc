/// Commands with arguments or structure: everything the symbol table cannot express.
///
/// Why split from `MathParser.swift`: the core (rows, scripts, termination) is what must be
/// right for safety; this file is the long, boring list of LaTeX features, each a few lines.
/// Each handler consumes its own arguments and returns a node, or nil when the command produces
/// nothing (`\limits` out of place, `\nonumber`).
extension MathParser {
    mutating func parseCommand(_ name: String, stops: Stops) -> MathNode? {
        if let entry = MathSymbols.commands[name] {
            return MathSymbols.node(for: entry)
        }
        if let size = MathSymbols.bigSizes[name] {
            guard let delimiter = parseDelimiter(), !delimiter.isEmpty else { return nil }
            return .op(.fence(delimiter, size: size))
        }
        if let (mark, stretchy, over) = MathSymbols.accents[name] {
            return .accent(parseArgument(stops: stops), mark: mark, stretchy: stretchy, over: over)
        }
        if let variant = MathVariant.commands[name] {
            return MathParser.apply(variant, to: parseArgument(stops: stops))
        }
        switch name {
        case "frac", "dfrac", "tfrac", "cfrac":
            let numerator = parseArgument(stops: stops)
            let denominator = parseArgument(stops: stops)
            let style: FractionStyle = name == "dfrac" || name == "cfrac" ? .display : name == "tfrac" ? .text : .auto
            return .fraction(numerator, denominator, style: style, thickness: nil)
        case "binom", "dbinom", "tbinom":
            let top = parseArgument(stops: stops)
            let bottom = parseArgument(stops: stops)
            let style: FractionStyle = name == "dbinom" ? .display : name == "tbinom" ? .text : .auto
            return .fenced(open: .fence("("), body: [.fraction(top, bottom, style: style, thickness: "0")],
                           close: .fence(")"))
        case "sqrt":
            return parseSquareRoot(stops: stops)
        case "left":
            return parseLeftRight(stops: stops)
        case "right", "middle":
            guard let delimiter = parseDelimiter(), !delimiter.isEmpty else { return nil }
            return .op(.fence(delimiter))
        case "text", "textrm", "textnormal", "mbox", "hbox", "textup":
            return .text(MathParser.decodeText(lexer.readRawArgument() ?? ""), style: nil)
        case "textbf":
            return .text(MathParser.decodeText(lexer.readRawArgument() ?? ""), style: "font-weight:bold")
        case "textit", "emph":
            return .text(MathParser.decodeText(lexer.readRawArgument() ?? ""), style: "font-style:italic")
        case "texttt":
            return .text(MathParser.decodeText(lexer.readRawArgument() ?? ""), style: "font-family:monospace")
        case "textsf":
            return .text(MathParser.decodeText(lexer.readRawArgument() ?? ""), style: "font-family:sans-serif")
        case "operatorname", "operatornamewithlimits":
            var limits = name == "operatornamewithlimits"
            if lexer.peek() == .symbol("*") {
                lexer.next()
                limits = true
            }
            let argument = MathParser.apply(.normal, to: parseArgument(stops: stops))
            if let word = MathParser.flatWord(argument) { return .function(word, limits: limits) }
            return argument
        case "color":
            // Like LaTeX, `\color` colours the rest of the current group.
            let color = MathParser.cleanColor(lexer.readRawArgument() ?? "")
            return .style(nestedRow(stops: stops), color: color, displayStyle: nil)
        case "textcolor":
            let color = MathParser.cleanColor(lexer.readRawArgument() ?? "")
            return .style(parseArgument(stops: stops), color: color, displayStyle: nil)
        case "displaystyle", "textstyle", "scriptstyle", "scriptscriptstyle":
            return .style(nestedRow(stops: stops), color: nil, displayStyle: name == "displaystyle")
        case "boxed", "fbox", "framebox":
            return .bordered(parseArgument(stops: stops), .box)
        case "overline":
            return .bordered(parseArgument(stops: stops), .over)
        case "underline":
            return .bordered(parseArgument(stops: stops), .under)
        case "phantom", "hphantom", "vphantom":
            return .phantom(parseArgument(stops: stops))
        case "overset", "stackrel":
            let over = parseArgument(stops: stops)
            return .scripts(base: parseArgument(stops: stops), sub: nil, sup: over, limits: .always)
        case "underset":
            let under = parseArgument(stops: stops)
            return .scripts(base: parseArgument(stops: stops), sub: under, sup: nil, limits: .always)
        case "mathop", "mathbin", "mathrel", "mathord", "mathopen", "mathclose", "mathpunct", "mathinner":
            return parseArgument(stops: stops)
        case "not":
            return parseNegation(stops: stops)
        case "pmod":
            let argument = parseArgument(stops: stops)
            return .fenced(open: .fence("("), body: [.function("mod", limits: false), .space("0.3333em"), argument],
                           close: .fence(")"))
        case "begin":
            return parseEnvironment(name: lexer.readRawArgument() ?? "", stops: stops)
        case "end":
            return .error("\\end{\(lexer.readRawArgument() ?? "")}")
        case "label", "tag":
            _ = lexer.readRawArgument()
            return nil
        case "limits", "nolimits", "hline", "nonumber", "notag", "relax", "strut", "mathstrut", "displaylimits",
             "\\", "cr", "newline", "allowbreak":
            return nil
        default:
            return .error("\\" + name)
        }
    }

    /// The delimiter after `\left`, `\right`, `\big…`: its character, `""` for `.`, nil if missing.
    mutating func parseDelimiter() -> String? {
        switch lexer.peek() {
        case let .symbol(c):
            guard let delimiter = MathSymbols.delimiter(forSymbol: c) else { return nil }
            lexer.next()
            return delimiter
        case let .command(name):
            guard let delimiter = MathSymbols.delimiterCommands[name] else { return nil }
            lexer.next()
            return delimiter
        default:
            return nil
        }
    }

    /// `\left( … \right)`; a missing `\right` closes silently at the end of the group.
    mutating func parseLeftRight(stops: Stops) -> MathNode {
        let open = parseDelimiter() ?? ""
        let body = nestedRow(stops: stops.intersection([.brace, .end, .cell]).union(.right))
        var close = ""
        if lexer.peek() == .command("right") {
            lexer.next()
            close = parseDelimiter() ?? ""
        }
        let children: [MathNode]
        if case let .row(items) = body { children = items } else { children = [body] }
        return .fenced(open: open.isEmpty ? nil : .fence(open), body: children,
                       close: close.isEmpty ? nil : .fence(close))
    }

    /// `\sqrt{x}` and `\sqrt[3]{x}`.
    mutating func parseSquareRoot(stops: Stops) -> MathNode {
        var index: MathNode?
        if lexer.peek() == .symbol("[") {
            lexer.next()
            index = nestedRow(stops: [.bracket])
            if lexer.peek() == .symbol("]") { lexer.next() }
        }
        return .root(parseArgument(stops: stops), index: index)
    }

    /// `\not=` → `≠`; other operators get a combining long solidus.
    mutating func parseNegation(stops: Stops) -> MathNode? {
        guard let next = parseAtom(stops: stops) else { return nil }
        guard case var .op(op) = next else { return next }
        let negated: [String: String] = ["=": "\u{2260}", "<": "\u{226E}", ">": "\u{226F}", "\u{2208}": "\u{2209}",
                                         "\u{2264}": "\u{2270}", "\u{2265}": "\u{2271}", "\u{2261}": "\u{2262}"]
        op.text = negated[op.text] ?? op.text + "\u{338}"
        return .op(op)
    }

    // MARK: Environments

    /// `matrix`-like environments, `cases`, `aligned`, `array`. Rows end at `\\`, cells at `&`;
    /// an unknown environment is still read as a table, behind an `<merror>` naming it.
    mutating func parseEnvironment(name: String, stops: Stops) -> MathNode {
        depth += 1
        defer { depth -= 1 }
        guard depth <= MathParser.maxDepth else {
            skipNested(stops: [.end])
            if lexer.peek() == .command("end") {
                lexer.next()
                _ = lexer.readRawArgument()
            }
            return .error("nesting too deep")
        }
        var table = MathTable(rows: [])
        var known = true
        let base = name.hasSuffix("*") ? String(name.dropLast()) : name
        switch base {
        case "matrix", "smallmatrix": break
        case "pmatrix": (table.open, table.close) = ("(", ")")
        case "bmatrix": (table.open, table.close) = ("[", "]")
        case "Bmatrix": (table.open, table.close) = ("{", "}")
        case "vmatrix": (table.open, table.close) = ("|", "|")
        case "Vmatrix": (table.open, table.close) = ("\u{2016}", "\u{2016}")
        case "cases", "dcases":
            table.open = "{"
            table.columnAlign = ["left", "left"]
        case "aligned", "align", "split", "alignat", "alignedat", "eqnarray", "flalign":
            if base == "alignat" || base == "alignedat" { _ = lexer.readRawArgument() }
            table.alignedPairs = true
            table.displayStyle = true
        case "gathered", "gather", "equation", "multline":
            table.displayStyle = true
        case "array", "subarray":
            let spec = lexer.readRawArgument() ?? ""
            table.columnAlign = spec.unicodeScalars.compactMap { c in
                c == "l" ? "left" : c == "r" ? "right" : c == "c" ? "center" : nil
            }
        default:
            known = false
        }
        let cellStops = stops.intersection([.brace, .right]).union([.cell, .end])
        var rows: [[MathNode]] = [[]]
        loop: while true {
            let cell = parseRow(stops: cellStops)
            rows[rows.count - 1].append(.row(cell))
            switch lexer.peek() {
            case .ampersand:
                lexer.next()
            case .command("\\"), .command("cr"), .command("newline"):
                lexer.next()
                lexer.skipDimensionBracket()
                rows.append([])
            case .command("end"):
                lexer.next()
                _ = lexer.readRawArgument()
                break loop
            default:
                break loop
            }
        }
        if rows.count > 1, rows[rows.count - 1] == [.row([])] { rows.removeLast() }
        table.rows = rows
        if known { return .table(table) }
        return .row([.error("\\begin{\(name)}"), .table(table)])
    }

    // MARK: Helpers

    /// Applies a font command to everything inside its argument. `.normal` also merges runs of
    /// letters into one word (`\mathrm{softmax}` → `<mi>softmax</mi>`, upright).
    static func apply(_ variant: MathVariant, to node: MathNode) -> MathNode {
        switch node {
        case let .identifier(text, upright):
            if variant == .normal { return .identifier(text, upright: true) }
            return .identifier(variant.map(text), upright: upright)
        case let .number(text):
            return variant == .normal ? node : .number(variant.map(text))
        case let .row(children):
            var mapped: [MathNode] = []
            for child in children.map({ apply(variant, to: $0) }) {
                if variant == .normal, case let .identifier(text, _) = child,
                   case let .identifier(previous, _)? = mapped.last {
                    mapped[mapped.count - 1] = .identifier(previous + text, upright: true)
                } else {
                    mapped.append(child)
                }
            }
            return .row(mapped)
        case let .scripts(base, sub, sup, limits):
            return .scripts(base: apply(variant, to: base), sub: sub.map { apply(variant, to: $0) },
                            sup: sup.map { apply(variant, to: $0) }, limits: limits)
        case let .fraction(a, b, style, thickness):
            return .fraction(apply(variant, to: a), apply(variant, to: b), style: style, thickness: thickness)
        case let .accent(base, mark, stretchy, over):
            return .accent(apply(variant, to: base), mark: mark, stretchy: stretchy, over: over)
        case let .style(child, color, displayStyle):
            return .style(apply(variant, to: child), color: color, displayStyle: displayStyle)
        default:
            return node
        }
    }

    /// The argument of `\operatorname` as one word, if it is only letters, digits, spaces and dashes.
    static func flatWord(_ node: MathNode) -> String? {
        switch node {
        case let .identifier(text, _), let .number(text): return text
        case .space: return "\u{2009}"
        case let .op(op) where op.text == "\u{2212}": return "-"
        case let .op(op) where op.kind == .ordinary || op.kind == .punctuation: return op.text
        case let .row(children):
            var word = ""
            for child in children {
                guard let part = flatWord(child) else { return nil }
                word += part
            }
            return word.isEmpty ? nil : word
        default: return nil
        }
    }

    /// Colour names and `#hex` only; anything else could smuggle CSS into the attribute.
    static func cleanColor(_ raw: String) -> String {
        let kept = raw.unicodeScalars.filter { MathTokenizer.isASCIILetter($0) || MathTokenizer.isDigit($0) || $0 == "#" }
        var result = ""
        result.unicodeScalars.append(contentsOf: kept)
        return result.isEmpty ? "inherit" : result
    }

    /// The text of `\text{…}`: TeX escapes resolved, braces dropped, `$` dropped, edge spaces kept
    /// as no-break spaces (HTML would otherwise collapse them).
    static func decodeText(_ raw: String) -> String {
        let scalars = Array(raw.unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let c = scalars[index]
            index += 1
            switch c {
            case "\\":
                guard index < scalars.count else { break }
                let next = scalars[index]
                if MathTokenizer.isASCIILetter(next) {
                    var end = index
                    while end < scalars.count, MathTokenizer.isASCIILetter(scalars[end]) { end += 1 }
                    let name = MathTokenizer.string(scalars[index..<end])
                    index = end
                    switch MathSymbols.commands[name] {
                    case let .identifier(text, _)?, let .op(text, _)?: out.append(contentsOf: text.unicodeScalars)
                    case .space?: out.append(" ")
                    default:
                        if ["textbf", "textit", "emph", "text", "textrm", "texttt", "textsf"].contains(name) { break }
                        out.append(contentsOf: ("\\" + name).unicodeScalars)
                    }
                    // TeX swallows the spaces after a control word.
                    while index < scalars.count, scalars[index] == " " { index += 1 }
                } else {
                    index += 1
                    switch next {
                    case ",", ":", ";", " ", ">": out.append(" ")
                    case "\\": out.append(" ")
                    case "!": break
                    default: out.append(next)
                    }
                }
            case "{", "}", "$":
                break
            case "~":
                out.append("\u{A0}")
            case "\n", "\t", "\r":
                out.append(" ")
            default:
                out.append(c)
            }
        }
        var text = String(out)
        if text.hasPrefix(" ") { text = "\u{A0}" + text.dropFirst() }
        if text.hasSuffix(" ") { text = text.dropLast() + "\u{A0}" }
        return text
    }
}
