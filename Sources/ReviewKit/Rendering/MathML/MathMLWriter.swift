/// Writes a `MathNode` tree as MathML Core markup.
///
/// Why a separate writer: the tree says what the formula is; this file holds everything about
/// how current browsers draw MathML Core — which attributes they honour (`displaystyle`,
/// `lspace`, `stretchy`), which they ignore (`mathvariant` other than `normal`, `columnalign`,
/// `<menclose>`), and where CSS has to stand in. It also owns escaping: every piece of text and
/// every attribute value goes through `escape`, so input can never inject markup.
struct MathMLWriter {
    private(set) var output = ""
    /// Above zero inside sub/superscripts and limits, where TeX drops the spaces around binary
    /// operators, relations and punctuation (`h_{t-1}`, `\sum_{j=1}`); browsers would not.
    private var scriptDepth = 0
    /// True while the next element written is the first child of its row: the browser already
    /// gives a leading `−` prefix (unspaced) form there, so it needs no attributes.
    private var atRowStart = false

    /// The complete `<math>` element for a parsed formula.
    mutating func document(_ nodes: [MathNode], display: Bool) -> String {
        output = ""
        output.reserveCapacity(64 + nodes.count * 24)
        // A long display formula carries its estimated width, so print can scale it to fit (`MathWidth`).
        let width = display ? MathWidth.ems(nodes) : 0
        output += display
            ? "<math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"block\""
                + (width > MathWidth.threshold ? " style=\"--w:\(Int(width.rounded(.up)))\">" : ">")
            : "<math xmlns=\"http://www.w3.org/1998/Math/MathML\">"
        writeSequence(nodes, display: display)
        output += "</math>"
        return output
    }

    /// An inline formula that may wrap: one `<math>` element per piece
    /// between break points (`InlineMathBreaks`), with a `<wbr>` after each.
    mutating func breakable(_ nodes: [MathNode]) -> String {
        InlineMathBreaks.pieces(nodes).map { document($0, display: false) }.joined(separator: "<wbr>")
    }

    /// `display` is TeX's display style, tracked so that `\sum_{j}` gets its limits below only
    /// where TeX would put them there (not inside fractions, scripts or inline math).
    mutating func write(_ node: MathNode, display: Bool) {
        let first = atRowStart
        atRowStart = false
        switch node {
        case let .identifier(text, upright):
            output += upright && text.unicodeScalars.count == 1 ? "<mi mathvariant=\"normal\">" : "<mi>"
            escape(text)
            output += "</mi>"
        case let .number(text):
            output += "<mn>"
            escape(text)
            output += "</mn>"
        case let .op(op):
            writeOperator(op, first: first)
        case let .function(name, _):
            output += "<mi>"
            escape(name)
            output += "</mi>"
        case let .text(text, style):
            output += "<mtext"
            if let style { attribute("style", style) }
            output += ">"
            escape(text)
            output += "</mtext>"
        case let .space(width):
            output += "<mspace"
            attribute("width", width)
            output += "/>"
        case let .row(children):
            if children.count == 1 {
                write(children[0], display: display)
            } else {
                output += "<mrow>"
                writeSequence(children, display: display)
                output += "</mrow>"
            }
        case let .fraction(numerator, denominator, style, thickness):
            output += "<mfrac"
            if let thickness { attribute("linethickness", thickness) }
            switch style {
            case .auto: break
            case .display: output += " displaystyle=\"true\" scriptlevel=\"0\""
            case .text: output += " displaystyle=\"false\""
            }
            output += ">"
            writeSingle(numerator, display: false)
            writeSingle(denominator, display: false)
            output += "</mfrac>"
        case let .root(base, index):
            if let index {
                output += "<mroot>"
                writeSingle(base, display: display)
                writeSingle(index, display: false)
                output += "</mroot>"
            } else {
                output += "<msqrt>"
                write(base, display: display)
                output += "</msqrt>"
            }
        case let .scripts(base, sub, sup, limits):
            writeScripts(base: base, sub: sub, sup: sup, limits: limits, display: display)
        case let .accent(base, mark, stretchy, over):
            output += over ? "<mover accent=\"true\">" : "<munder accentunder=\"true\">"
            writeSingle(base, display: display)
            output += stretchy ? "<mo stretchy=\"true\">" : "<mo stretchy=\"false\">"
            escape(mark)
            output += "</mo>"
            output += over ? "</mover>" : "</munder>"
        case let .fenced(open, body, close):
            output += "<mrow>"
            if let open { writeOperator(open) }
            atRowStart = open == nil
            for child in body { write(child, display: display) }
            if let close { writeOperator(close) }
            output += "</mrow>"
        case let .table(table):
            writeTable(table)
        case let .style(child, color, displayStyle):
            output += "<mstyle"
            if let color { attribute("mathcolor", color) }
            if let displayStyle {
                output += displayStyle ? " displaystyle=\"true\" scriptlevel=\"0\"" : " displaystyle=\"false\""
            }
            output += ">"
            write(child, display: displayStyle ?? display)
            output += "</mstyle>"
        case let .bordered(child, border):
            switch border {
            case .box: output += "<mrow style=\"border:0.065em solid;padding:0.2em 0.3em\">"
            case .over: output += "<mrow style=\"border-top:0.065em solid;padding-top:0.12em\">"
            case .under: output += "<mrow style=\"border-bottom:0.065em solid;padding-bottom:0.12em\">"
            }
            write(child, display: display)
            output += "</mrow>"
        case let .phantom(child):
            output += "<mphantom>"
            write(child, display: display)
            output += "</mphantom>"
        case let .error(message):
            output += "<merror><mtext>"
            escape(message)
            output += "</mtext></merror>"
        }
    }

    /// Children of msub, mfrac … must be exactly one element, so multi-child rows keep their mrow
    /// (and an empty row becomes `<mrow></mrow>`).
    private mutating func writeSingle(_ node: MathNode, display: Bool) {
        if case let .row(children) = node, children.count != 1 {
            output += "<mrow>"
            writeSequence(children, display: display)
            output += "</mrow>"
        } else {
            write(node, display: display)
        }
    }

    private mutating func writeScripts(base: MathNode, sub: MathNode?, sup: MathNode?, limits: ScriptPlacement, display: Bool) {
        let under = limits == .always || (limits == .display && display)
        let element: String
        switch (sub != nil, sup != nil, under) {
        case (true, true, false): element = "msubsup"
        case (true, false, false): element = "msub"
        case (false, _, false): element = "msup"
        case (true, true, true): element = "munderover"
        case (true, false, true): element = "munder"
        case (false, _, true): element = "mover"
        }
        output += "<" + element + ">"
        writeSingle(base, display: display)
        scriptDepth += 1
        if let sub { writeSingle(sub, display: false) }
        if let sup { writeSingle(sup, display: false) }
        scriptDepth -= 1
        output += "</" + element + ">"
    }

    /// The children of one row, in order.
    private mutating func writeSequence(_ children: [MathNode], display: Bool) {
        atRowStart = true
        for child in children { write(child, display: display) }
        atRowStart = false
    }

    private mutating func writeOperator(_ op: MathOperator, first: Bool = false) {
        output += "<mo"
        if let form = op.form { attribute("form", form) }
        if op.fence {
            output += " fence=\"true\" stretchy=\"true\" symmetric=\"true\""
            if let size = op.size {
                attribute("minsize", size)
                attribute("maxsize", size)
            }
        } else {
            switch op.kind {
            case .open, .close:
                output += " stretchy=\"false\""
            case .ordinary:
                output += " lspace=\"0\" rspace=\"0\""
                if op.text == "|" || op.text == "\u{2016}" || op.text == "/" { output += " stretchy=\"false\"" }
            case .binary, .relation, .punctuation:
                if scriptDepth > 0 && op.form == nil && !first { output += " lspace=\"0\" rspace=\"0\"" }
            default:
                break
            }
        }
        if let rspace = op.rspace { attribute("rspace", rspace) }
        output += ">"
        escape(op.text)
        output += "</mo>"
    }

    private mutating func writeTable(_ table: MathTable) {
        let fenced = table.open != nil || table.close != nil
        if fenced {
            output += "<mrow>"
            if let open = table.open { writeOperator(.fence(open)) }
        }
        output += table.displayStyle ? "<mtable displaystyle=\"true\">" : "<mtable>"
        for row in table.rows {
            output += "<mtr>"
            for (column, cell) in row.enumerated() {
                var align = column < table.columnAlign.count ? table.columnAlign[column] : "center"
                var padding = ""
                if table.alignedPairs {
                    align = column % 2 == 0 ? "right" : "left"
                    padding = column % 2 == 0 ? ";padding-right:0" : ";padding-left:0"
                }
                if align == "center" && padding.isEmpty {
                    output += "<mtd>"
                } else {
                    output += "<mtd"
                    attribute("columnalign", align)
                    attribute("style", "text-align:" + align + padding)
                    output += ">"
                }
                if case let .row(children) = cell {
                    writeSequence(children, display: table.displayStyle)
                } else {
                    write(cell, display: table.displayStyle)
                }
                output += "</mtd>"
            }
            output += "</mtr>"
        }
        output += "</mtable>"
        if fenced {
            if let close = table.close { writeOperator(.fence(close)) }
            output += "</mrow>"
        }
    }

    // MARK: Escaping

    private mutating func attribute(_ name: String, _ value: String) {
        output += " " + name + "=\""
        escape(value)
        output += "\""
    }

    /// Appends text with `& < > "` escaped, invisible operators as character references, and
    /// characters XML forbids (controls, U+FFFE/U+FFFF) dropped. ASCII text without specials
    /// takes a fast path.
    private mutating func escape(_ text: String) {
        let needsWork = text.utf8.contains { byte in
            byte < 0x20 || byte >= 0x80 || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<")
                || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"")
        }
        guard needsWork else {
            output += text
            return
        }
        for c in text.unicodeScalars {
            switch c {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "\u{2061}": output += "&#x2061;"
            case "\t", "\n", "\r": output.unicodeScalars.append(" ")
            default:
                if c.value < 0x20 || c.value == 0xFFFE || c.value == 0xFFFF || (c.value >= 0x7F && c.value < 0xA0) {
                    continue
                }
                output.unicodeScalars.append(c)
            }
        }
    }
}
