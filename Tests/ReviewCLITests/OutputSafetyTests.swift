import Foundation
import Testing

/// No user file is ever lost: `--out` and `-o` on the built binary, in a
/// sandbox laid out like a teacher's folder, checked file by file before
/// and after each run.
@Suite struct OutputSafetyTests {
    /// One student, one small problem, JSON only: a build in milliseconds.
    static let handout = #"{"seed": 1, "students": 1, "formats": ["json"], "sections": [{"topic": "conv", "difficulty": "easy"}]}"#

    /// The layout every test starts from. Runs happen in `w/x/y/cwd`, with
    /// HOME at `home`; the handout lives in `inputs`.
    private func teachersFolder() throws -> Sandbox {
        let box = try Sandbox()
        try box.write(Self.handout, to: "inputs/handout.json")
        try box.write("precious", to: "w/x/y/cwd/victim/a.txt")
        try box.mkdir("w/x/y/cwd/victim/inner")
        try box.link("w/x/y/cwd/link", to: box.root + "/w/x/y/cwd/victim/inner")
        try box.write("notes", to: "w/x/y/cwd/notes.txt")
        try box.write("keep", to: "w/x/y/cwd/file.txt")
        try box.write("private", to: "w/x/y/cwd/secret.md", mode: 0o600)
        try box.write("home", to: "home/x.txt")
        return box
    }

    private func build(_ box: Sandbox, out: String, force: Bool = false) throws -> ReviewRun {
        try box.run(
            ["build", box.root + "/inputs/handout.json", "--out", out] + (force ? ["--force"] : []),
            in: "w/x/y/cwd", home: box.root + "/home")
    }

    private func expectRefused(_ run: ReviewRun, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(run.status == 2, "\(what): \(run.stderr)", sourceLocation: sourceLocation)
        #expect(run.stderr.hasPrefix("review: error: ") && run.stderr.split(separator: "\n").count == 1,
                "\(what): \(run.stderr)", sourceLocation: sourceLocation)
    }

    // MARK: --out

    @Test func dangerousOutDirectoriesAreRefusedAndTouchNothing() throws {
        let box = try teachersFolder()
        let refused: [(String, Bool)] = [
            ("", false), ("", true), (".", true), ("./", true), ("..", true), ("../..", true), ("/", true),
            (box.root, true), (box.root + "/home", true), (box.root + "/home/", true),
            ("victim/nonexistent/..", false), ("victim/nonexistent/..", true), ("victim/.", true),
            ("victim", true), ("link/..", true), ("file.txt", true), ("notes.txt", false),
            (box.root + "/inputs", true), ("../../../../inputs", true),
        ]
        let before = box.snapshot()
        for (out, force) in refused {
            expectRefused(try build(box, out: out, force: force), "--out '\(out)' force=\(force)")
            #expect(Sandbox.changes(before, box.snapshot()) == [], "--out '\(out)' force=\(force)")
        }
    }

    @Test func theRefusalsSayWhy() throws {
        let box = try teachersFolder()
        #expect(try build(box, out: "").stderr == "review: error: --out is empty (an unset shell variable?); give a name\n")
        #expect(try build(box, out: ".", force: true).stderr.contains("is the current directory or holds it"))
        #expect(try build(box, out: box.root + "/home", force: true).stderr.contains("is your home directory"))
        #expect(try build(box, out: box.root + "/inputs", force: true).stderr.contains("holds the input file"))
        #expect(try build(box, out: "victim/nonexistent/..").stderr
            == "review: error: --out victim/nonexistent/..: '..' follows 'nonexistent', which does not exist\n")
        #expect(try build(box, out: "victim", force: true).stderr.contains("it holds 'a.txt', which no earlier build wrote"))
    }

    /// A symbolic link as `--out` names the directory it points to; the link stays.
    @Test func aLinkAsOutNamesItsTarget() throws {
        let box = try teachersFolder()
        let run = try build(box, out: "link", force: true)  // victim/inner is empty: replaceable
        #expect(run.status == 0, "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: box.root + "/w/x/y/cwd/victim/inner/manifest.json"))
        #expect(box.snapshot()["w/x/y/cwd/link"] == "link " + box.root + "/w/x/y/cwd/victim/inner")
        #expect(box.snapshot()["w/x/y/cwd/victim/a.txt"] != nil)
    }

    /// Random `--out` strings (empty, `.`, `..`, `/`, links, trailing
    /// slashes, existing files and directories, with and without
    /// `--force`): a run either fails with one line and changes nothing, or
    /// changes nothing outside the one directory it built, which was new,
    /// empty or an earlier build.
    @Test func randomOutPathsNeverTouchAnythingOutsideTheBuild() throws {
        let box = try teachersFolder()
        #expect(try build(box, out: "earlier").status == 0)
        let words = ["", ".", "..", "victim", "link", "file.txt", "earlier", "new", "inner", "a.txt", "cwd", "home"]
        var random = SplitMix(state: 2026)
        var outcomes = (built: 0, refused: 0)
        for _ in 0..<120 {
            var parts = (0..<Int.random(in: 1...4, using: &random)).map { _ in words.randomElement(using: &random)! }
            if Bool.random(using: &random), parts.count > 1 { parts[0] = box.root + "/w/x/y/cwd" }
            var out = parts.joined(separator: "/")
            if Int.random(in: 0..<4, using: &random) == 0 { out += "/" }
            if Int.random(in: 0..<30, using: &random) == 0 { out = ["/", "", ".", box.root][Int.random(in: 0..<4, using: &random)] }
            let force = Bool.random(using: &random)

            let before = box.snapshot()
            let run = try build(box, out: out, force: force)
            let changed = Sandbox.changes(before, box.snapshot())
            let what = "--out '\(out)' force=\(force)"
            if run.status != 0 {
                outcomes.refused += 1
                expectRefused(run, what)
                #expect(changed == [], "\(what)")
                continue
            }
            // The one directory built: the manifest this run wrote (none
            // changed when it rebuilt an identical earlier build).
            let manifests = changed.filter { $0 == "manifest.json" || $0.hasSuffix("/manifest.json") }
            outcomes.built += 1
            guard !changed.isEmpty else { continue }
            try #require(manifests.count == 1, "\(what): \(changed)")
            let folder = String(manifests[0].dropLast("manifest.json".count))
            for path in changed where !path.hasPrefix(folder) {
                // Outside the build, only the new folders that lead to it.
                #expect(before[path] == nil && folder.hasPrefix(path + "/"), "\(what) changed \(path) outside \(folder)")
            }
            // Before the run it held nothing or an earlier build.
            let held = before.keys.filter { $0.hasPrefix(folder) }
            #expect(held.isEmpty || before[folder + "manifest.json"] != nil, "\(what) replaced \(held)")
            for precious in ["w/x/y/cwd/victim/a.txt", "w/x/y/cwd/notes.txt", "home/x.txt", "inputs/handout.json"] {
                #expect(before[precious] == box.snapshot()[precious], "\(what) changed \(precious)")
            }
        }
        #expect(outcomes.built >= 20 && outcomes.refused >= 20, "both kinds of case were tried: \(outcomes)")
    }

    // MARK: -o

    private func gen(_ box: Sandbox, _ output: String, format: String = "md") throws -> ReviewRun {
        try box.run(["gen", "--topic", "conv", "--seed", "3", "--format", format, "-o", output], in: "w/x/y/cwd")
    }

    @Test func outputKeepsModeWritesThroughLinksAndRefusesDirectories() throws {
        let box = try teachersFolder()
        let cwd = box.root + "/w/x/y/cwd/"
        #expect(try gen(box, "secret.md").status == 0)
        var info = stat()
        lstat(cwd + "secret.md", &info)
        #expect(info.st_mode & 0o777 == 0o600, "a private file stays private")
        #expect(try String(contentsOfFile: cwd + "secret.md", encoding: .utf8).hasPrefix("# "))

        try box.write("old", to: "w/x/y/cwd/target.md")
        try box.link("w/x/y/cwd/sheet.md", to: "target.md")
        #expect(try gen(box, "sheet.md").status == 0)
        #expect(box.snapshot()["w/x/y/cwd/sheet.md"] == "link target.md", "the link stays a link")
        #expect(try String(contentsOfFile: cwd + "target.md", encoding: .utf8).hasPrefix("# "))

        let before = box.snapshot()
        for output in ["", "victim", "victim/", "x/", ".", "..", "/"] {
            expectRefused(try gen(box, output), "-o '\(output)'")
        }
        let missing = try gen(box, "nodir/x.md")
        #expect(missing.status == 1 && missing.stderr == "review: error: nodir/x.md: cannot write (No such file or directory)\n")
        let input = try box.run(["solve", "../../../../inputs/handout.json", "-o", "../../../../inputs/handout.json"], in: "w/x/y/cwd")
        expectRefused(input, "-o on an input file")
        #expect(Sandbox.changes(before, box.snapshot()) == [])
    }

    @Test func devicesAndFIFOsAreWrittenToNotReplaced() throws {
        let box = try teachersFolder()
        #expect(try gen(box, "/dev/null").status == 0)
        var info = stat()
        #expect(stat("/dev/null", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR, "/dev/null is still a device")

        let full = try gen(box, "/dev/full")
        #expect(full.status == 1)
        #expect(full.stderr == "review: error: /dev/full: cannot write (No space left on device)\n")

        let fifo = box.root + "/w/x/y/cwd/pipe"
        #expect(mkfifo(fifo, 0o644) == 0)
        final class Box: @unchecked Sendable { var data = Data() }
        let received = Box()
        let reader = Thread {
            received.data = FileHandle(forReadingAtPath: fifo)?.readDataToEndOfFile() ?? Data()
        }
        reader.start()
        #expect(try gen(box, "pipe").status == 0)
        while !reader.isFinished { usleep(1000) }
        #expect(String(decoding: received.data, as: UTF8.self).hasPrefix("# "))
        #expect(lstat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO, "the FIFO is still a FIFO")
    }

    @Test func theLongestFileNameStillWorks() throws {
        let box = try teachersFolder()
        for name in [String(repeating: "a", count: 255), String(repeating: "卷", count: 85)] {
            let run = try gen(box, name)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(FileManager.default.fileExists(atPath: box.root + "/w/x/y/cwd/" + name))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: box.root + "/w/x/y/cwd").filter { $0.hasPrefix(".") } == [])
    }

    // MARK: kill -9

    /// The PID of a process that has exited and been reaped.
    private func deadPID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    @Test func aKilledBuildLeavesNothingTheNextRunDoesNotCleanUp() throws {
        let box = try teachersFolder()
        try box.write(
            #"{"seed": 1, "students": 400, "formats": ["html", "md"], "sections": [{"topic": "gcn", "count": 3}]}"#,
            to: "inputs/big.json")
        let process = Process()
        process.executableURL = ReviewProcess.executable
        process.arguments = ["build", box.root + "/inputs/big.json", "--out", box.root + "/built"]
        process.standardError = FileHandle.nullDevice
        try process.run()
        let staging = box.root + "/.built.building-\(process.processIdentifier)"
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline && process.isRunning
            && ((try? FileManager.default.contentsOfDirectory(atPath: staging))?.count ?? 0) < 2 {
            usleep(2000)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal, "killed mid-build")
        #expect(FileManager.default.fileExists(atPath: staging), "the killed run left its staging directory")
        #expect(!FileManager.default.fileExists(atPath: box.root + "/built"), "and installed nothing")

        // The next run (any handout, same --out) removes it.
        let again = try box.run(["build", box.root + "/inputs/handout.json", "--out", box.root + "/built"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: box.root).filter { $0.hasPrefix(".") } == [])
    }

    /// A run killed between the two renames of the swap leaves the earlier
    /// build moved aside: the next run puts it back, then replaces it.
    @Test func anEarlierBuildMovedAsideByAKilledRunIsPutBack() throws {
        let box = try teachersFolder()
        let built = box.root + "/built"
        #expect(try box.run(["build", box.root + "/inputs/handout.json", "--out", built]).status == 0)
        let dead = try deadPID()
        #expect(rename(built, box.root + "/.built.old-\(dead)") == 0)
        try box.write("half", to: ".built.building-\(dead)/001/problems.json")

        let refused = try box.run(["build", box.root + "/inputs/handout.json", "--out", built])
        #expect(refused.status == 2, "the earlier build is back, so replacing it needs --force")
        #expect(FileManager.default.fileExists(atPath: built + "/manifest.json"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: box.root).filter { $0.hasPrefix(".") } == [])
        #expect(try box.run(["build", box.root + "/inputs/handout.json", "--out", built, "--force"]).status == 0)
    }

    @Test func aKilledOutputWriteLeavesNoTemporaryFileBehind() throws {
        let box = try teachersFolder()
        let sheet = box.root + "/sheet.html"
        // Kill -o runs at random moments: the sheet is always whole (or
        // absent), and any temporary file left behind goes with the next run.
        var random = SplitMix(state: 7)
        for _ in 0..<8 {
            let process = Process()
            process.executableURL = ReviewProcess.executable
            process.arguments = ["gen", "--topic", "gcn", "--count", "40", "--format", "html", "-o", sheet]
            try process.run()
            usleep(UInt32.random(in: 20_000...400_000, using: &random))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if let text = try? String(contentsOfFile: sheet, encoding: .utf8) {
                #expect(text.hasSuffix("</html>\n"), "a sheet is whole or absent")
            }
        }
        let dead = try deadPID()
        try box.write(String(repeating: "x", count: 1 << 20), to: ".sheet.html.tmp-\(dead)")
        #expect(try box.run(["gen", "--topic", "conv", "-o", sheet]).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: box.root).filter { $0.hasPrefix(".") } == [])
    }
}
