import Foundation

/// The `students` of a handout: a count (`30`), a list (`["Alice", …]`,
/// ids as integers, or `{"id": …, "name": …}` objects), or the path of a
/// CSV roster (`id,name`, UTF-8) relative to the handout's folder.
enum RosterReader {
    static func students(_ field: Field, folder: String) throws -> [Student] {
        switch field.value.kind {
        case .number:
            let count = try field.int(in: 1...Limits.maxStudents)
            return (1...count).map { Student(number: $0, id: Student.padded($0), name: nil) }
        case .array:
            return try list(field)
        case .string(let path):
            let file = HandoutReader.resolve(path, in: folder)
            guard FileManager.default.fileExists(atPath: file) else { throw field.error("no such file: \(file)") }
            return try RosterCSV.read(path: file)
        default:
            throw field.error(
                "must be a number of students, a list of students, or the path of a CSV roster, got \(field.describe())")
        }
    }

    private static func list(_ field: Field) throws -> [Student] {
        let items = try field.array()
        guard !items.isEmpty else { throw field.error("must list at least one student") }
        guard items.count <= Limits.maxStudents else {
            throw field.error("lists \(items.count) students; at most \(Limits.maxStudents)")
        }
        var students: [Student] = []
        var seen: [String: Field] = [:]
        for (index, item) in items.enumerated() {
            let (id, name) = try entry(item)
            if let first = seen[id] {
                throw item.error("duplicate student id \(Field.quoteName(id)) (also at \(first.path))")
            }
            seen[id] = item
            students.append(Student(number: index + 1, id: id, name: name))
        }
        return students
    }

    /// A name (also the id), an integer id, or `{"id", "name"}`.
    private static func entry(_ item: Field) throws -> (id: String, name: String?) {
        switch item.value.kind {
        case .string(let text):
            let name = text.trimmingWhitespace()
            guard !name.isEmpty else { throw item.error("must be a non-empty name") }
            return (name, name)
        case .number:
            return (String(try item.nonNegativeInt()), nil)
        case .object:
            let object = try item.object(allowedKeys: ["id", "name"])
            let idField = try object.required("id")
            let id: String
            if case .number = idField.value.kind {
                id = String(try idField.nonNegativeInt())
            } else {
                id = try idField.string().trimmingWhitespace()
                guard !id.isEmpty else { throw idField.error("must be a non-empty id") }
            }
            let name = try object.optional("name")?.string().trimmingWhitespace()
            return (id, name?.isEmpty == false ? name : nil)
        default:
            throw item.error("must be a student's name, an integer id or {\"id\", \"name\"}, got \(item.describe())")
        }
    }
}

extension Student {
    /// `7` → `007`: the id of a student on a roster given as a count.
    static func padded(_ number: Int) -> String {
        Student(number: number, id: "", name: nil).paddedNumber
    }
}
