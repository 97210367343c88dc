import Testing
@testable import ReviewKit

/// What a student may type, and how precisely it has to match.
@Suite struct StudentNumberTests {
    static let readable: [(String, Double)] = [
        ("0.73", 0.73) as (String, Double), (".73", 0.73), ("7.3e-1", 0.73), ("-1/3", -1.0 / 3), ("−2", -2), ("－2", -2),
        ("０.７３", 0.73), ("23,860", 23860), ("23，860", 23860), ("1,234,567.5", 1234567.5), (" 456 ", 456),
        ("+4", 4), ("1E3", 1000), ("3/4", 0.75),
    ]

    @Test(arguments: readable)
    func readsWhatStudentsType(_ typed: String, _ value: Double) throws {
        let number = try #require(StudentNumber(typed))
        #expect(abs(number.value - value) < 1e-12)
    }

    @Test(arguments: ["", "abc", "1,23", "12,3456", "1/0", "1..2", "--1", "1e", "0x10", "1,234.5,6", "."])
    func refusesWhatIsNotANumber(_ typed: String) {
        #expect(StudentNumber(typed) == nil)
    }

    /// The tolerance follows the typed digits (QuizGenerator marks `-6.10`
    /// wrong for −6.0982; we do not).
    @Test func roundedToTheTypedDigitsIsRight() throws {
        #expect(try #require(StudentNumber("-6.10")).isRight(for: -6.0982))
        #expect(try #require(StudentNumber("0.73")).isRight(for: 0.7311))
        #expect(try #require(StudentNumber("0.7311")).isRight(for: 0.73105858))
        #expect(try #require(StudentNumber("456")).isRight(for: 456))
        #expect(try #require(StudentNumber("-1/3")).isRight(for: -0.3333333333333333))
        #expect(try #require(StudentNumber("2.4e-3")).isRight(for: 0.0024))
    }

    @Test func tooFarOrTooCoarseIsWrong() throws {
        #expect(!(try #require(StudentNumber("0.74")).isRight(for: 0.7311)))
        #expect(!(try #require(StudentNumber("450")).isRight(for: 456)))
        // One significant figure is not an answer to 0.33…
        #expect(!(try #require(StudentNumber("0")).isRight(for: 1.0 / 3)))
        #expect(!(try #require(StudentNumber("6")).isRight(for: 6.0982)))
        // … and an exact fraction must be exact.
        #expect(!(try #require(StudentNumber("1/3")).isRight(for: 0.3334)))
    }
}
