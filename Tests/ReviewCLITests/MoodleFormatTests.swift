import Foundation
import Testing

/// `--format moodle` through the built binary: one Moodle XML document on
/// stdout or in `-o`, the same seed giving the same bytes, and the usual
/// usage errors.
@Suite struct MoodleFormatTests {
    @Test func genAndSolveWriteOneMoodleXMLDocument() throws {
        let run = try ReviewProcess.run(["gen", "--topic", "backprop", "--seed", "4", "--count", "2", "--format", "moodle"])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        #expect(run.stdout.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n"))
        #expect(run.stdout.hasSuffix("</quiz>\n"))
        #expect(run.stdout.components(separatedBy: "<question type=\"cloze\">").count - 1 == 2)
        let again = try ReviewProcess.run(["gen", "--topic", "backprop", "--seed", "4", "--count", "2", "--format", "moodle"])
        #expect(again.stdout == run.stdout)
        let bare = try ReviewProcess.run(["gen", "--topic", "backprop", "--seed", "4", "--format", "moodle", "--no-solutions"])
        #expect(bare.stdout.contains("<generalfeedback format=\"html\">\n      <text><![CDATA[]]></text>"))
    }

    @Test func practiceNeedsHTML() throws {
        let run = try ReviewProcess.run(["gen", "--topic", "conv", "--format", "moodle", "--practice"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--practice makes an HTML page; add --format html"))
        let unknown = try ReviewProcess.run(["gen", "--topic", "conv", "--format", "qti"])
        #expect(unknown.status == 2)
    }
}
