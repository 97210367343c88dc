import Testing
@testable import ReviewKit

/// The spec builders `string`, `namedNumbers` and `optionalStringList`, on a
/// problem of their own so the test does not depend on any topic.
@Suite struct FieldSchemaStringAndListSpecTests {
    struct Problem: Sendable {
        var text = ""
        var table: [(name: String, value: Double)] = []
        var picks: [String]?
    }

    static let schema = FieldSchema<Problem>([
        .string("text", \.text, doc: "some text"),
        .namedNumbers("table", \.table, doc: "a number per name"),
        .optionalStringList("picks", \.picks, absent: "all", doc: "some names"),
    ])

    private func decode(_ json: String) throws -> Problem {
        let object = try Field(value: JSONParser.parse(Array(json.utf8))).object(allowedKeys: Self.schema.names)
        return try Self.schema.decode(object, into: Problem())
    }

    private func encoded(_ json: String) throws -> String {
        JSONWriter.compact(.object(Self.schema.encode(try decode(json))))
    }

    @Test func absentOptionalFieldsTakeTheirDefaultsAndAnAbsentListStaysAbsent() throws {
        let problem = try decode(#"{"text": "x*y"}"#)
        #expect(problem.table.isEmpty && problem.picks == nil)
        #expect(try encoded(#"{"text": "x*y"}"#) == #"{"text":"x*y","table":{}}"#)
    }

    @Test func namedNumbersKeepFileOrderAndListsRoundTrip() throws {
        let json = #"{"text": "t", "table": {"y": 2, "x": 1.5}, "picks": ["x"]}"#
        #expect(try decode(json).table.map(\.name) == ["y", "x"])
        #expect(try encoded(json) == #"{"text":"t","table":{"y":2,"x":1.5},"picks":["x"]}"#)
        #expect(try decode(#"{"text": "t", "picks": []}"#).picks == [])
    }

    @Test func badValuesAreLocatedErrors() {
        #expect(throws: InputError(path: .root, message: "missing required field 'text'")) {
            try decode(#"{"table": {}}"#)
        }
        #expect(throws: InputError(path: .root.appending(key: "text"), message: "must be a string, got 3")) {
            try decode(#"{"text": 3}"#)
        }
        #expect(throws: InputError(path: .root.appending(key: "table").appending(key: "x"),
                                   message: "must be a number, got \"1\"")) {
            try decode(#"{"text": "t", "table": {"x": "1"}}"#)
        }
        #expect(throws: InputError(path: .root.appending(key: "picks").appending(index: 1),
                                   message: "must be a string, got 2")) {
            try decode(#"{"text": "t", "picks": ["x", 2]}"#)
        }
    }

    @Test func theTableShowsRequiredAndAbsentDefaults() {
        #expect(Self.schema.markdownTable() == """
            | field | type | default | meaning |
            | --- | --- | --- | --- |
            | `text` | string | required | some text |
            | `table` | object of names to numbers | `{}` | a number per name |
            | `picks` | array of strings | `all` | some names |
            """)
    }
}
