extension Handout {
    /// What generated `section` draws with for one student: its subject and,
    /// for `concepts`, every item the student's other sections already ask
    /// (all fixed sections, wherever they stand, and the generated concepts
    /// sections before this one), so that no student gets the same item
    /// twice on a handout while the subject has others left.
    ///
    /// The earlier concepts sections are drawn again from their seeds (cheap:
    /// no numbers are worked), so the sheets, the answer key and the Moodle
    /// export all agree without storing the items anywhere. `seed` gives a
    /// section's seed for this student by section number.
    func generationOptions(for section: HandoutSection, seed: (Int) -> UInt64?) throws -> GenerationOptions {
        var options = GenerationOptions(subject: section.subject)
        guard case .generated(ConceptsTopic.name, _, _) = section.content else { return options }
        for other in sections {
            if case .fixed(_, _, let problems) = other.content {
                options.exclude.formUnion(problems.flatMap(Self.conceptItems))
            }
        }
        for earlier in sections where earlier.number < section.number {
            guard case .generated(let topic, let count, let difficulty) = earlier.content, topic == ConceptsTopic.name,
                  let sectionSeed = seed(earlier.number)
            else { continue }
            let drawn = try ProblemSolver.generate(
                topic: topic, count: count, seed: sectionSeed, difficulty: difficulty,
                options: GenerationOptions(subject: earlier.subject, exclude: options.exclude))
            options.exclude.formUnion(drawn.flatMap(Self.conceptItems))
        }
        return options
    }

    /// The bank items a worked problem asks (none unless it is `concepts`).
    static func conceptItems(_ problem: WorkedProblem) -> [String] {
        guard problem.topic == ConceptsTopic.name, case .array(let ids)? = problem.problem["items"]?.kind else {
            return []
        }
        return ids.compactMap { if case .string(let id) = $0.kind { id } else { nil } }
    }
}
