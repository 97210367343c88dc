import Foundation
import Testing
@testable import ReviewKit

/// The output directory appears whole or not at all.
@Suite struct HandoutOutputDirectoryTests {
    let files = [
        PlannedFile(path: "index.html", contents: "<p>index</p>"),
        PlannedFile(path: "001-ann/questions.md", contents: "# Ann"),
        PlannedFile(path: "002-王/solutions.md", contents: "# 王"),
    ]

    private func entries(_ path: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
    }

    @Test func installsEveryFileInANewDirectory() throws {
        let parent = try HandoutFolder().path
        let target = parent + "/out/final"
        try OutputDirectory.install(files, at: target, replace: false, jobs: 2)
        #expect(try String(contentsOfFile: target + "/001-ann/questions.md", encoding: .utf8) == "# Ann")
        #expect(try String(contentsOfFile: target + "/002-王/solutions.md", encoding: .utf8) == "# 王")
        #expect(entries(parent + "/out") == ["final"], "no staging directory left behind")
    }

    @Test func refusesAnExistingDirectoryUnlessReplacing() throws {
        let parent = try HandoutFolder()
        let target = parent.path + "/final"
        try parent.write("old", to: "final/old.txt")
        #expect(throws: UsageError.self) { try OutputDirectory.install(files, at: target, replace: false) }
        #expect(entries(target) == ["old.txt"])

        try OutputDirectory.install(files, at: target, replace: true)
        #expect(entries(target) == ["001-ann", "002-王", "index.html"])
        #expect(entries(parent.path) == ["final"], "the old directory is gone")
    }

    @Test func refusesToReplaceAFile() throws {
        let parent = try HandoutFolder()
        let target = try parent.write("not a directory", to: "final")
        let error = #expect(throws: UsageError.self) { try OutputDirectory.install(files, at: target, replace: true) }
        #expect(error?.message == "\(target): exists and is not a directory")
    }

    @Test func aFailedWriteLeavesNothing() throws {
        let parent = try HandoutFolder()
        let bad = files + [PlannedFile(path: "index.html/inside", contents: "x")]  // a file where a folder must go
        #expect(throws: WriteError.self) { try OutputDirectory.install(bad, at: parent.path + "/final", replace: false) }
        #expect(entries(parent.path).isEmpty)
    }
}
