extension WorkedProblem {
    /// The same problem under a section's title, unless it has its own
    /// (solution sheets); question sheets always show the section's.
    ///
    /// The title goes into the problem JSON too, right after `id` where a
    /// problem file's header puts it, so `problems.json` fed to `review
    /// solve` prints exactly what the build wrote.
    func titled(_ sectionTitle: String?) -> WorkedProblem {
        guard title == nil, let sectionTitle else {
            var problem = self
            problem.sectionTitle = sectionTitle
            return problem
        }
        var members: [Member] = []
        if case .object(let existing) = problem.kind {
            for member in existing {
                members.append(member)
                if member.key == "id" { members.append(Member(key: "title", value: .string(sectionTitle))) }
            }
        }
        return WorkedProblem(
            id: id, topic: topic, title: sectionTitle, problem: JSONValue(.object(members)), answers: answers,
            trace: trace, statement: statement, present: present, sheetLimit: sheetLimit, slips: slips, choices: choices,
            sectionTitle: sectionTitle, repetitionKey: repetitionKey)
    }
}
