/// One multiple-choice question of a problem, in one language, with the
/// topic erased: what practice pages, Moodle's `multichoice` and `review
/// grade` need. Only `concepts` makes them (`Topic.choiceQuestions`).
struct ChoiceQuestion: Sendable, Equatable {
    struct Option: Sendable, Equatable {
        /// A, B, C … in sheet order.
        var letter: String
        var text: String
        var isRight: Bool
        /// Why it is right, or the misconception behind it.
        var explanation: String
    }

    /// The answer path (`choice`, or `choice[1]` when a problem asks several items).
    var path: String
    var prompt: String
    var options: [Option]

    var right: Option { options.first(where: \.isRight)! }

    /// The option a student's answer names: its letter in any case, with
    /// spaces, a trailing "." or ")" and full-width letters forgiven; nil
    /// when it names none.
    func option(_ typed: String) -> Option? {
        guard let letter = Self.letter(typed) else { return nil }
        return options.first { $0.letter == letter }
    }

    static func letter(_ typed: String) -> String? {
        var text = typed.trimmingWhitespace()
        while let last = text.last, ".)）．".contains(last) { text.removeLast() }
        text = text.trimmingWhitespace()
        guard text.unicodeScalars.count == 1, var scalar = text.unicodeScalars.first else { return nil }
        if (0xFF21...0xFF3A).contains(scalar.value) || (0xFF41...0xFF5A).contains(scalar.value) {
            scalar = UnicodeScalar(scalar.value - 0xFF21 + 0x41 - (scalar.value >= 0xFF41 ? 0x20 : 0))!
        }
        let upper = String(scalar).uppercased()
        guard upper.count == 1, let ascii = upper.unicodeScalars.first, (65...90).contains(ascii.value) else { return nil }
        return upper
    }
}

extension WorkedProblem {
    /// The choice question at an answer path, in `language`.
    func choice(at path: String, language: String) -> ChoiceQuestion? {
        choices(language).first { $0.path == path }
    }
}
