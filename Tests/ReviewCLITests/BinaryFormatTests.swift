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
}
