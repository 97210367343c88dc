/// Turns template output — Markdown with `$…$` / `$$…$$` math and
/// GitHub-style pipe tables — into an `IslandDocument`, so that neither the
/// LaTeX nor the tables have to survive CommonMark parsing.
///
/// Math is found first (so a `|` inside a formula never splits a table cell),
/// then tables. Backslash-escaped dollars (`\$`, as `MarkdownEscaping`
/// writes for text from problem files) and code spans are left alone.
enum IslandExtractor {
    static func extract(_ markdown: String, figures: [Figure] = [], sections: [Section] = []) -> IslandDocument {
        var islands: [Island] = []
        let withSections = SectionMarker.replace(in: markdown) { index in
            guard sections.indices.contains(index) else { return "" }
            islands.append(.section(sections[index]))
            return IslandToken.make(islands.count - 1)
        }
        let withFigures = FigureMarker.replace(in: withSections) { index in
            guard figures.indices.contains(index) else { return "" }
            islands.append(.figure(figures[index]))
            return IslandToken.make(islands.count - 1)
        }
        let withMath = extractMath(withFigures, into: &islands)
        let withTables = extractTables(withMath, into: &islands)
        return IslandDocument(markdown: withTables, islands: islands)
    }

    // MARK: Math

    private static func extractMath(_ text: String, into islands: inout [Island]) -> String {
        let scalars = Array(text.unicodeScalars)
        var output = String.UnicodeScalarView()
        var i = 0
        var atLineStart = true
        var inFence = false
        while i < scalars.count {
            let c = scalars[i]
            if atLineStart, startsFence(scalars, at: i) { inFence.toggle() }
            atLineStart = c == "\n"
            if inFence {
                output.append(c); i += 1; continue
            }
            switch c {
            case "\\":
                output.append(c)
                if i + 1 < scalars.count { output.append(scalars[i + 1]) }
                i += 2
            case "`":
                // Copy a code span through verbatim.
                var ticks = 0
                while i + ticks < scalars.count, scalars[i + ticks] == "`" { ticks += 1 }
                if let end = closingTicks(scalars, from: i + ticks, count: ticks) {
                    output.append(contentsOf: scalars[i..<end + ticks])
                    i = end + ticks
                } else {
                    output.append(contentsOf: scalars[i..<i + ticks])
                    i += ticks
                }
            case "$":
                let display = i + 1 < scalars.count && scalars[i + 1] == "$"
                let start = i + (display ? 2 : 1)
                if let end = closingDollar(scalars, from: start, display: display) {
                    var latex = String(String.UnicodeScalarView(scalars[start..<end]))
                    if display { latex = latex.trimmingWhitespace() }
                    islands.append(.math(latex: latex, display: display))
                    output.append(contentsOf: IslandToken.make(islands.count - 1).unicodeScalars)
                    i = end + (display ? 2 : 1)
                } else {
                    output.append(c); i += 1
                }
            default:
                output.append(c); i += 1
            }
        }
        return String(output)
    }

    private static func startsFence(_ s: [Unicode.Scalar], at i: Int) -> Bool {
        var j = i
        while j < s.count, s[j] == " ", j - i < 3 { j += 1 }
        return j + 2 < s.count && ((s[j] == "`" && s[j + 1] == "`" && s[j + 2] == "`")
            || (s[j] == "~" && s[j + 1] == "~" && s[j + 2] == "~"))
    }

    private static func closingTicks(_ s: [Unicode.Scalar], from start: Int, count: Int) -> Int? {
        var j = start
        while j < s.count {
            if s[j] == "`" {
                var run = 0
                while j + run < s.count, s[j + run] == "`" { run += 1 }
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
    private static func closingDollar(_ s: [Unicode.Scalar], from start: Int, display: Bool) -> Int? {
        if !display, start < s.count, s[start] == " " || s[start] == "\n" { return nil }
        var j = start
        while j < s.count {
            let c = s[j]
            if c == "\\" { j += 2; continue }
            if c == "\n", j + 1 < s.count, s[j + 1] == "\n" { return nil }
            if c == "$" {
                if display {
                    if j + 1 < s.count, s[j + 1] == "$" { return j }
                } else {
                    if j == start || s[j - 1] == " " { return nil }
                    return j
                }
            }
            j += 1
        }
        return nil
    }

    // MARK: Tables

    private static func extractTables(_ text: String, into islands: inout [Island]) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var i = 0
        while i + 1 < lines.count {
            guard isRow(lines[i]), let alignments = delimiterRow(lines[i + 1]) else {
                i += 1; continue
            }
            let header = cells(of: lines[i])
            var end = i + 2
            var rows: [[String]] = []
            var highlighted: Set<Table.Position> = []
            while end < lines.count, isRow(lines[end]) {
                var row = normalize(cells(of: lines[end]), to: header.count)
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
            islands.append(.table(table))
            // A blank line on each side keeps the token a paragraph of its own.
            lines.replaceSubrange(i..<end, with: ["", IslandToken.make(islands.count - 1), ""])
            i += 3
        }
        return lines.joined(separator: "\n")
    }

    private static func isRow(_ line: String) -> Bool {
        line.drop(while: { $0 == " " }).hasPrefix("|")
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

    /// Splits `| a | b \| c |` into `["a", "b | c"]`.
    private static func cells(of line: String) -> [String] {
        var body = Substring(line.trimmingWhitespace())
        if body.hasPrefix("|") { body = body.dropFirst() }
        if body.hasSuffix("|"), !body.hasSuffix("\\|") { body = body.dropLast() }
        var cells: [String] = []
        var current = ""
        var escaped = false
        for ch in body {
            if escaped {
                if ch != "|" { current.append("\\") }
                current.append(ch); escaped = false
            } else if ch == "\\" {
                escaped = true
            } else if ch == "|" {
                cells.append(current.trimmingWhitespace()); current = ""
            } else {
                current.append(ch)
            }
        }
        if escaped { current.append("\\") }
        cells.append(current.trimmingWhitespace())
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
