import Testing
@testable import ReviewKit

private let layer = JSONPath.root.appending(key: "layers").appending(index: 0)

private func object(_ text: String, allowed: [String]) throws -> ObjectFields {
    try Field(value: JSONParser.parse(Array(text.utf8)), path: layer).object(allowedKeys: allowed)
}

private let convKeys = ["kernel", "stride", "padding", "filters"]

@Test func unknownFieldsSuggestACloseName() {
    #expect(throws: InputError(path: layer.appending(key: "filter"), message: "unknown field 'filter' (did you mean 'filters'?)")) {
        try object(#"{"kernel": 3, "filter": 8}"#, allowed: convKeys)
    }
    #expect(throws: InputError(path: layer.appending(key: "kernal"), message: "unknown field 'kernal' (did you mean 'kernel'?)")) {
        try object(#"{"kernal": 3}"#, allowed: convKeys)
    }
}

@Test func unknownFieldsWithoutACloseNameListTheChoices() {
    #expect(throws: InputError(path: layer.appending(key: "foo"), message: "unknown field 'foo'; expected one of: a, b, c")) {
        try object(#"{"a": 1, "foo": 2}"#, allowed: ["a", "b", "c"])
    }
}

@Test func requiredAndOptionalFields() throws {
    let fields = try object(#"{"stride": 2, "kernel": 3, "padding": null}"#, allowed: convKeys)
    #expect(fields.keys == ["stride", "kernel", "padding"])
    #expect(fields.fields.map(\.path.description) == ["layers[0].stride", "layers[0].kernel", "layers[0].padding"])
    #expect(try fields.required("kernel").positiveInt() == 3)
    #expect(try fields.required("kernel").path.description == "layers[0].kernel")
    #expect(fields.optional("filters") == nil)
    // An explicit null is present, and typed accessors reject it.
    let padding = try #require(fields.optional("padding"))
    #expect(throws: InputError(path: layer.appending(key: "padding"), message: "must be a non-negative integer, got null")) {
        try padding.nonNegativeInt()
    }
    #expect(throws: InputError(path: layer, message: "missing required field 'filters'")) {
        try fields.required("filters")
    }
}

@Test func objectRequiresAnObject() {
    #expect(throws: InputError(path: layer, message: "must be an object, got an array")) {
        try object("[]", allowed: convKeys)
    }
}
