import Foundation

/// One final answer as an LMS numeric field: its path in `answers`
/// (`layers[0].params`), the value, and the absolute tolerance a numeric
/// question accepts around it.
///
/// The tolerance is half a unit of the 4th significant figure of the value
/// rounded to 4 figures (a student
/// who rounds to 4 significant figures is always inside it: 0.7311 for
/// 0.73105857 with ±0.00005), exact (0) for integers, and never below the
/// practice pages' hair of 1e-9·max(1, |value|), so floating-point noise
/// around a true 0 (2.8e-17) still accepts 0, as `review diagnose` does.
struct NumericAnswer: Sendable, Equatable {
    var path: String
    var value: Double
    var tolerance: Double

    init(path: String, value: Double) {
        self.path = path
        self.value = value
        tolerance = Self.tolerance(for: value)
    }

    static func tolerance(for value: Double) -> Double {
        if value == 0 || NumberFormat.isInteger(value) { return 0 }
        // The exponent of the value as shown to 4 figures: 0.09999999999999998 is 0.1000.
        let fourth = NumberFormat.scientificText(value, significant: 4).exponent - 3
        let halfUnit = 0.5 * pow(10, Double(fourth))
        return max(halfUnit, 1e-9 * max(1, abs(value)))
    }

    /// Every number of a problem's answers, in the order of the JSON.
    static func all(_ answers: JSONValue) -> [NumericAnswer] {
        AnswerLeaves(answers).leaves.map { NumericAnswer(path: $0.path, value: $0.value) }
    }

    /// A number as Moodle's Cloze parser reads it
    /// (`-?([0-9]+[.,]?[0-9]*|[.,][0-9]+)([eE][-+]?[0-9]+)?`): integers
    /// without `.0`, others in Swift's shortest round-trip spelling
    /// (`0.1`, `1e-05`, `2.5e+20`), never `+` in front.
    static func text(_ value: Double) -> String {
        if value == 0 { return "0" }
        if NumberFormat.isInteger(value) { return String(Int64(value)) }
        return value.description
    }
}
