import Foundation
import Testing

/// The README's teachers' walk-through ("Teachers: build, export or
/// print, grade") must stay true: its example handout and class answers,
/// built and graded, give the `grades.csv` the README prints. A change to
/// the generators once made its answers name a variable the student's
/// problem no longer had, and `review grade` refused the file.
@Suite struct TeacherWalkthroughTests {
    @Test func exampleClassGradesAsTheReadmeShows() throws {
        let root = ReviewProcess.packageRoot.path
        let box = try Sandbox()
        // The handout as it is, but for the formats that need TeX or an LMS:
        // the grades come from the build's answer key and manifest.
        let handout = try String(contentsOfFile: root + "/problems/handout-class-quiz.yaml", encoding: .utf8)
        let lines = handout.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix("formats:") ? "formats: [json]" : String(line)
        }
        #expect(lines.contains("formats: [json]"))
        try box.write(lines.joined(separator: "\n"), to: "handout-class-quiz.yaml")
        try box.write(try String(contentsOfFile: root + "/problems/conv-notes-32x32.json", encoding: .utf8), to: "conv-notes-32x32.json")
        try box.write(try String(contentsOfFile: root + "/problems/answers-class-quiz.csv", encoding: .utf8), to: "answers.csv")
        let here = URL(fileURLWithPath: box.root)
        let build = try ReviewProcess.run(["build", "handout-class-quiz.yaml", "--out", "quiz"], in: here)
        #expect(build.status == 0, "\(build.stderr)")
        let grade = try ReviewProcess.run(["grade", "quiz", "answers.csv"], in: here)
        #expect(grade.status == 0, "\(grade.stderr)")
        #expect(grade.stderr.contains("graded 22 answers of 4 students (16 right)"), "\(grade.stderr)")
        let csv = try String(contentsOfFile: box.root + "/quiz-grades/grades.csv", encoding: .utf8)
        #expect(csv.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .newlines) == (try readmeGrades(root)))
        // The report is a page: a negative right answer has the sheets' minus sign, and a
        // share "16 / 20" never breaks at its spaces.
        let report = try String(contentsOfFile: box.root + "/quiz-grades/report.html", encoding: .utf8)
        #expect(report.contains("right answer \u{2212}10"))
        #expect(!report.contains("right answer -"))
        #expect(report.contains("\u{00A0}/\u{00A0}") && !report.contains("> 8 / 10"))
    }

    /// The lines after `$ cat out/handout-class-quiz-grades/grades.csv` in
    /// the README's console block.
    private func readmeGrades(_ root: String) throws -> String {
        let readme = try String(contentsOfFile: root + "/README.md", encoding: .utf8)
        let marker = "$ cat out/handout-class-quiz-grades/grades.csv\n"
        guard let start = readme.range(of: marker) else { return "(README has no grades.csv block)" }
        let rest = readme[start.upperBound...]
        let block = rest.prefix { $0 != "`" }
        return block.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: "\n")
    }
}
