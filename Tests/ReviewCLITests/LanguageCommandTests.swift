import Foundation
import Testing

/// `--lang zh` through the binary, as a student would call it.
@Suite struct LanguageCommandTests {
    @Test func topicsInChinese() throws {
        let run = try ReviewProcess.run(["topics", "--lang", "zh"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("卷积层的堆叠：特征图尺寸与参数量"))
        #expect(run.stdout.contains("例如：review gen --topic conv"))
        #expect(!run.stdout.contains("e.g."))
    }

    @Test func topicsRejectsAnUnknownLanguage() throws {
        let run = try ReviewProcess.run(["topics", "--lang", "fr"])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("unknown language 'fr'"))
    }

    @Test func convSheetInChineseHTML() throws {
        let run = try ReviewProcess.run(["gen", "--topic", "conv", "--lang", "zh", "--format", "html", "--seed", "5"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("<html lang=\"zh\">"))
        #expect(run.stdout.contains("<h2>第 1 题</h2>"))
        #expect(run.stdout.contains("特征图"))
        #expect(!run.stdout.contains("Problem 1"))
    }

    @Test func solveInChineseKeepsTheNumbers() throws {
        // The course notes' f = x·(x + y) at x = 2, y = 1: f = 6, ∂f/∂x = 5, ∂f/∂y = 2.
        let run = try ReviewProcess.run(["solve", "problems/backprop-notes-x-times-x-plus-y.json", "--lang", "zh"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("| 节点 | 公式 | 代入数值 |"))
        #expect(run.stdout.contains("\\frac{\\partial f}{\\partial x} = 1 \\cdot 3 + 2 \\cdot 1 = 5"))
        #expect(run.stdout.contains("**答案**：$f = 6$"))
    }
}
