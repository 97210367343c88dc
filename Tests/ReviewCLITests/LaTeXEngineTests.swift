import Foundation
import Testing

/// The LaTeX preamble serves both engines: an English sheet whose text has
/// Chinese, Korean and Vietnamese in it compiles with xelatex with a glyph for
/// every character, and a Latin sheet still compiles with pdflatex. Skipped
/// where the engine is not installed (CI installs both: scripts/ensure-deps).
@Suite struct LaTeXEngineTests {
    static let names = "王小明 · 김민준 · Nguyễn Thị Ánh · Zoë Søren"

    static func tool(_ name: String) -> String? {
        ["/usr/bin/\(name)", "/usr/local/bin/\(name)"].first(where: FileManager.default.isExecutableFile(atPath:))
    }

    /// Compiles `tex` and returns the exit status and the log.
    static func compile(_ tex: String, with engine: String) throws -> (status: Int32, log: String) {
        let directory = try ReviewProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try tex.write(to: directory.appendingPathComponent("sheet.tex"), atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: engine)
        process.arguments = ["-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", "sheet.tex"]
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let log = (try? String(contentsOf: directory.appendingPathComponent("sheet.log"), encoding: .isoLatin1)) ?? ""
        return (process.terminationStatus, log)
    }

    static func sheet(title: String, language: String = "en") throws -> String {
        let problem = #"{"topic": "softmax", "logits": [1, 2], "target": 0, "title": "\#(title)"}"#
        let run = try ReviewProcess.run(["solve", "-", "--format", "latex", "--lang", language], stdin: problem)
        #expect(run.status == 0, "\(run.stderr)")
        return run.stdout
    }

    @Test func englishSheetWithCJKHangulAndVietnameseCompilesWithXeLaTeX() throws {
        guard let xelatex = Self.tool("xelatex") else { return }
        let tex = try Self.sheet(title: Self.names)
        #expect(tex.contains(Self.names))
        let result = try Self.compile(tex, with: xelatex)
        #expect(result.status == 0)
        #expect(!result.log.contains("Missing character"), "a character no font has")
    }

    @Test func chineseSheetCompilesWithXeLaTeX() throws {
        guard let xelatex = Self.tool("xelatex") else { return }
        let result = try Self.compile(try Self.sheet(title: Self.names, language: "zh"), with: xelatex)
        #expect(result.status == 0)
        #expect(!result.log.contains("Missing character"))
    }

    @Test func latinSheetStillCompilesWithPdfLaTeX() throws {
        guard let pdflatex = Self.tool("pdflatex") else { return }
        let result = try Self.compile(try Self.sheet(title: "Zoë Søren, José Müller"), with: pdflatex)
        #expect(result.status == 0)
    }
}
