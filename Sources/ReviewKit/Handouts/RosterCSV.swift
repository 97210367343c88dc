/// A CSV roster: one student per line, `id,name`, UTF-8.
///
/// Spreadsheets export rosters with a header row, a byte-order mark, CRLF
/// line ends and quoted names (`"Martin, Alice"`), so all of those are
/// read (a control character inside a field is an error, as everywhere); the header is optional. With a header, columns are found by name
/// (`id`, `name`, any others ignored); without one, the first column is the
/// id and the second, if any, the name. Errors name the line:
/// `roster.csv: line 4: duplicate id '17' (first on line 2)`.
///
/// A reader of our own (RFC 4180 is one page) rather than a dependency:
/// it reuses the strict UTF-8 check and the located error type.
enum RosterCSV {
    static func read(path: String) throws -> [Student] {
        let source = ProblemSource(path: path)
        let bytes = try FileBytes.read(path: path, displayName: source.displayName, maxBytes: Limits.maxFileBytes)
        return try parse(bytes, file: source.displayName)
    }

    static func parse(_ bytes: [UInt8], file: String) throws -> [Student] {
        func fail(_ line: Int?, _ message: String) -> ProblemFileError {
            ProblemFileError(file: file, location: line.map { "line \($0)" }, message: message)
        }
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        if let bad = UTF8Check.firstInvalidOffset(in: bytes, from: start) {
            throw fail(bytes[..<bad].filter { $0 == 0x0A }.count + 1, "the file is not valid UTF-8")
        }
        let text = String(decoding: bytes[start...], as: UTF8.self)
        let rows = try records(text, fail: fail)
        for row in rows {
            for (column, cell) in row.cells.enumerated() {
                if let problem = ControlCharacters.problem(in: cell) ?? TextLimits.nameProblem(cell) {
                    throw fail(row.line, "field \(column + 1): \(problem)")
                }
            }
        }

        var idColumn = 0, nameColumn: Int? = 1
        var body = rows[...]
        if let header = rows.first, header.cells.first.map(normalized) == "id"
            || header.cells.contains(where: { normalized($0) == "name" })
        {
            let names = header.cells.map(normalized)
            guard let id = names.firstIndex(of: "id") else { throw fail(header.line, "the header has no 'id' column") }
            idColumn = id
            nameColumn = names.firstIndex(of: "name")
            body = rows.dropFirst()
        }

        var students: [Student] = []
        var firstLine: [String: Int] = [:]
        for row in body {
            let id = row.cells.indices.contains(idColumn) ? row.cells[idColumn].trimmingWhitespace() : ""
            guard !id.isEmpty else { throw fail(row.line, "missing student id") }
            if let first = firstLine[id] {
                throw fail(row.line, "duplicate id \(Field.quoteName(id)) (first on line \(first))")
            }
            firstLine[id] = row.line
            let name = nameColumn.flatMap { row.cells.indices.contains($0) ? row.cells[$0].trimmingWhitespace() : nil }
            students.append(Student(number: students.count + 1, id: id, name: name?.isEmpty == false ? name : nil))
            guard students.count <= Limits.maxStudents else {
                throw fail(row.line, "more than \(Limits.maxStudents) students")
            }
        }
        guard !students.isEmpty else { throw fail(nil, "no students in the roster") }
        return students
    }

    /// One line of the file (a quoted field may span several; `line` is where it starts).
    struct Record {
        var line: Int
        var cells: [String]
    }

    /// Splits the text into records; blank lines are skipped.
    static func records(_ text: String, fail: (Int?, String) -> ProblemFileError) throws -> [Record] {
        var records: [Record] = []
        var cells: [String] = []
        var cell = ""
        var line = 1, recordLine = 1, quoteLine = 1
        var inQuotes = false, afterQuote = false, sawAny = false
        let scalars = Array(text.unicodeScalars)
        var i = 0

        func endRecord() {
            cells.append(cell)
            if sawAny || cells.count > 1 || !cell.trimmingWhitespace().isEmpty {
                records.append(Record(line: recordLine, cells: cells))
            }
            cells = []; cell = ""; sawAny = false; afterQuote = false
        }

        while i < scalars.count {
            let c = scalars[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < scalars.count, scalars[i + 1] == "\"" {
                        cell.unicodeScalars.append("\""); i += 2; continue
                    }
                    inQuotes = false; afterQuote = true
                } else {
                    if c == "\n" { line += 1 }
                    cell.unicodeScalars.append(c)
                }
                i += 1
                continue
            }
            switch c {
            case "\"" where cell.trimmingWhitespace().isEmpty && !afterQuote:
                cell = ""; inQuotes = true; sawAny = true; quoteLine = line
            case "\"":
                throw fail(line, "a quote inside an unquoted field (write it as \"\" inside a quoted field)")
            case ",":
                cells.append(cell); cell = ""; afterQuote = false; sawAny = true
            case "\r" where i + 1 < scalars.count && scalars[i + 1] == "\n":
                break
            case "\n", "\r":
                endRecord()
                line += 1
                recordLine = line
            default:
                if afterQuote, !c.properties.isWhitespace {
                    throw fail(line, "text after a closing quote")
                }
                cell.unicodeScalars.append(c)
            }
            i += 1
        }
        if inQuotes { throw fail(quoteLine, "a quoted field is never closed") }
        endRecord()
        return records
    }

    private static func normalized(_ cell: String) -> String {
        cell.trimmingWhitespace().lowercased()
    }
}
