import Foundation
import PageChecks
import Testing

/// `concepts` through the built tool: the issue's done-when sheet, the
/// subject option, and `review grade` on multiple-choice answers.
@Suite struct ConceptsCommandTests {
    @Test func fiveChineseQuestionsInHTMLWithAnswersAndReasons() throws {
        let run = try ReviewProcess.run(["gen", "--topic", "concepts", "--lang", "zh", "--count", "5", "--seed", "8", "--format", "html"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.components(separatedBy: "<h2").count - 1 == 5)
        #expect(run.stdout.components(separatedBy: "答案：").count - 1 == 5)
        #expect(run.stdout.components(separatedBy: "其他选项为什么错").count - 1 == 5)
        #expect(OfflinePage.outsideReferences(in: run.stdout).isEmpty)
    }

    @Test func anUnknownSubjectIsOneLineAndExitTwo() throws {
        let run = try ReviewProcess.run(["gen", "--topic", "concepts", "--subject", "atention"])
        #expect(run.status == 2)
        #expect(run.stderr == "review: error: unknown subject 'atention' (did you mean 'attention'?)\n")
    }

    /// perc-or-gate with order [2, 0, 1, 3]: the right option is B (OR);
    /// A is the XOR option.
    @Test func gradeReadsALetterInAnyCaseAndGivesTheReasonOfAWrongOne() throws {
        let box = try Sandbox()
        try box.write(#"{"topic": "concepts", "items": ["perc-or-gate"], "order": [[2, 0, 1, 3]]}"#, to: "or.json")
        try box.write(#"{"title": "Q", "seed": 1, "students": ["s1", "s2", "s3"], "formats": "md", "sections": [{"problems": "or.json"}]}"#, to: "h.json")
        let build = try ReviewProcess.run(["build", "h.json", "--out", "build"], in: URL(fileURLWithPath: box.root))
        #expect(build.status == 0, "\(build.stderr)")
        try box.write("student,problem,answer,value\ns1,1,choice,b\ns2,1,choice,A\ns3,1,choice,maybe\n", to: "answers.csv")
        let run = try ReviewProcess.run(["grade", "build", "answers.csv"], in: URL(fileURLWithPath: box.root))
        #expect(run.status == 0, "\(run.stderr)")
        let csv = try String(contentsOfFile: box.root + "/build-grades/grades.csv", encoding: .utf8)
        let points = csv.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false)[3] }
        #expect(points == ["1", "0", "0"])
        let report = try String(contentsOfFile: box.root + "/build-grades/report.html", encoding: .utf8)
        #expect(report.contains("no single neuron can compute XOR"))
        #expect(report.contains("not one of the options"))
        try box.write("student,problem,answer,value\ns1,1,choise,b\n", to: "bad.csv")
        let bad = try ReviewProcess.run(["grade", "build", "bad.csv"], in: URL(fileURLWithPath: box.root))
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("problem 1 has no answer 'choise' (its answers are choice)"))
    }
}
