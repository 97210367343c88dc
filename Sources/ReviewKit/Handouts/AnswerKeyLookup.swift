/// `review key HANDOUT CODE…`: the answer keys of the students whose sheets
/// carry these variant codes, from the handout file alone.
///
/// The students and their problems are derived exactly as `review build`
/// derives them (the same reader, the same seeds, the same generators), so a
/// student's rows are their rows of the build's answer key, in the same
/// format; nothing is written. Every code is checked before any problem is
/// made: a code that is not one (wrong length or characters), whose check
/// character does not match (a typo), or that no student of the handout has
/// is a `UsageError` naming the code.
public enum AnswerKeyLookup {
    public static func write(
        _ handout: Handout, codes: [String], format: OutputFormat, to emit: (String) throws -> Void
    ) throws {
        let students = try self.students(handout, codes: codes)
        let records = try students.map { try StudentSheets.problems(handout, $0).record }
        let page = MarkdownPage(templates: TemplateLibrary.forLanguage(handout.language))
        try AnswerKey.write(handout, records, format: format, page: page, to: emit)
    }

    /// The students the codes name, in the order given, each once.
    static func students(_ handout: Handout, codes: [String]) throws -> [Student] {
        var byCode: [VariantCode: Student] = [:]
        for student in handout.students {
            byCode[VariantCode(handoutSeed: handout.seed, studentID: student.id)] = student
        }
        var found: [Student] = []
        for typed in codes {
            let code: VariantCode
            switch VariantCode.read(typed) {
            case .success(let read): code = read
            case .failure(.malformed(let reason)):
                throw UsageError(message: "code '\(typed)': not a variant code (\(reason); a code looks like 7KQ2-M9X7)")
            case .failure(.wrongCheck):
                throw UsageError(
                    message: "code '\(typed)': wrong check character: a character was mistyped or two were swapped")
            }
            guard let student = byCode[code] else {
                throw UsageError(
                    message: "code '\(typed)': no student of \(handout.source.displayName) (seed \(handout.seed)) "
                        + "has this code; was the sheet built from another handout or seed?")
            }
            if !found.contains(student) { found.append(student) }
        }
        return found
    }
}
