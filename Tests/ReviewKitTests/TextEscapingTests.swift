import Testing
@testable import ReviewKit

/// Markdown escaping of text from problem files, written out by hand.
@Suite struct TextEscapingTests {
    @Test func everyASCIIPunctuationButUnderscoreIsBackslashed() {
        #expect(TextEscaping.markdown(##"!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"##)
            == ##"\!\"\#\$\%\&\'\(\)\*\+\,\-\.\/\:\;\<\=\>\?\@\[\\\]\^_\`\{\|\}\~"##)
    }

    @Test func lettersDigitsAndOtherScriptsAreLeftAlone() {
        #expect(TextEscaping.markdown("Abc 123 梯度 é e\u{301} —“”。") == "Abc 123 梯度 é e\u{301} —“”。")
        #expect(TextEscaping.markdown("") == "")
    }

    @Test func lineBreaksAndTabsBecomeSpaces() {
        #expect(TextEscaping.markdown("a\nb\r\tc\r\n") == "a b  c  ")
    }

    @Test func reservedCharactersAreRemoved() {
        #expect(TextEscaping.markdown("x\u{E000}1\u{E001}y") == "x1y")
        #expect(TextEscaping.markdown("\u{E00F}a.b\u{E010}") == "a\\.b\u{E010}")
        #expect(TextEscaping.markdown("梯\u{E002}度") == "梯度")
    }
}
