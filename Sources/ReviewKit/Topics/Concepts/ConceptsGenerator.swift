/// Draws bank items for `review gen --topic concepts` and handouts.
///
/// Problem `number` of a sheet is entry `number − 1` of one shuffle of the
/// (filtered) bank, fixed by the seed, the subject and the difficulty: a
/// sheet repeats no item until every item has been asked (then a fresh
/// shuffle starts), and problem `i` still depends only on the seed and `i`.
/// Items in `options.exclude` (asked earlier in a student's handout) are
/// left out while others remain.
///
/// The difficulty picks the form: easy and standard are multiple choice,
/// hard is short answer (key points). The options' order is shuffled per
/// seed and problem.
enum ConceptsGenerator {
    static func generate(seed: UInt64, number: Int, difficulty: Difficulty, options: GenerationOptions) throws
        -> ConceptsTopic.Problem
    {
        let bank = ConceptBank.shared
        if let subject = options.subject, bank.subject(subject) == nil {
            throw UsageError(message: unknownSubjectMessage(subject))
        }
        let all = bank.items(subject: options.subject)
        let fresh = all.filter { !options.exclude.contains($0.id) }
        let pool = fresh.isEmpty ? all : fresh
        let index = number - 1
        var shuffle = RandomSource(
            seed: seed, labels: ["concepts", options.subject ?? "all", difficulty.rawValue, String(index / pool.count)])
        let item = shuffle.shuffled(pool)[index % pool.count]
        var random = RandomSource(seed: seed, labels: ["concepts", difficulty.rawValue, String(number)])
        return problem(item, &random, difficulty: difficulty)
    }

    static func problem(_ item: ConceptBank.Item, _ random: inout RandomSource, difficulty: Difficulty)
        -> ConceptsTopic.Problem
    {
        let form: ConceptsTopic.Form = difficulty == .hard ? .short : .choice
        let order = random.shuffled(Array(0...item.wrong.count))
        return ConceptsTopic.Problem(items: [item.id], form: form, order: form == .choice ? [order] : nil)
    }

    static func unknownSubjectMessage(_ subject: String) -> String {
        let names = ConceptBank.shared.subjectNames
        if let near = closestMatch(to: subject, in: names) {
            return "unknown subject '\(subject)' (did you mean '\(near)'?)"
        }
        return "unknown subject '\(subject)'; expected one of: \(names.joined(separator: ", "))"
    }
}
