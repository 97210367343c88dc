import ArgumentParser

/// Reads the value of a whole-number option (`--count`, `--seed`, `--jobs`).
///
/// These options are declared as text with `parsing: .unconditional`:
/// argument-parser would otherwise take `-1` for an option and say "Missing
/// value", or reject `99999999999999999999` without the range. Read here,
/// every value that is not allowed gets the same sentence, which states
/// what is: `--count must be between 1 and 1000, got -1` (exit status 2).
enum WholeNumberOption {
    static func value<Number: FixedWidthInteger>(
        of option: String, _ text: String, in allowed: ClosedRange<Number>, rule: String
    ) throws -> Number {
        guard let number = Number(text), allowed.contains(number) else {
            throw ValidationError("\(option) must be \(rule), got \(text)")
        }
        return number
    }
}
