/// The seeds behind a student's sheet, derived so that a student's problems
/// depend only on the handout's seed, the student's id and the section.
///
/// - The *variant* is the student's own seed, drawn from the handout seed
///   and the id. It is printed on both of the student's sheets.
/// - Each generated section gets a *section seed* drawn from the variant and
///   the section's number; its problems are exactly
///   `review gen --topic T --count N --difficulty D --seed <section seed>`
///   (except that a problem repeating one already on the student's sheet,
///   e.g. a classic of the handout, is drawn again: `HandoutVariety`),
///   and the section seed is in every problem id (`backprop-<seed>-<n>`).
///
/// Seeds stay below 10^10: short enough to copy off a sheet, far below
/// 2^53 so JSON keeps them exact, and large enough that two students on one
/// roster sharing a variant is a one-in-ten-million event.
public enum Variant {
    static let range: ClosedRange<Int> = 1...9_999_999_999

    public static func student(handoutSeed: UInt64, studentID: String) -> UInt64 {
        var random = RandomSource(seed: handoutSeed, labels: ["handout-student", studentID])
        return UInt64(random.int(in: range))
    }

    public static func section(variant: UInt64, section: Int) -> UInt64 {
        var random = RandomSource(seed: variant, labels: ["handout-section", String(section)])
        return UInt64(random.int(in: range))
    }
}
