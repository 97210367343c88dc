import Foundation
import Testing

/// The issue's repro on the built binary: `5e-324` printed as
/// `inf × 10^{-323}` on every sheet and `infe-323` in JSON `substituted`;
/// `1e-320` as `1.002×10^-320`. Every format must show the numbers as
/// Swift's shortest round-trip form spells them.
@Suite struct ExtremeNumberTests {
    @Test(arguments: ["md", "html", "latex", "json"])
    func subnormalsPrintAsTheyAre(format: String) throws {
        let directory = try ReviewProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try #"{"topic": "backprop", "expression": "x*y + z", "values": {"x": 5e-324, "y": 1, "z": 1e-320}}"#
            .write(to: directory.appendingPathComponent("tiny.json"), atomically: true, encoding: .utf8)
        let run = try ReviewProcess.run(["solve", "tiny.json", "--format", format], in: directory)
        #expect(run.status == 0, "\(run.stderr)")
        // The LaTeX preamble maps ∞ to \infty; only the document is the sheet.
        let sheet = run.stdout.components(separatedBy: "\\begin{document}").last ?? run.stdout
        #expect(!sheet.contains("inf"), "no infinity where a tiny number belongs")
        #expect(!sheet.contains("1.002"), "1e-320 is not 1.002e-320")
        let mantissas = format == "json" ? ["5e-324", "1e-320"] : ["10^{-324}", "10^{-320}"]
        if format != "html" {  // HTML spells powers in MathML
            for text in mantissas { #expect(sheet.contains(text), "\(text) in \(format)") }
        }
    }
}
