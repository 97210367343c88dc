import Foundation
import Testing

/// The built binary end to end: stdout, stderr and exit status for each
/// command, as a user sees them.
@Suite struct CommandTests {
    let notes = "problems/backprop-notes-x-times-x-plus-y.json"

    @Test func topicsListsEveryTopicWithAnExample() throws {
        let run = try ReviewProcess.run(["topics"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("backprop"))
        #expect(run.stdout.contains("review gen --topic backprop"))
        #expect(run.stderr.isEmpty)
    }

    @Test func solveNotesExampleAsJSON() throws {
        let run = try ReviewProcess.run(["solve", notes, "--format", "json"])
        #expect(run.status == 0)
        let json = try run.json()
        #expect(json["generator"] as? String == "review 0.1.0")
        #expect(json["seed"] == nil)
        let result = (json["results"] as? [[String: Any]])?.first
        let answers = result?["answers"] as? [String: Any]
        #expect(answers?["value"] as? Double == 6)
        let gradient = answers?["gradient"] as? [String: Any]
        #expect(gradient?["x"] as? Double == 5)
        #expect(gradient?["y"] as? Double == 2)
    }

    @Test func everyFormatRendersACompleteSheet() throws {
        let md = try ReviewProcess.run(["solve", notes])
        #expect(md.status == 0)
        #expect(md.stdout.contains("$f = 6$"))
        #expect(md.stdout.contains("| Node | Formula | With numbers |"))
        #expect(md.stdout.contains("\\frac{\\partial f}{\\partial x} = 1 \\cdot 3 + 2 \\cdot 1 = 5"))

        let html = try ReviewProcess.run(["solve", notes, "--format", "html"])
        #expect(html.status == 0)
        #expect(html.stdout.hasPrefix("<!DOCTYPE html>"))
        #expect(html.stdout.contains("<math"))
        #expect(html.stdout.contains("<table>"))
        #expect(!html.stdout.contains("$"), "no unrendered TeX delimiters in HTML")
        #expect(!html.stdout.contains("<script"))
        #expect(!html.stdout.contains("http://") || !html.stdout.contains("src=\"http"))

        let latex = try ReviewProcess.run(["solve", notes, "--format", "latex"])
        #expect(latex.status == 0)
        #expect(latex.stdout.hasPrefix("\\documentclass"))
        #expect(latex.stdout.contains("\\begin{tabular}"))
        #expect(latex.stdout.contains("\\(\\frac{\\partial f}{\\partial x} = 1 \\cdot 3 + 2 \\cdot 1 = 5\\)"))
        #expect(latex.stdout.contains("\\end{document}"))
    }

    @Test func standardInputIsAFile() throws {
        let run = try ReviewProcess.run(
            ["solve", "-", "--format", "json"],
            stdin: #"{"topic": "backprop", "expression": "(x+y)*z", "values": {"x": -2, "y": 5, "z": -4}}"#)
        #expect(run.status == 0)
        let result = (try run.json()["results"] as? [[String: Any]])?.first
        #expect((result?["answers"] as? [String: Any])?["value"] as? Double == -12)
        #expect(result?["id"] as? String == "stdin-0")
    }

    @Test func sameSeedGivesIdenticalBytes() throws {
        for format in ["md", "html", "latex", "json"] {
            let args = ["gen", "--topic", "backprop", "--count", "3", "--seed", "42", "--format", format]
            let first = try ReviewProcess.run(args)
            let second = try ReviewProcess.run(args)
            #expect(first.status == 0)
            #expect(first.stdoutData == second.stdoutData, "format \(format)")
        }
        let other = try ReviewProcess.run(["gen", "--topic", "backprop", "--count", "3", "--seed", "43"])
        let base = try ReviewProcess.run(["gen", "--topic", "backprop", "--count", "3", "--seed", "42"])
        #expect(other.stdout != base.stdout)
    }

    @Test func withoutASeedOneIsDrawnAndPrinted() throws {
        let run = try ReviewProcess.run(["gen", "--topic", "backprop", "--format", "json"])
        let seed = try run.json()["seed"] as? Int
        #expect(seed != nil)
        let md = try ReviewProcess.run(["gen", "--topic", "backprop"])
        #expect(md.stdout.contains("seed "))
    }

    @Test func generatedProblemsRoundTripThroughSolve() throws {
        let gen = try ReviewProcess.run(["gen", "--topic", "backprop", "--count", "5", "--seed", "7", "--format", "json"])
        let results = try gen.json()["results"] as? [[String: Any]] ?? []
        #expect(results.count == 5)
        for result in results {
            let problem = try JSONSerialization.data(withJSONObject: result["problem"] as Any)
            let solved = try ReviewProcess.run(["solve", "-", "--format", "json"], stdin: String(decoding: problem, as: UTF8.self))
            let again = (try solved.json()["results"] as? [[String: Any]])?.first
            #expect(NSDictionary(dictionary: again?["answers"] as? [String: Any] ?? [:])
                == NSDictionary(dictionary: result["answers"] as? [String: Any] ?? [:]))
        }
    }

    @Test func noSolutionsPrintsQuestionsOnly() throws {
        let run = try ReviewProcess.run(["gen", "--topic", "backprop", "--seed", "5", "--no-solutions"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("Problem 1"))
        #expect(!run.stdout.contains("Solution"))
        #expect(!run.stdout.contains("forward pass."))
    }

    @Test func outputWritesTheFile() throws {
        let directory = try ReviewProcess.temporaryDirectory()
        let target = directory.appendingPathComponent("sheet.html")
        let run = try ReviewProcess.run(["solve", notes, "--format", "html", "--output", target.path])
        #expect(run.status == 0)
        #expect(run.stdout.isEmpty)
        let written = try String(contentsOf: target, encoding: .utf8)
        #expect(written.hasPrefix("<!DOCTYPE html>"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["sheet.html"])
    }
}

@Suite struct MarkdownSafetyTests {
    @Test func dollarsInUserTextStayEscapedInMarkdown() throws {
        // GitHub would read "$5 and $6" as a formula unless the dollars keep their backslashes.
        let problem = #"{"topic": "backprop", "title": "costs $5 and $6", "expression": "x*y", "values": {"x": 1, "y": 2}}"#
        let run = try ReviewProcess.run(["solve", "-"], stdin: problem)
        #expect(run.status == 0)
        #expect(run.stdout.contains("costs \\$5 and \\$6"))
    }
}

@Suite struct LargeProblemTests {
    @Test func anExpressionTooBigForASheetStillGetsJSONAnswers() throws {
        // x*y summed 2,000 times: 8,000 parse nodes, too many to work by hand.
        let expression = Array(repeating: "x*y", count: 2_000).joined(separator: "+")
        let problem = #"{"topic": "backprop", "expression": "\#(expression)", "values": {"x": 3, "y": -2}}"#
        let sheet = try ReviewProcess.run(["solve", "-"], stdin: problem)
        #expect(sheet.status == 2)
        #expect(sheet.stderr.contains("a worked sheet takes at most"))
        let json = try ReviewProcess.run(["solve", "-", "--format", "json"], stdin: problem)
        #expect(json.status == 0, "\(json.stderr)")
        let answers = (try json.json()["results"] as? [[String: Any]])?.first?["answers"] as? [String: Any]
        // f = 2000·x·y; ∂f/∂x = 2000·y, ∂f/∂y = 2000·x.
        #expect(answers?["value"] as? Double == -12_000)
        let gradient = answers?["gradient"] as? [String: Any]
        #expect(gradient?["x"] as? Double == -4_000)
        #expect(gradient?["y"] as? Double == 6_000)
    }
}
