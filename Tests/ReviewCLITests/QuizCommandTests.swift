import Testing

/// `review quiz` fed from a pipe (the tmux check in scripts/check-quiz
/// drives it on a real terminal). Seed 5, easy: f = (x + y)² at x = −3,
/// y = −2, so f = 25 and ∂f/∂x = ∂f/∂y = 2(x + y) = −10, worked by hand.
@Suite struct QuizCommandTests {
    @Test func asksEachAnswerChecksItAndShowsTheSteps() throws {
        let run = try ReviewProcess.run(
            ["quiz", "--topic", "backprop", "--seed", "5"], stdin: "25\n-10\nabc\n-9\n", timeout: 60)
        #expect(run.status == 3)
        #expect(run.stdout.contains("f = (x + y)^{2}"))
        #expect(run.stdout.contains("value = ? ✓ right"))
        #expect(run.stdout.contains("gradient.y = ? not a number"))
        #expect(run.stdout.contains("gradient.y = ? ✗ not right yet"))
        #expect(run.stdout.contains("2 of 3 right"))
        #expect(run.stdout.contains("df/dx = -10 * 1 = -10"))
        #expect(!run.stdout.contains("\u{1B}["))  // no colour on a pipe
        #expect(run.stderr.isEmpty)
    }

    @Test func allRightExitsZeroInChinese() throws {
        let run = try ReviewProcess.run(
            ["quiz", "--topic", "backprop", "--seed", "5", "--lang", "zh"], stdin: "25\n-10\n-10.0\n", timeout: 60)
        #expect(run.status == 0)
        #expect(run.stdout.contains("共 3 个，答对 3 个"))
        #expect(run.stdout.contains("解题步骤"))
    }

    /// The input ends early: the steps are still shown.
    @Test func endOfInputShowsTheSteps() throws {
        let run = try ReviewProcess.run(["quiz", "--topic", "backprop", "--seed", "5"], stdin: "", timeout: 60)
        #expect(run.status == 3)
        #expect(run.stdout.contains("0 of 3 right"))
        #expect(run.stdout.contains("Worked steps:"))
    }
}
