/// Keeps one student's handout free of repeats (issue 16: half a class got
/// the course notes' x·(x + y) twice, once generated and once as the
/// classic). A generated section draws again any problem that repeats a
/// fixed problem of the handout (a classic is on every sheet) or one of an
/// earlier section (`ProblemSolver.generate(avoiding:)`), so it equals `review
/// gen` with its section seed except where that would repeat.
struct HandoutVariety {
    private var seen: Set<String>

    init(_ handout: Handout) {
        seen = Set(handout.sections.flatMap { section -> [String] in
            guard case .fixed(_, _, let problems) = section.content else { return [] }
            return problems.map { $0.repetitionKey() }
        })
    }

    /// The problems of one generated section, remembered for the sections after it.
    mutating func generate(
        topic: String, count: Int, seed: UInt64, difficulty: Difficulty, options: GenerationOptions = .init()
    ) throws -> [WorkedProblem] {
        let problems = try ProblemSolver.generate(
            topic: topic, count: count, seed: seed, difficulty: difficulty, options: options, avoiding: seen)
        seen.formUnion(problems.map { $0.repetitionKey() })
        return problems
    }

    /// Generated section `number` of the student with these section seeds,
    /// made again as the build made it (the sections before it replayed for
    /// what they hold): how the Moodle export finds a student's problems.
    static func section(_ number: Int, of handout: Handout, seeds: [StudentPacket.SectionSeed]) throws -> [WorkedProblem] {
        var variety = HandoutVariety(handout)
        for section in handout.sections where section.number <= number {
            guard case .generated(let topic, let count, let difficulty) = section.content,
                let seed = seeds.first(where: { $0.section == section.number })?.seed
            else { continue }
            let options = try handout.generationOptions(for: section) { n in seeds.first { $0.section == n }?.seed }
            let problems = try variety.generate(topic: topic, count: count, seed: seed, difficulty: difficulty, options: options)
            if section.number == number { return problems }
        }
        return []
    }
}
