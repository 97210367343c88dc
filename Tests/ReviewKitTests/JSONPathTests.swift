import Testing
@testable import ReviewKit

@Test func pathsRenderLikeTheContract() {
    let path = JSONPath.root.appending(key: "problems").appending(index: 1)
        .appending(key: "layers").appending(index: 0).appending(key: "kernel")
    #expect(path.description == "problems[1].layers[0].kernel")
    #expect(JSONPath.root.appending(index: 1).appending(key: "topic").description == "[1].topic")
    #expect(JSONPath.root.appending(key: "topic").description == "topic")
    #expect(JSONPath.root.description == "")
}

@Test func keysThatAreNotIdentifiersAreBracketed() {
    #expect(JSONPath.root.appending(key: "q").appending(key: "s 1").description == #"q["s 1"]"#)
    #expect(JSONPath.root.appending(key: "1st").description == #"["1st"]"#)
    #expect(JSONPath.root.appending(key: "").description == #"[""]"#)
    #expect(JSONPath.root.appending(key: "a\"b").appending(key: "_ok2").description == #"["a\"b"]._ok2"#)
}
