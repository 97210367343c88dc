/// Turns template output — Markdown with `$…$` / `$$…$$` math and
/// GitHub-style pipe tables — into an `EmbedDocument`, so that neither the
/// LaTeX nor the tables have to survive CommonMark parsing.
///
/// Math is found first (so a `|` inside a formula never splits a table cell),
/// then tables. Backslash-escaped dollars (`\$`, as `MarkdownEscaping`
/// writes for text from problem files) and code spans are left alone.
enum EmbedExtractor {
    static func extract(
        _ markdown: String, figures: [Figure] = [], sections: [Section] = [], formulas: [FormulaEmbed] = []
    ) -> EmbedDocument {
        var embeds: [Embed] = []
        let withSections = SectionMarker.replace(in: markdown) { index in
            guard sections.indices.contains(index) else { return "" }
            embeds.append(.section(sections[index]))
            return EmbedToken.make(embeds.count - 1)
        }
        let withFigures = FigureMarker.replace(in: withSections) { index in
            guard figures.indices.contains(index) else { return "" }
            embeds.append(.figure(figures[index]))
            return EmbedToken.make(embeds.count - 1)
        }
        let withFormulas = FormulaMarker.replace(in: withFigures) { index in
            guard formulas.indices.contains(index) else { return "" }
            embeds.append(.formula(formulas[index]))
            return EmbedToken.make(embeds.count - 1)
        }
        let withMath = extractMath(withFormulas, into: &embeds)
        let withTables = extractTables(withMath, into: &embeds)
        return EmbedDocument(markdown: withTables, embeds: embeds)
    }

    // MARK: Math

    /// Works on UTF-8 bytes and copies whole runs of ordinary text: every
    /// character that matters here (`\\`, `` ` ``, `$`, newline, `~`, space)
    /// is ASCII, so no multi-byte character is ever split.
    private static func extractMath(_ text: String, into embeds: inout [Embed]) -> String {
        let bytes = Array(text.utf8)
        let n = bytes.count
        var output: [UInt8] = []
        output.reserveCapacity(n)
        var i = 0
        var runStart = 0
        var atLineStart = true
        var inFence = false
        func flush(to end: Int) {
            if runStart < end { output.append(contentsOf: bytes[runStart..<end]) }
        }
        while i < n {
            let c = bytes[i]
            if atLineStart, startsFence(bytes, at: i) { inFence.toggle() }
            atLineStart = c == 0x0A
            if inFence { i += 1; continue }
            switch c {
            case 0x5C:  // backslash: the next character is literal
                i += 2
            case 0x60:  // a code span is copied through verbatim
                var ticks = 0
                while i + ticks < n, bytes[i + ticks] == 0x60 { ticks += 1 }
                i = (closingTicks(bytes, from: i + ticks, count: ticks).map { $0 + ticks }) ?? (i + ticks)
            case 0x24:
                let display = i + 1 < n && bytes[i + 1] == 0x24
                let start = i + (display ? 2 : 1)
                guard let end = closingDollar(bytes, from: start, display: display) else { i += 1; continue }
                flush(to: i)
                var latex = String(decoding: bytes[start..<end], as: UTF8.self)
                if display { latex = latex.trimmingWhitespace() }
                embeds.append(.math(latex: latex, display: display))
                output.append(contentsOf: EmbedToken.make(embeds.count - 1).utf8)
                i = end + (display ? 2 : 1)
                runStart = i
            default:
                i += 1
            }
        }
        flush(to: n)
        return String(decoding: output, as: UTF8.self)
    }

    private static func startsFence(_ s: [UInt8], at i: Int) -> Bool {
        var j = i
        while j < s.count, s[j] == 0x20, j - i < 3 { j += 1 }
        guard j + 2 < s.count else { return false }
        let c = s[j]
        return (c == 0x60 || c == 0x7E) && s[j + 1] == c && s[j + 2] == c
    }

    private static func closingTicks(_ s: [UInt8], from start: Int, count: Int) -> Int? {
        var j = start
        while j < s.count {
            if s[j] == 0x60 {
                var run = 0
                while j + run < s.count, s[j + run] == 0x60 { run += 1 }
                if run == count { return j }
                j += run
            } else {
                j += 1
            }
        }
        return nil
    }

    /// The index of the closing `$` (or `$$`), or nil when the dollar opens
    /// nothing. Inline math may not start or end with a space (so "$5 and $6"
    /// stays text) and does not cross a blank line.
    private static func closingDollar(_ s: [UInt8], from start: Int, display: Bool) -> Int? {
        if !display, start < s.count, s[start] == 0x20 || s[start] == 0x0A { return nil }
        var j = start
        while j < s.count {
            let c = s[j]
            if c == 0x5C { j += 2; continue }
            if c == 0x0A, j + 1 < s.count, s[j + 1] == 0x0A { return nil }
            if c == 0x24 {
                if display {
                    if j + 1 < s.count, s[j + 1] == 0x24 { return j }
                } else {
                    if j == start || s[j - 1] == 0x20 { return nil }
                    return j
                }
            }
            j += 1
        }
        return nil
    }

    // MARK: Tables

    /// Lines are handled as UTF-8 slices; only the rows of a table are
    /// looked at character by character.
    private static func extractTables(_ text: String, into embeds: inout [Embed]) -> String {
        guard text.utf8.contains(0x7C) else { return text }
        let lines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { Substring($0) }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var i = 0
        func emit(_ line: Substring) {
            out += line
            out += "\n"
        }
        while i < lines.count {
            guard i + 1 < lines.count, isRow(lines[i]), let alignments = delimiterRow(String(lines[i + 1])) else {
                emit(lines[i]); i += 1; continue
            }
            let header = cells(of: String(lines[i]))
            var end = i + 2
            var rows: [[String]] = []
            var highlighted: Set<Table.Position> = []
            while end < lines.count, isRow(lines[end]) {
                var row = normalize(cells(of: String(lines[end])), to: header.count)
                for (column, cell) in row.enumerated() where cell.hasPrefix(TableHighlight.marker) {
                    row[column] = String(cell.dropFirst()).trimmingWhitespace()
                    highlighted.insert(.init(row: rows.count, column: column))
                }
                rows.append(row)
                end += 1
            }
            let table = Table(
                header: header, alignments: normalize(alignments, to: header.count, filler: .left), rows: rows,
                highlighted: highlighted)
            embeds.append(.table(table))
            // A blank line on each side keeps the token a paragraph of its own.
            out += "\n" + EmbedToken.make(embeds.count - 1) + "\n\n"
            i = end
        }
        out.removeLast()  // the newline after the last line was not in the text
        return out
    }

    private static func isRow(_ line: Substring) -> Bool {
        line.utf8.first(where: { $0 != 0x20 }) == 0x7C
    }

    private static func isRow(_ line: String) -> Bool {
        isRow(Substring(line))
    }

    private static func delimiterRow(_ line: String) -> [Table.Alignment]? {
        guard isRow(line) else { return nil }
        var result: [Table.Alignment] = []
        for cell in cells(of: line) {
            let left = cell.hasPrefix(":"), right = cell.hasSuffix(":")
            let dashes = cell.trimmingCharacters(in: ":")
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
            result.append(left && right ? .center : right ? .right : .left)
        }
        return result
    }

    /// Splits `| a | b \| c |` into `["a", "b | c"]`, bytewise: `|`, `\\`
    /// and space are ASCII, so no character is ever cut in two.
    private static func cells(of line: String) -> [String] {
        var bytes = Array(line.utf8)
        while let last = bytes.last, last == 0x20 || last == 0x09 || last == 0x0D { bytes.removeLast() }
        var start = 0
        while start < bytes.count, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        var end = bytes.count
        if start < end, bytes[start] == 0x7C { start += 1 }
        if end > start, bytes[end - 1] == 0x7C, !(end - 2 >= start && bytes[end - 2] == 0x5C) { end -= 1 }
        var cells: [String] = []
        var current: [UInt8] = []
        func finish() {
            var a = 0, b = current.count
            while a < b, current[a] == 0x20 { a += 1 }
            while b > a, current[b - 1] == 0x20 { b -= 1 }
            cells.append(String(decoding: current[a..<b], as: UTF8.self))
            current.removeAll(keepingCapacity: true)
        }
        var i = start
        while i < end {
            let c = bytes[i]
            if c == 0x5C, i + 1 < end {
                // `\|` is a literal bar in a cell; any other escape stays for cmark.
                if bytes[i + 1] != 0x7C { current.append(c) }
                current.append(bytes[i + 1])
                i += 2
                continue
            }
            if c == 0x7C { finish() } else { current.append(c) }
            i += 1
        }
        finish()
        return cells
    }

    private static func normalize<T>(_ values: [T], to count: Int, filler: T) -> [T] {
        if values.count >= count { return Array(values.prefix(count)) }
        return values + Array(repeating: filler, count: count - values.count)
    }

    private static func normalize(_ values: [String], to count: Int) -> [String] {
        normalize(values, to: count, filler: "")
    }
}

extension String {
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }

    func trimmingCharacters(in set: Character) -> String {
        String(drop(while: { $0 == set }).reversed().drop(while: { $0 == set }).reversed())
    }
}
