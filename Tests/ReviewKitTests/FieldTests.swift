import Testing
@testable import ReviewKit

/// The field for `text`, placed at `problems[1].layers[0].kernel` so every
/// error below also checks that the path is carried through.
private func field(_ text: String, at path: JSONPath = kernelPath) throws -> Field {
    Field(value: try JSONParser.parse(Array(text.utf8)), path: path)
}

private let kernelPath = JSONPath.root.appending(key: "problems").appending(index: 1)
    .appending(key: "layers").appending(index: 0).appending(key: "kernel")

private func error(_ message: String, at path: JSONPath = kernelPath) -> InputError {
    InputError(path: path, message: message)
}

@Test func describeQuotesWhatWasWritten() throws {
    #expect(try field("2.5").describe() == "2.5")
    #expect(try field("1e300").describe() == "1e300")
    #expect(try field("\"abc\"").describe() == "\"abc\"")
    #expect(try field("[1]").describe() == "an array")
    #expect(try field("{}").describe() == "an object")
    #expect(try field("null").describe() == "null")
    #expect(try field("true").describe() == "true")
    let long = try field("\"" + String(repeating: "x", count: 100) + "\"").describe()
    #expect(long == "\"" + String(repeating: "x", count: 39) + "…\"")
}

@Test func intAcceptsIntegralNumbersOnly() throws {
    #expect(try field("3").int() == 3)
    #expect(try field("3.0").int() == 3)
    #expect(try field("-1e2").int() == -100)
    #expect(try field("9007199254740993").int() == 9_007_199_254_740_993)  // exact, not via Double
    #expect(throws: error("must be an integer, got 2.5")) { try field("2.5").int() }
    #expect(throws: error("must be an integer, got \"abc\"")) { try field("\"abc\"").int() }
    #expect(throws: error("must be an integer, got an array")) { try field("[3]").int() }
    #expect(throws: error("must be an integer, got an object")) { try field("{}").int() }
    #expect(throws: error("must be an integer, got null")) { try field("null").int() }
    #expect(throws: error("must be an integer, got true")) { try field("true").int() }
}

@Test func intOutsideTheIntRangeIsAnErrorNotATrap() throws {
    #expect(throws: error("must be an integer between -9223372036854775808 and 9223372036854775807, got 1e300")) {
        try field("1e300").int()
    }
    #expect(throws: error("must be an integer between -9223372036854775808 and 9223372036854775807, got 99999999999999999999")) {
        try field("99999999999999999999").int()
    }
    #expect(throws: error("must be an integer between 1 and 9223372036854775807, got -1e300")) {
        try field("-1e300").positiveInt()
    }
}

@Test func positiveAndNonNegativeInts() throws {
    #expect(try field("1").positiveInt() == 1)
    #expect(throws: error("must be a positive integer, got -3")) { try field("-3").positiveInt() }
    #expect(throws: error("must be a positive integer, got 0")) { try field("0").positiveInt() }
    #expect(throws: error("must be a positive integer, got 1.5")) { try field("1.5").positiveInt() }
    #expect(try field("0").nonNegativeInt() == 0)
    #expect(throws: error("must be a non-negative integer, got -1")) { try field("-1").nonNegativeInt() }
    #expect(try field("7").int(in: 1...10) == 7)
    #expect(throws: error("must be an integer between 1 and 10, got 12")) { try field("12").int(in: 1...10) }
}

@Test func numberStringAndBool() throws {
    #expect(try field("0.25").number() == 0.25)
    #expect(throws: error("must be a number, got \"0.25\"")) { try field("\"0.25\"").number() }
    #expect(try field("\"max\"").string() == "max")
    #expect(throws: error("must be a string, got 3")) { try field("3").string() }
    #expect(try field("false").bool() == false)
    #expect(throws: error("must be true or false, got \"yes\"")) { try field("\"yes\"").bool() }
}

@Test func oneOfSuggestsTheClosestChoice() throws {
    let pools = ["max", "avg"]
    #expect(try field("\"avg\"").oneOf(pools) == "avg")
    #expect(throws: error(#"must be one of "max", "avg", got "mean""#)) { try field("\"mean\"").oneOf(pools) }
    #expect(throws: error(#"must be one of "max", "avg", got "mx" (did you mean "max"?)"#)) { try field("\"mx\"").oneOf(pools) }
    #expect(throws: error(#"must be one of "max", "avg", got 1"#)) { try field("1").oneOf(pools) }
}

@Test func arrayElementsGetIndexedPaths() throws {
    let items = try field("[1, \"x\"]").array()
    #expect(items.map(\.path.description) == ["problems[1].layers[0].kernel[0]", "problems[1].layers[0].kernel[1]"])
    #expect(throws: error("must be a number, got \"x\"", at: kernelPath.appending(index: 1))) {
        try field("[1, \"x\"]").numberArray()
    }
    #expect(throws: error("must be an array, got 3")) { try field("3").array() }
}

@Test func numberMatrixChecksRowLengths() throws {
    let q = JSONPath.root.appending(key: "q")
    #expect(try field("[[1, 0], [0, 1.5]]", at: q).numberMatrix() == [[1, 0], [0, 1.5]])
    #expect(try field("[]", at: q).numberMatrix() == [])
    #expect(throws: error("row 2 has 3 entries, expected 2", at: q.appending(index: 2))) {
        try field("[[1, 2], [3, 4], [5, 6, 7]]", at: q).numberMatrix()
    }
    #expect(throws: error("row 1 has 1 entry, expected 2", at: q.appending(index: 1))) {
        try field("[[1, 2], [3]]", at: q).numberMatrix()
    }
    #expect(throws: error("must be a row of numbers, got 3", at: q.appending(index: 1))) {
        try field("[[1], 3]", at: q).numberMatrix()
    }
    #expect(throws: error("must be a number, got null", at: q.appending(index: 0).appending(index: 1))) {
        try field("[[1, null]]", at: q).numberMatrix()
    }
}
