import Foundation
import Testing
@testable import ReviewKit

/// A fresh directory for one test's files.
private func scratchDirectory() throws -> String {
    let path = FileManager.default.temporaryDirectory
        .appendingPathComponent("review-input-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

private func write(_ text: String, to name: String, in directory: String) throws -> String {
    let path = directory + "/" + name
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
}

/// The one-line message `read` fails with, or nil if it succeeds.
private func readError(_ path: String, maxBytes: Int = 8 << 20) -> String? {
    do {
        _ = try ProblemFileReader.read(path: path, maxBytes: maxBytes)
        return nil
    } catch {
        return "\(error)"
    }
}

private func splitError(_ text: String) -> String? {
    do {
        _ = try ProblemFileReader.split(JSONParser.parse(Array(text.utf8)), source: ProblemSource(path: "p.json"))
        return nil
    } catch {
        return "\(error)"
    }
}

// MARK: - Shapes and paths

@Test func problemPathsFollowTheFileShape() throws {
    let source = ProblemSource(path: "p.json")
    let wrapped = try ProblemFileReader.split(JSONParser.parse(Array(#"{"problems": [{"a": 1}, {"b": 2}]}"#.utf8)), source: source)
    #expect(wrapped.map(\.field.path.description) == ["problems[0]", "problems[1]"])
    #expect(wrapped.map(\.index) == [0, 1])
    let array = try ProblemFileReader.split(JSONParser.parse(Array(#"[{"a": 1}, {"b": 2}]"#.utf8)), source: source)
    #expect(array.map(\.field.path.description) == ["[0]", "[1]"])
    let single = try ProblemFileReader.split(JSONParser.parse(Array(#"{"topic": "conv"}"#.utf8)), source: source)
    #expect(single.map(\.field.path.description) == [""])
    #expect(single[0].field.value["topic"] == .string("conv"))
}

@Test func badTopLevelsAreReported() {
    #expect(splitError("[]") == "p.json: no problems in the file")
    #expect(splitError(#"{"problems": []}"#) == "p.json: no problems in the file")
    #expect(splitError(#"{"problems": [], "title": "x"}"#) == "p.json: title: unknown field 'title'; expected one of: problems")
    #expect(splitError(#"{"problems": {"topic": "conv"}}"#) == "p.json: problems: must be an array of problems, got an object")
    #expect(splitError(#"[{"topic": "conv"}, 3]"#) == "p.json: [1]: must be a problem object, got 3")
    #expect(splitError(#"{"problems": [{}, {}, "conv"]}"#) == #"p.json: problems[2]: must be a problem object, got "conv""#)
    #expect(splitError("42") == #"p.json: must hold a problem object, an array of problems, or {"problems": [...]}, got 42"#)
}

@Test func decodingErrorsNameTheFileAndThePath() throws {
    let directory = try scratchDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = try write(#"{"problems": [{"layers": []}, {"layers": [{"kernel": -3}]}]}"#, to: "conv.json", in: directory)
    let problems = try ProblemFileReader.read(path: path)
    #expect(problems.count == 2)
    #expect(problems[1].source == ProblemSource(displayName: path, stem: "conv"))
    let layer = try #require(try problems[1].field.object(allowedKeys: ["layers"]).required("layers").array().first)
    do {
        _ = try layer.object(allowedKeys: ["kernel"]).required("kernel").positiveInt()
        Issue.record("kernel -3 was accepted")
    } catch let error as InputError {
        #expect("\(problems[1].fileError(error))" == "\(path): problems[1].layers[0].kernel: must be a positive integer, got -3")
    }
    // At the root of a single-problem file there is no location to print.
    #expect("\(ProblemFileError(file: "one.json", InputError(path: .root, message: "missing required field 'topic'")))"
        == "one.json: missing required field 'topic'")
}

// MARK: - Files

@Test func syntaxErrorsAreLocatedByLineAndColumn() throws {
    let directory = try scratchDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = try write("{\n  \"topic\": \"conv\",\n  \"layers\": [1, 2]\n  \"x\": 1\n}", to: "bad.json", in: directory)
    #expect(readError(path) == "\(path): line 4, column 3: expected ',' or '}' after an object member")
}

@Test func fileSystemProblemsHaveShortMessages() throws {
    let directory = try scratchDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    #expect(readError(directory + "/missing.json") == "\(directory)/missing.json: no such file")
    #expect(readError(directory) == "\(directory): is a directory, not a file")
    let empty = try write("  \n", to: "empty.json", in: directory)
    #expect(readError(empty) == "\(empty): the file is empty")
    let big = try write("[" + String(repeating: "{}, ", count: 300) + "{}]", to: "big.json", in: directory)
    #expect(readError(big, maxBytes: 1 << 10) == "\(big): file is larger than 1024 bytes")
    #expect(readError(big, maxBytes: 1 << 20) == nil)
    #expect(FileBytes.sizeText(8 << 20) == "8 MiB")
}

@Test func unreadableFilesSayPermissionDenied() throws {
    let directory = try scratchDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = try write("{}", to: "x.json", in: directory)
    try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: path)
    defer { try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path) }
    // Root can read anything; then there is nothing to test.
    guard !FileManager.default.isReadableFile(atPath: path) else { return }
    #expect(readError(path) == "\(path): cannot be read (permission denied)")
}

@Test func invalidUTF8InAFileIsLocated() throws {
    let directory = try scratchDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = directory + "/latin1.json"
    try Data(Array("{\"name\": \"caf".utf8) + [0xE9] + Array("\"}".utf8)).write(to: URL(fileURLWithPath: path))
    #expect(readError(path) == "\(path): line 1, column 14: the file is not valid UTF-8")
}

@Test func sourcesNameStandardInputAndStems() {
    #expect(ProblemSource(path: "-") == ProblemSource(displayName: "<stdin>", stem: "stdin"))
    #expect(ProblemSource(path: "problems/conv.json").stem == "conv")
    #expect(ProblemSource(path: "problems/conv.json").displayName == "problems/conv.json")
    #expect(ProblemSource(path: "a.b.json").stem == "a.b")
    #expect(ProblemSource(path: "noext").stem == "noext")
    #expect(ProblemSource(path: "dir/.hidden").stem == ".hidden")
}
