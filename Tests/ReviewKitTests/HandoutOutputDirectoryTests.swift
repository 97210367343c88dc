import Foundation
import Testing
@testable import ReviewKit

/// The output directory appears whole or not at all, and replaces only an
/// empty directory or an earlier build.
@Suite struct HandoutOutputDirectoryTests {
    let files = [
        PlannedFile(path: "index.html", contents: "<p>index</p>"),
        PlannedFile(path: "001-ann/questions.md", contents: "# Ann"),
        PlannedFile(path: "002-王/solutions.md", contents: "# 王"),
    ]

    private func entries(_ path: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
    }

    /// Installs `files` plus a manifest listing them, as a build does.
    private func install(_ files: [PlannedFile], at target: String, replace: Bool, inputs: [String] = []) throws {
        let manifest = JSONWriter.pretty(.object([
            ("generator", .string(ReviewVersion.generator)),
            ("files", .array(files.map { .string($0.path) })),
        ]))
        try OutputDirectory(target, replace: replace, inputs: inputs).install { staging in
            try staging.write(files, jobs: 2)
            try staging.write([PlannedFile(path: "manifest.json", contents: manifest)], jobs: 1)
        }
    }

    @Test func installsEveryFileInANewDirectory() throws {
        let parent = try HandoutFolder().path
        let target = parent + "/out/final"
        try install(files, at: target, replace: false)
        #expect(try String(contentsOfFile: target + "/001-ann/questions.md", encoding: .utf8) == "# Ann")
        #expect(try String(contentsOfFile: target + "/002-王/solutions.md", encoding: .utf8) == "# 王")
        #expect(entries(parent + "/out") == ["final"], "no staging directory left behind")
    }

    @Test func replacesAnEarlierBuildOnlyWhenForced() throws {
        let parent = try HandoutFolder()
        let target = parent.path + "/final"
        try install(files, at: target, replace: false)
        #expect(throws: UsageError.self) { try install(files, at: target, replace: false) }
        try install([PlannedFile(path: "index.html", contents: "new")], at: target, replace: true)
        #expect(entries(target) == ["index.html", "manifest.json"])
        #expect(entries(parent.path) == ["final"], "the old build is gone, no scratch left")
    }

    @Test func replacesAnEmptyDirectoryWhenForced() throws {
        let parent = try HandoutFolder()
        try FileManager.default.createDirectory(atPath: parent.path + "/final", withIntermediateDirectories: false)
        try install(files, at: parent.path + "/final", replace: true)
        #expect(entries(parent.path + "/final").contains("index.html"))
    }

    @Test func neverReplacesADirectoryHoldingSomethingNoBuildWrote() throws {
        let parent = try HandoutFolder()
        let target = parent.path + "/final"
        try parent.write("old", to: "final/old.txt")
        let error = #expect(throws: UsageError.self) { try install(files, at: target, replace: true) }
        #expect(error?.message.contains("'old.txt'") == true)
        #expect(entries(target) == ["old.txt"])

        // An earlier build the teacher added a file to is not replaced either.
        let build = parent.path + "/build"
        try install(files, at: build, replace: false)
        try parent.write("%PDF", to: "build/001-ann/questions.pdf")
        let added = #expect(throws: UsageError.self) { try install(files, at: build, replace: true) }
        #expect(added?.message.contains("'001-ann/questions.pdf'") == true)
        #expect(FileManager.default.fileExists(atPath: build + "/001-ann/questions.pdf"))

        // A manifest someone else wrote does not count.
        try parent.write(#"{"generator": "not review", "files": ["a.txt"]}"#, to: "fake/manifest.json")
        try parent.write("mine", to: "fake/a.txt")
        #expect(throws: UsageError.self) { try install(files, at: parent.path + "/fake", replace: true) }
        #expect(FileManager.default.fileExists(atPath: parent.path + "/fake/a.txt"))
    }

    @Test func refusesToReplaceAFile() throws {
        let parent = try HandoutFolder()
        let target = try parent.write("not a directory", to: "final")
        let error = #expect(throws: UsageError.self) { try install(files, at: target, replace: true) }
        #expect(error?.message == "--out \(target): exists and is not a directory")
    }

    @Test func refusesADirectoryHoldingAnInput() throws {
        let parent = try HandoutFolder()
        let input = try parent.write("{}", to: "problems/p.json")
        let error = #expect(throws: UsageError.self) {
            try install(files, at: parent.path + "/problems", replace: true, inputs: [input])
        }
        #expect(error?.message.contains("holds the input file") == true)
        #expect(FileManager.default.fileExists(atPath: input))
    }

    @Test func aFailedWriteLeavesNothing() throws {
        let parent = try HandoutFolder()
        let bad = files + [PlannedFile(path: "index.html/inside", contents: "x")]  // a file where a folder must go
        #expect(throws: WriteError.self) { try install(bad, at: parent.path + "/final", replace: false) }
        #expect(entries(parent.path).isEmpty)
    }

    @Test func pathsThatLeaveTheBuildAreRefused() throws {
        let parent = try HandoutFolder()
        for path in ["../escape.md", "/etc/x", "a/./b", "a//b", ""] {
            #expect(throws: WriteError.self, "\(path)") {
                try install([PlannedFile(path: path, contents: "x")], at: parent.path + "/final", replace: false)
            }
        }
        #expect(entries(parent.path).isEmpty)
    }
}

/// Paths are resolved as the OS resolves them.
@Suite struct OutputPathTests {
    @Test func resolvesExistingPrefixesThroughLinks() throws {
        let folder = try HandoutFolder()
        let real = try #require(OutputPath.realPath(folder.path))
        try FileManager.default.createDirectory(atPath: real + "/a/b", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: real + "/link", withDestinationPath: real + "/a/b")
        // `link/..` is the parent of the link's target, not the folder holding the link.
        #expect(try OutputPath.resolve(real + "/link/..", option: "--out") == ResolvedPath(parent: real, name: "a"))
        #expect(try OutputPath.resolve(real + "/link/new/x", option: "--out")
            == ResolvedPath(parent: real + "/a/b/new", name: "x"))
        #expect(try OutputPath.resolve(real + "/a//b///", option: "--out") == ResolvedPath(parent: real + "/a", name: "b"))
    }

    @Test func refusesDotsAfterAMissingFolder() throws {
        let folder = try HandoutFolder()
        for path in ["/missing/..", "/missing/.", "/missing/x/../y"] {
            #expect(throws: UsageError.self, "\(path)") { try OutputPath.resolve(folder.path + path, option: "--out") }
        }
        #expect(throws: UsageError.self) { try OutputPath.resolve("", option: "--out") }
        #expect(throws: UsageError.self) { try OutputPath.resolve("/", option: "--out") }
    }

    @Test func containmentIsByWholeComponents() {
        #expect(OutputPath.contains("/a/b", "/a/b"))
        #expect(OutputPath.contains("/a/b", "/a/b/c"))
        #expect(!OutputPath.contains("/a/b", "/a/bc"))
        #expect(OutputPath.contains("/", "/anything"))
    }
}

/// Scratch names carry the PID and fit in a file name.
@Suite struct ScratchNameTests {
    @Test func neverLongerThanAFileNameMayBe() {
        for name in ["a", String(repeating: "b", count: 255), String(repeating: "王", count: 85)] {
            let scratch = ScratchName.make(for: name, kind: "building", pid: 4_194_303)
            #expect(scratch.utf8.count <= 255, "\(name.count)")
            #expect(scratch.hasSuffix(".building-4194303"))
            #expect(String(decoding: Array(scratch.utf8), as: UTF8.self) == scratch, "cut at a character boundary")
        }
    }

    @Test func findsOnlyLeftoversOfProcessesThatAreGone() throws {
        let folder = try HandoutFolder()
        let dead = deadPID()
        let live = getppid()
        let mine = ScratchName.make(for: "final", kind: "building", pid: dead)
        try folder.write("x", to: mine + "/f")
        try folder.write("x", to: ScratchName.make(for: "final", kind: "building", pid: live) + "/f")
        try folder.write("x", to: ScratchName.make(for: "other", kind: "building", pid: dead) + "/f")
        try folder.write("x", to: ".final.building-notapid")
        #expect(ScratchName.leftovers(in: folder.path, for: "final", kind: "building") == [folder.path + "/" + mine])
    }

    /// The PID of a process that has exited and been reaped.
    private func deadPID() -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try? process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }
}
