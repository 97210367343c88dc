import Testing
@testable import ReviewKit

/// Parses text, expecting a syntax error; nil when it parses.
private func syntaxError(_ text: String) -> JSONSyntaxError? {
    syntaxError(Array(text.utf8))
}

private func syntaxError(_ bytes: [UInt8]) -> JSONSyntaxError? {
    do {
        _ = try JSONParser.parse(bytes)
        return nil
    } catch let error as JSONSyntaxError {
        return error
    } catch {
        Issue.record("unexpected error type: \(error)")
        return nil
    }
}

private func parse(_ text: String) throws -> JSONValue {
    try JSONParser.parse(Array(text.utf8))
}

// MARK: - Values

@Test func parsesScalarsAndKeepsNumberLiterals() throws {
    #expect(try parse("null").kind == .null)
    #expect(try parse(" true ").kind == .bool(true))
    #expect(try parse("false").kind == .bool(false))
    #expect(try parse("\"hi\"").kind == .string("hi"))
    guard case .number(let x, let literal) = try parse("-1.50e+2").kind else {
        Issue.record("not a number")
        return
    }
    #expect(x == -150)
    #expect(literal == "-1.50e+2")
}

@Test func keepsMemberOrderAsWritten() throws {
    let value = try parse(#"{"s2": 1, "s0": 2, "s1": 3, "a": 4}"#)
    guard case .object(let members) = value.kind else {
        Issue.record("not an object")
        return
    }
    #expect(members.map(\.key) == ["s2", "s0", "s1", "a"])
}

@Test func recordsPositionsOfValuesAndKeys() throws {
    let value = try parse("{\n  \"a\": [1,\n    true]\n}")
    #expect((value.line, value.column) == (1, 1))
    guard case .object(let members) = value.kind, case .array(let items) = members[0].value.kind else {
        Issue.record("wrong shape")
        return
    }
    #expect((members[0].line, members[0].column) == (2, 3))
    #expect((members[0].value.line, members[0].value.column) == (2, 8))
    #expect((items[1].line, items[1].column) == (3, 5))
}

@Test func decodesEscapesAndSurrogatePairs() throws {
    let value = try parse(#"["a\"b\\c\/d\b\f\n\r\t", "\u00e9\u4E2D", "\ud83d\ude00"]"#)
    #expect(value == .array([.string("a\"b\\c/d\u{8}\u{C}\n\r\t"), .string("é中"), .string("😀")]))
}

@Test func skipsAByteOrderMark() throws {
    #expect(try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array(#"{"a":1}"#.utf8)) == .object([("a", .number(1))]))
    // Positions start after the mark.
    #expect(syntaxError([0xEF, 0xBB, 0xBF] + Array("@".utf8)) == JSONSyntaxError(line: 1, column: 1, message: "unexpected character '@'"))
}

@Test func acceptsNestingUpToTheLimit() throws {
    let depth = JSONParser.maxDepth
    let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
    #expect(throws: Never.self) { try parse(text) }
    let tooDeep = "[" + text + "]"
    #expect(syntaxError(tooDeep) == JSONSyntaxError(line: 1, column: 513, message: "nested too deeply (more than 512 levels)"))
}

@Test func hundredThousandOpeningBracketsAreAnErrorNotACrash() {
    #expect(syntaxError(String(repeating: "[", count: 100_000))?.message == "nested too deeply (more than 512 levels)")
    #expect(syntaxError(String(repeating: "{\"a\":", count: 100_000))?.message == "nested too deeply (more than 512 levels)")
}

// MARK: - Syntax errors, positions counted by hand

@Test func missingCommaBetweenMembers() {
    let text = "{\n  \"a\": 1,\n  \"b\": 2\n  \"c\": 3\n}"
    #expect(syntaxError(text) == JSONSyntaxError(line: 4, column: 3, message: "expected ',' or '}' after an object member"))
}

@Test func missingCommaBetweenElements() {
    #expect(syntaxError("[1 2]") == JSONSyntaxError(line: 1, column: 4, message: "expected ',' or ']' after an array element"))
}

@Test func trailingCommaIsReportedAtTheComma() {
    #expect(syntaxError("[1, 2,]") == JSONSyntaxError(line: 1, column: 6, message: "trailing comma"))
    #expect(syntaxError("{\"a\": 1 ,\n}") == JSONSyntaxError(line: 1, column: 9, message: "trailing comma"))
}

@Test func columnsCountCharactersNotBytes() {
    // é and 中 are 2 and 3 bytes but one column each.
    #expect(syntaxError(#"{"é": @}"#) == JSONSyntaxError(line: 1, column: 7, message: "unexpected character '@'"))
    #expect(syntaxError("[\"中中\" 1]") == JSONSyntaxError(line: 1, column: 7, message: "expected ',' or ']' after an array element"))
}

@Test func carriageReturnLineEndings() {
    #expect(syntaxError("{\r\n  \"a\" 1\r\n}") == JSONSyntaxError(line: 2, column: 7, message: "expected ':' after the key \"a\""))
}

@Test func stringErrors() {
    #expect(syntaxError(#"{"a": "abc"#) == JSONSyntaxError(line: 1, column: 7, message: "unterminated string"))
    #expect(syntaxError("[\"abc\n\"]") == JSONSyntaxError(line: 1, column: 2, message: "unterminated string"))
    #expect(syntaxError(#"["a\qb"]"#) == JSONSyntaxError(line: 1, column: 4, message: "invalid escape '\\q'"))
    #expect(syntaxError("[\"a\tb\"]") == JSONSyntaxError(line: 1, column: 4, message: "control character in string"))
    #expect(syntaxError(#"["\u12G4"]"#) == JSONSyntaxError(line: 1, column: 3, message: "invalid escape: '\\u' needs four hex digits"))
    #expect(syntaxError(#"["x\ud800"]"#) == JSONSyntaxError(line: 1, column: 4, message: "lone surrogate '\\uD800' in string"))
    #expect(syntaxError(#"["\udc00"]"#) == JSONSyntaxError(line: 1, column: 3, message: "lone surrogate '\\uDC00' in string"))
    #expect(syntaxError(#"["\ud800\u0041"]"#)?.message == "lone surrogate '\\uD800' in string")
}

@Test func numberErrors() {
    for bad in ["[01]", "[1.]", "[.5]", "[-]", "[1e]", "[1.2.3]", "[12px]", "[+1]", "[-Infinity]"] {
        let error = syntaxError(bad)
        // "+1" and ".5" do not start a number at all.
        let expected = bad == "[+1]" ? "unexpected character '+'"
            : bad == "[.5]" ? "unexpected character '.'" : "invalid number"
        #expect(error == JSONSyntaxError(line: 1, column: 2, message: expected), "\(bad)")
    }
    #expect(syntaxError("[1e400]") == JSONSyntaxError(line: 1, column: 2, message: "number out of range"))
    #expect(syntaxError("-1e400") == JSONSyntaxError(line: 1, column: 1, message: "number out of range"))
    #expect(syntaxError("[1e-400]") == nil)  // underflow reads as 0
}

@Test func otherStructuralErrors() {
    #expect(syntaxError(#"{"a": [1, 2"#) == JSONSyntaxError(line: 1, column: 12, message: "unexpected end of file"))
    #expect(syntaxError("{} x") == JSONSyntaxError(line: 1, column: 4, message: "text after the JSON value"))
    #expect(syntaxError("{\"a\": 1, \"b\": 2, \"a\": 3}") == JSONSyntaxError(line: 1, column: 18, message: "duplicate key \"a\""))
    #expect(syntaxError("{a: 1}") == JSONSyntaxError(line: 1, column: 2, message: "object keys need double quotes"))
    #expect(syntaxError("[True]") == JSONSyntaxError(line: 1, column: 2, message: "unexpected word 'True' (JSON writes true and false in lower case)"))
    #expect(syntaxError("['a']")?.message == "unexpected character ''' (strings need straight double quotes)")
    #expect(syntaxError("[1] // done")?.message == "text after the JSON value")
    #expect(syntaxError("{\"a\": }") == JSONSyntaxError(line: 1, column: 7, message: "unexpected character '}'"))
    #expect(syntaxError("[\u{1}]") == JSONSyntaxError(line: 1, column: 2, message: "unexpected character U+0001"))
}

@Test func emptyInputIsTheFileIsEmpty() {
    for text in ["", "   ", "\n\t\r\n "] {
        #expect(syntaxError(text) == JSONSyntaxError(line: 1, column: 1, message: "the file is empty"))
    }
    #expect(syntaxError([0xEF, 0xBB, 0xBF])?.isEmptyFile == true)
}

@Test func invalidUTF8IsLocated() {
    #expect(syntaxError([0x5B, 0x22, 0x61, 0xFF, 0x22, 0x5D]) == JSONSyntaxError(line: 1, column: 4, message: "the file is not valid UTF-8"))
    // Second line: `"é","` then a lone Latin-1 é (0xE9).
    let bytes = Array("[\n\"é\",\"".utf8) + [0xE9] + Array("\"]".utf8)
    #expect(syntaxError(bytes) == JSONSyntaxError(line: 2, column: 6, message: "the file is not valid UTF-8"))
    #expect(syntaxError([0x22, 0xC0, 0xAF, 0x22])?.message == "the file is not valid UTF-8")        // overlong '/'
    #expect(syntaxError([0x22, 0xED, 0xA0, 0x80, 0x22])?.message == "the file is not valid UTF-8")  // encoded surrogate
    #expect(syntaxError([0x22, 0xE4, 0xB8])?.message == "the file is not valid UTF-8")              // cut short
}

// MARK: - Robustness

/// A small deterministic generator, so a failing input can be reproduced.
private struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Test func randomBytesNeverCrash() {
    var rng = SplitMix64(state: 20_240_611)
    // Mostly JSON's own characters so inputs get past the first byte.
    let alphabet = Array("{}[]:,\"\\ \n0123456789-+.eEtrufalsn\\u00e9".utf8) + [0xC3, 0xA9, 0xFF, 0x00, 0xED, 0xF0]
    var parsed = 0
    for _ in 0..<5_000 {
        let length = Int.random(in: 0...48, using: &rng)
        let bytes = (0..<length).map { _ in
            Bool.random(using: &rng) ? alphabet.randomElement(using: &rng)! : UInt8.random(in: 0...255, using: &rng)
        }
        do {
            let value = try JSONParser.parse(bytes)
            parsed += 1
            // Whatever parses must survive a round trip.
            #expect(try JSONParser.parse(Array(value.jsonText().utf8)) == value)
        } catch let error as JSONSyntaxError {
            #expect(error.line >= 1 && error.column >= 1)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
    #expect(parsed > 0)
}
