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

    /// A paper exam's question sheet (answer boxes for vectors, matrices,
    /// conv shapes and Q-table cells; the variant code as running head)
    /// compiles with both engines, in English and Chinese.
    @Test(arguments: ["en", "zh"])
    func printedQuestionSheetsCompile(language: String) throws {
        let folder = try ReviewProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let handout = folder.appendingPathComponent("exam.json")
        try Data(#"""
            {"seed": 5, "lang": "\#(language)", "students": ["Zoë Søren"], "formats": ["latex"],
             "sections": [{"topic": "gcn"}, {"topic": "conv"}, {"topic": "bellman"}, {"topic": "softmax"}]}
            """#.utf8).write(to: handout)
        let out = folder.appendingPathComponent("out")
        let run = try ReviewProcess.run(["build", handout.path, "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        let tex = try String(contentsOf: out.appendingPathComponent("001-zoe-soren/questions.tex"), encoding: .utf8)
        #expect(tex.contains("\\fbox{") && tex.contains("\\markright{"))
        let engines = language == "en" ? ["pdflatex", "xelatex"] : ["xelatex"]
        for engine in engines {
            guard let path = Self.tool(engine) else { continue }
            let result = try Self.compile(tex, with: path)
            #expect(result.status == 0, "\(engine): \(result.log.suffix(600))")
        }
    }
}
