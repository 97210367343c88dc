import Foundation
import PageChecks
import Testing

/// `--fold-solutions` through the built binary: every HTML solution folded
/// under a click, questions left open, other formats unchanged.
@Suite struct FoldSolutionsTests {
    @Test func htmlSolutionsFoldUnderASummary() throws {
        let run = try ReviewProcess.run(["gen", "--topic", "softmax", "--seed", "4", "--count", "3", "--format", "html", "--fold-solutions"])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        let html = run.stdout
        #expect(html.components(separatedBy: "<details class=\"solution\">").count - 1 == 3)
        #expect(html.components(separatedBy: "<summary>Show the solution</summary>").count - 1 == 3)
        #expect(html.components(separatedBy: "</details>").count - 1 == 3)
        // The question stays outside the fold: each problem heading comes
        // before its <details>, and the folds sit inside the problem sections.
        let problem = try #require(html.range(of: "<h2>Problem 1"))
        let fold = try #require(html.range(of: "<details"))
        #expect(problem.lowerBound < fold.lowerBound)
        #expect(html.components(separatedBy: "</details>\n</section>").count - 1 == 3)
        #expect(!html.contains("<script"))
        #expect(OfflinePage.outsideReferences(in: html) == [])
    }

    @Test func withoutTheFlagOrOutsideHTMLNothingFolds() throws {
        let plain = try ReviewProcess.run(["gen", "--topic", "gcn", "--seed", "4", "--format", "html"])
        #expect(plain.status == 0)
        #expect(!plain.stdout.contains("<details"))
        #expect(plain.stdout.contains("<section class=\"problem\">"))
        for format in ["md", "latex"] {
            let folded = try ReviewProcess.run(["gen", "--topic", "gcn", "--seed", "4", "--format", format, "--fold-solutions"])
            let open = try ReviewProcess.run(["gen", "--topic", "gcn", "--seed", "4", "--format", format])
            #expect(folded.status == 0)
            #expect(folded.stdout == open.stdout, "--fold-solutions changes nothing in \(format)")
        }
    }

    @Test func questionSheetsHaveNothingToFold() throws {
        let run = try ReviewProcess.run(["gen", "--topic", "conv", "--seed", "2", "--format", "html", "--fold-solutions", "--no-solutions"])
        #expect(run.status == 0)
        #expect(!run.stdout.contains("<details"))
    }
}
