import Foundation
import Testing

/// `--format qti` and `--format pdf` write binary files, so they need `-o`
/// (one line, exit 2, nothing on stdout otherwise), and write them as every
/// `-o` file is written: whole, never over an input, a folder or half a file.
@Suite struct BinaryFormatTests {
    @Test(arguments: ["qti", "pdf"])
    func binaryFormatsNeedAnOutputFile(_ format: String) throws {
        let run = try ReviewProcess.run(["gen", "--topic", "conv", "--format", format])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.split(separator: "\n").count == 1)
        #expect(run.stderr.contains("--format \(format) writes a binary file"), "\(run.stderr)")
        #expect(run.stderr.contains("name it with -o FILE.\(format == "qti" ? "zip" : "pdf")"))
        let solve = try ReviewProcess.run(["solve", "problems/conv-notes-32x32.json", "--format", format])
        #expect(solve.status == 2)
    }

    @Test func qtiGoesToItsFileWholeAndNeverOverAnInput() throws {
        let box = try Sandbox()
        let input = try box.write(
            try String(contentsOfFile: ReviewProcess.packageRoot.path + "/problems/conv-notes-32x32.json", encoding: .utf8),
            to: "conv.json")
        let run = try ReviewProcess.run(
            ["solve", "conv.json", "--format", "qti", "-o", "conv.zip"], in: URL(fileURLWithPath: box.root))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        let zip = try #require(FileManager.default.contents(atPath: box.root + "/conv.zip"))
        #expect(zip.starts(with: [0x50, 0x4B, 0x03, 0x04]))  // PK\3\4: a zip
        let over = try ReviewProcess.run(
            ["solve", "conv.json", "--format", "qti", "-o", "conv.json"], in: URL(fileURLWithPath: box.root))
        #expect(over.status == 2)
        #expect(over.stderr.contains("is an input file of this run"))
        #expect(try String(contentsOfFile: input, encoding: .utf8).contains("\"topic\""))
        try box.mkdir("folder")
        let folder = try ReviewProcess.run(
            ["solve", "conv.json", "--format", "qti", "-o", "folder"], in: URL(fileURLWithPath: box.root))
        #expect(folder.status == 2)
        #expect(folder.stderr.contains("is a directory"))
    }

    /// Where a TeX engine is installed the PDF is written; with none on the
    /// PATH the error names what to install, exit 2, nothing written.
    @Test func pdfThroughTheTeXEngineOrOneClearLine() throws {
        let box = try Sandbox()
        let noTeX = try ReviewProcess.run(
            ["gen", "--topic", "softmax", "--seed", "2", "--format", "pdf", "-o", "s.pdf"],
            in: URL(fileURLWithPath: box.root), environment: ["PATH": box.root])
        #expect(noTeX.status == 2)
        #expect(noTeX.stderr.hasPrefix("review: error: --format pdf: no TeX engine"), "\(noTeX.stderr)")
        #expect(!FileManager.default.fileExists(atPath: box.root + "/s.pdf"))
        let zh = try ReviewProcess.run(
            ["gen", "--topic", "softmax", "--lang", "zh", "--format", "pdf", "-o", "z.pdf"],
            in: URL(fileURLWithPath: box.root), environment: ["PATH": box.root])
        #expect(zh.stderr.contains("needs xelatex"))
        guard LaTeXEngineTests.tool("pdflatex") != nil || LaTeXEngineTests.tool("xelatex") != nil else { return }
        let run = try ReviewProcess.run(
            ["gen", "--topic", "softmax", "--seed", "2", "--format", "pdf", "-o", "s.pdf"],
            in: URL(fileURLWithPath: box.root), timeout: 300)
        #expect(run.status == 0, "\(run.stderr)")
        let pdf = try #require(FileManager.default.contents(atPath: box.root + "/s.pdf"))
        #expect(pdf.starts(with: Array("%PDF-".utf8)))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: box.root).filter { $0 != "s.pdf" }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    /// `"pdf"` in a handout: each question sheet also as a PDF (with its
    /// LaTeX), linked in index.html and listed in the manifest; with no TeX
    /// engine the build stops before anything is written.
    @Test func aHandoutWithPDFPrintsEveryQuestionSheet() throws {
        let box = try Sandbox()
        try box.write(#"{"title": "Q", "seed": 3, "students": 2, "formats": ["pdf"], "sections": [{"topic": "conv"}]}"#, to: "h.json")
        let none = try ReviewProcess.run(["build", "h.json"], in: URL(fileURLWithPath: box.root), environment: ["PATH": box.root])
        #expect(none.status == 2)
        #expect(none.stderr.hasPrefix("review: error: h.json: formats: pdf: no TeX engine"), "\(none.stderr)")
        #expect(!FileManager.default.fileExists(atPath: box.root + "/out/h"))
        guard LaTeXEngineTests.tool("pdflatex") != nil || LaTeXEngineTests.tool("xelatex") != nil else { return }
        let run = try ReviewProcess.run(["build", "h.json"], in: URL(fileURLWithPath: box.root), timeout: 300)
        #expect(run.status == 0, "\(run.stderr)")
        for student in ["001", "002"] {
            let pdf = try #require(FileManager.default.contents(atPath: box.root + "/out/h/\(student)/questions.pdf"))
            #expect(pdf.starts(with: Array("%PDF-".utf8)))
            #expect(FileManager.default.fileExists(atPath: box.root + "/out/h/\(student)/questions.tex"))
        }
        let manifest = try String(contentsOfFile: box.root + "/out/h/manifest.json", encoding: .utf8)
        #expect(manifest.contains("\"001/questions.pdf\"") && manifest.contains("\"pdf\""))
        #expect(try String(contentsOfFile: box.root + "/out/h/index.html", encoding: .utf8).contains("001/questions.pdf"))
    }
}
