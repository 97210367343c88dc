import Testing
@testable import ReviewKit

private func parse(_ text: String) throws -> JSONValue {
    try JSONParser.parse(Array(text.utf8))
}

@Test func integralNumbersPrintWithoutAFraction() {
    #expect(JSONWriter.format(number: 6) == "6")
    #expect(JSONWriter.format(number: 6.0) == "6")
    #expect(JSONWriter.format(number: -3) == "-3")
    #expect(JSONWriter.format(number: -0.0) == "0")
    #expect(JSONWriter.format(number: 9_007_199_254_740_992) == "9007199254740992")
}

@Test func otherNumbersUseTheShortestRoundTripForm() throws {
    #expect(JSONWriter.format(number: 0.1) == "0.1")
    #expect(JSONWriter.format(number: -2.5) == "-2.5")
    for x in [1e-7, 0.1 + 0.2, 1e300, Double.leastNonzeroMagnitude, 18_014_398_509_481_984.0, 123_456.789, -2.5e-10, Double.pi] {
        let text = JSONWriter.format(number: x)
        guard case .number(let back, _) = try parse(text).kind else {
            Issue.record("\(text) is not a JSON number")
            continue
        }
        #expect(back == x, "\(text)")
    }
}

@Test func stringsAreEscapedPerRFC8259() {
    #expect(JSONWriter.quote("a\"b\\c\n\u{1}\u{1F}é中/") == #""a\"b\\c\n\u0001\u001fé中/""#)
    #expect(JSONWriter.quote("\t\r\u{8}\u{C}") == #""\t\r\b\f""#)
}

@Test func compactFormKeepsMemberOrder() throws {
    let value = try parse(#"{ "z": [1, 2.50, {"b": null, "a": true}], "a": "x" }"#)
    #expect(JSONWriter.compact(value) == #"{"z":[1,2.5,{"b":null,"a":true}],"a":"x"}"#)
}

@Test func prettyFormKeepsScalarArraysOnOneLine() throws {
    let value = try parse(#"{"name": "q", "q": [[1, 0.0], [0, 1]], "states": ["s0", "s1"], "layers": [{"kernel": 3}, {}], "empty": {}, "none": []}"#)
    let expected = """
    {
      "name": "q",
      "q": [[1, 0], [0, 1]],
      "states": ["s0", "s1"],
      "layers": [
        {
          "kernel": 3
        },
        {}
      ],
      "empty": {},
      "none": []
    }
    """
    #expect(JSONWriter.pretty(value) == expected)
}

@Test func writeThenParseGivesAnEqualValue() throws {
    let documents = [
        #"{"problems": [{"topic": "conv", "layers": [{"kernel": 3, "stride": 1e0}]}, {"topic": "q", "gamma": 0.9}]}"#,
        #"[1, -0.5, 1e-7, 12345678901234567890, "é\u0000\"", true, false, null, [], {}]"#,
        #""just a string""#,
        #"{"a": {"b": {"c": [[[]]]}}, "s 1": "\ud83d\ude00"}"#,
    ]
    for text in documents {
        let value = try parse(text)
        #expect(try parse(value.jsonText()) == value, "compact: \(text)")
        #expect(try parse(value.jsonText(pretty: true)) == value, "pretty: \(text)")
        // Writing is deterministic: the written text is a fixed point.
        #expect(try parse(value.jsonText()).jsonText() == value.jsonText())
    }
}

@Test func valuesBuiltInCodeWrite() {
    let value = JSONValue.object([("x", .number(6)), ("y", .number(0.25)), ("n", .array([.null, .bool(false), .string("t")]))])
    #expect(value.jsonText() == #"{"x":6,"y":0.25,"n":[null,false,"t"]}"#)
}

@Test func nonFiniteNumbersWriteAsNullInsteadOfTrapping() {
    #expect(JSONWriter.format(number: .infinity) == "null")
    #expect(JSONWriter.format(number: .nan) == "null")
}

@Test func equalityIgnoresPositionsAndNumberSpelling() throws {
    #expect(try parse("[1.0, {\"a\": 2e0}]") == parse("\n  [1,{\"a\":2}]"))
    #expect(try parse("[1, 2]") != parse("[2, 1]"))
    #expect(try parse(#"{"a": 1, "b": 2}"#) != parse(#"{"b": 2, "a": 1}"#))  // order is data
}
