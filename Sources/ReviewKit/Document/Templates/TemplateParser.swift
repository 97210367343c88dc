/// Compiles Mustache text into `TemplateNode`s, reproducing
/// swift-mustache 2.x's parser (Template+Parser.swift) byte for byte on
/// the syntax our templates use, so sheets did not change when we stopped
/// using it. Works on UTF-8 bytes: every piece of syntax is ASCII.
///
/// Where swift-mustache differs from the Mustache spec we follow it:
/// - each template used to start with a `{{% CONTENT_TYPE }}` pragma on its
///   first line, so a tag there is never standalone (its newline stays),
///   unless that first line is blank, which is then dropped;
/// - after a section, whether the next tag is at a line start is decided by
///   the section's opening tag, not its closing one;
/// - whitespace at the very end of a template, after the last newline, is dropped.
struct TemplateParser {
    private let bytes: [UInt8]
    private var position = 0

    static func parse(_ text: String) throws -> [TemplateNode] {
        var parser = TemplateParser(bytes: Array(text.utf8))
        if let cr = parser.bytes.firstIndex(of: UInt8(ascii: "\r")) {
            throw TemplateSyntaxError(reason: .carriageReturn, offset: cr)
        }
        // The pragma that stood before the first line: standalone only when the line is blank.
        let atLineStart = parser.lineFinished()
        return try parser.parseNodes(section: nil, atLineStart: atLineStart)
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private static let newline = UInt8(ascii: "\n")
    private static let space = UInt8(ascii: " ")
    private static let tab = UInt8(ascii: "\t")
    private static let open = UInt8(ascii: "{")
    private static let close = UInt8(ascii: "}")

    private var atEnd: Bool { position == bytes.count }
    private var current: UInt8? { atEnd ? nil : bytes[position] }

    private func string(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// The nodes up to the end of the text, or up to `{{/section}}`.
    private mutating func parseNodes(section: String?, atLineStart: Bool) throws -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        var newLine = atLineStart
        var whitespace = ""  // what stood before a tag at a line start, not yet emitted
        while !atEnd {
            if newLine { whitespace = string(readBlanks()) }
            let text = try readText()
            if current == Self.newline {
                nodes.append(.text(whitespace + text + "\n"))
                newLine = true
                position += 1
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(whitespace + text))
                whitespace = ""
                newLine = false
            }
            guard let sigil = current else {
                if position > 0, bytes[position - 1] == Self.open {
                    throw TemplateSyntaxError(reason: .unfinishedTag, offset: position)
                }
                break
            }
            var standalone = false
            switch sigil {
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                position += 1
                let name = try readName()
                if newLine && lineFinished() {
                    standalone = true
                } else if !whitespace.isEmpty {
                    nodes.append(.text(whitespace))
                    whitespace = ""
                }
                let inner = try parseNodes(section: name, atLineStart: standalone)
                nodes.append(.section(name: name, inverted: sigil == UInt8(ascii: "^"), nodes: inner))
            case UInt8(ascii: "/"):
                position += 1
                let start = position
                let name = try readName()
                guard name == section else {
                    throw TemplateSyntaxError(reason: .closeNameIncorrect(expected: section, found: name), offset: start)
                }
                if !(newLine && lineFinished()), !whitespace.isEmpty {
                    nodes.append(.text(whitespace))
                }
                return nodes
            case UInt8(ascii: "!"):
                position += 1
                try skipComment()
                standalone = newLine && lineFinished()
            case Self.open, UInt8(ascii: "&"):
                if !whitespace.isEmpty {
                    nodes.append(.text(whitespace))
                    whitespace = ""
                }
                position += 1
                let name = try readName()
                if sigil == Self.open {
                    guard current == Self.close else { throw TemplateSyntaxError(reason: .unfinishedTag, offset: position) }
                    position += 1
                }
                nodes.append(.variable(name: name, escaped: false))
            case UInt8(ascii: ">"):
                position += 1
                skipWhitespace()
                if current == UInt8(ascii: "*") { throw unsupported("dynamic partial") }
                let name = try readPartialName()
                if !whitespace.isEmpty { nodes.append(.text(whitespace)) }
                standalone = newLine && lineFinished()
                nodes.append(.partial(name: name, indentation: standalone ? whitespace : nil))
                whitespace = ""
            case UInt8(ascii: "<"), UInt8(ascii: "$"):
                throw unsupported("template inheritance")
            case UInt8(ascii: "="):
                throw unsupported("set delimiters")
            case UInt8(ascii: "%"):
                throw unsupported("pragma")
            default:
                if !whitespace.isEmpty {
                    nodes.append(.text(whitespace))
                    whitespace = ""
                }
                nodes.append(.variable(name: try readName(), escaped: true))
            }
            newLine = standalone
        }
        if let section { throw TemplateSyntaxError(reason: .unclosedSection(section), offset: position) }
        return nodes
    }

    private func unsupported(_ what: String) -> TemplateSyntaxError {
        TemplateSyntaxError(reason: .unsupported(what), offset: position)
    }

    /// Spaces and tabs at a line start.
    private mutating func readBlanks() -> Range<Int> {
        let start = position
        while let byte = current, byte == Self.space || byte == Self.tab { position += 1 }
        return start..<position
    }

    /// Text up to a newline (not consumed), the end, or `{{` (consumed).
    private mutating func readText() throws -> String {
        let start = position
        while let byte = current {
            if byte == Self.newline { return string(start..<position) }
            if byte == Self.open {
                guard position + 1 < bytes.count else {
                    // swift-mustache fails to read two characters here.
                    throw TemplateSyntaxError(reason: .unfinishedTag, offset: position)
                }
                if bytes[position + 1] == Self.open {
                    let text = string(start..<position)
                    position += 2
                    return text
                }
            }
            position += 1
        }
        return string(start..<position)
    }

    /// True when only spaces and tabs follow up to a newline, which is then
    /// consumed with them (or when the text ends right here): the tag just
    /// read stands alone on its line.
    private mutating func lineFinished() -> Bool {
        if atEnd { return true }
        var probe = position
        while probe < bytes.count, bytes[probe] == Self.space || bytes[probe] == Self.tab { probe += 1 }
        guard probe < bytes.count, bytes[probe] == Self.newline else { return false }
        position = probe + 1
        return true
    }

    private mutating func skipWhitespace() {
        while let byte = current, byte == Self.space || byte == Self.tab || byte == Self.newline
            || byte == 0x0B || byte == 0x0C {
            position += 1
        }
    }

    private static let nameBytes = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*".utf8)
    private static let partialNameBytes = nameBytes.union("/".utf8)

    /// A tag's name and its closing `}}`. Only plain names and `.` are
    /// accepted: dotted names and transforms `f(x)` are refused.
    private mutating func readName() throws -> String {
        let range = try readName(allowed: Self.nameBytes)
        let name = bytes[range]
        if name.isEmpty { throw TemplateSyntaxError(reason: .emptyName, offset: position) }
        if name.contains(UInt8(ascii: "(")) || name.contains(UInt8(ascii: ")")) {
            throw unsupported("transform \(string(range))")
        }
        if name.count > 1, name.contains(UInt8(ascii: ".")) { throw unsupported("dotted name \(string(range))") }
        return string(range)
    }

    private mutating func readPartialName() throws -> String {
        let range = try readName(allowed: Self.partialNameBytes)
        if range.isEmpty { throw TemplateSyntaxError(reason: .emptyName, offset: position) }
        return string(range)
    }

    /// Where the name is; reads up to and including the closing `}}`.
    private mutating func readName(allowed: Set<UInt8>) throws -> Range<Int> {
        skipWhitespace()
        let start = position
        while let byte = current, allowed.contains(byte) { position += 1 }
        let name = start..<position
        skipWhitespace()
        guard position + 1 < bytes.count, bytes[position] == Self.close, bytes[position + 1] == Self.close else {
            throw TemplateSyntaxError(reason: .unfinishedTag, offset: position)
        }
        position += 2
        return name
    }

    /// Skips a comment's text and its closing `}}`.
    private mutating func skipComment() throws {
        while position + 1 < bytes.count {
            if bytes[position] == Self.close, bytes[position + 1] == Self.close {
                position += 2
                return
            }
            position += 1
        }
        throw TemplateSyntaxError(reason: .unfinishedTag, offset: position)
    }
}
