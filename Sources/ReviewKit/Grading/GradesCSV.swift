/// `grades.csv`: one row per student — id, name, folder, the right answers
/// on each problem (`p1`, `p2`, …), the total and how many answers were
/// graded — for a spreadsheet or an LMS gradebook.
enum GradesCSV {
    static func write(_ grades: ClassGrades) -> String {
        let count = grades.problems.count
        var lines = [(["student", "name", "folder"] + (1...max(count, 1)).prefix(count).map { "p\($0)" } + ["total", "out_of"])
            .joined(separator: ",")]
        for student in grades.students {
            let cells = [student.id, student.name ?? "", student.folder] + student.points.map(String.init)
                + [String(student.total), String(student.outOf)]
            lines.append(cells.map(cell).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// RFC 4180 quoting; and a cell a spreadsheet would run as a formula
    /// (`=`, `+`, `-`, `@` first) gets a leading `'`, so a name from a
    /// roster cannot become one.
    static func cell(_ text: String) -> String {
        var text = text
        if let first = text.first, "=+-@\t\r".contains(first) { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
