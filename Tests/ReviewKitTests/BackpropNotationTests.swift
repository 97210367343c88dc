import Testing
@testable import ReviewKit

/// Backprop's sheet keeps three gradients apart (issue 16, item 1): a
/// node's local gradient, written from its rule as ∂/∂x (x·z); the upstream
/// gradient arriving from above, ∂f/∂z; and the output's gradient with
/// respect to a variable, ∂f/∂x, the sum over its uses. The expected lines
/// are the course notes' f = x·(x+y) at x = 2, y = 1 worked by hand: at f,
/// ∂/∂x (x·z) = z = 3 and ∂/∂z (x·z) = x = 2; at z, both local gradients 1
/// with upstream 2; so ∂f/∂x = 3 + 2 = 5 and ∂f/∂y = 2.
@Suite struct BackpropNotationTests {
    static let classic = #"{"topic": "backprop", "expression": "f = x*(x+y)", "values": {"x": 2, "y": 1}}"#

    private func sheet(_ json: String, language: String = "en") throws -> String {
        var options = Sheet.Options()
        options.language = language
        return Sheet(problems: try solve(json: json), options: options).render()
    }

    @Test func theLocalGradientNeverWearsTheTotalsSymbol() throws {
        let md = try sheet(Self.classic)
        #expect(md.contains(#"local gradient $\frac{\partial}{\partial x} (x \cdot z) = z = 3$"#))
        #expect(md.contains(#"local gradient $\frac{\partial}{\partial z} (x \cdot z) = x = 2$"#))
        #expect(md.contains(#"local gradient $\frac{\partial}{\partial x} (x + y) = 1$"#))
        #expect(md.contains(#"upstream gradient $\frac{\partial f}{\partial z} = 2$"#))
        // ∂f/∂x only ever stands for the total, 5.
        let total = #"\frac{\partial f}{\partial x} = "#
        var rest = md[...]
        var uses = 0
        while let hit = rest.range(of: total) {
            let after = rest[hit.upperBound...]
            // The sum term by term, upstream × local per use (issue 16), or the total alone.
            #expect(after.hasPrefix(#"1 \cdot 3 + 2 \cdot 1 = 5"#) || after.hasPrefix("5"), "\(after.prefix(30))")
            rest = after
            uses += 1
        }
        #expect(uses == 2)  // Step 4 and the answer
    }

    @Test func jsonStepsWriteUpstreamTimesLocal() throws {
        let steps = try solve(json: Self.classic)[0].steps
        let formulas = Dictionary(uniqueKeysWithValues: steps.map { ($0.id, $0.formula) })
        #expect(formulas["df/dz"] == "df/dz = df/df * d/dz (x * z)")
        #expect(formulas["df/dx"] == "df/dx = df/df * d/dx (x * z) + df/dz * d/dx (x + y)")
        #expect(formulas["df/dy"] == "df/dy = df/dz * d/dy (x + y)")
        #expect(steps.map(\.id) == ["z", "f", "df/df", "df/dz", "df/dx", "df/dy"])
        #expect(steps.first { $0.id == "df/dx" }?.substituted == "df/dx = 1 * 3 + 2 * 1")
    }

    @Test func gatePatternsAreNamedInBothLanguages() throws {
        let en = try sheet(Self.classic), zh = try sheet(Self.classic, language: "zh")
        #expect(en.contains("A multiply gate swaps its inputs"))
        #expect(en.contains("An add gate passes the upstream gradient on unchanged"))
        #expect(zh.contains("乘法门交换输入"))
        #expect(zh.contains("加法门把上游梯度原样传给每个输入"))
        #expect(zh.contains("局部梯度") && zh.contains("上游梯度"))
        // (x − y)·z: subtract negates for the second input.
        let subtract = try sheet(#"{"topic": "backprop", "expression": "(x-y)*z", "values": {"x": 3, "y": 1, "z": 2}}"#)
        #expect(subtract.contains("A subtract gate passes the upstream gradient on to its first input and its negative to the second"))
    }

    /// The notes' f = x·e^((x·3)·max(x, y)) at x = 2, y = 1: max routes to x (2 > 1).
    /// min(x, y)·z at x = 1, y = 4, z = 2: min routes to x, so ∂f/∂x = z = 2, ∂f/∂y = 0.
    @Test func maxAndMinRouteToTheWinner() throws {
        let max = try sheet(#"{"topic": "backprop", "expression": "x*e^((x*3)*max(x,y))", "values": {"x": 2, "y": 1}}"#)
        #expect(max.contains("A max gate routes the whole upstream gradient to its larger input, $x$;"))
        let maxZh = try sheet(#"{"topic": "backprop", "expression": "x*e^((x*3)*max(x,y))", "values": {"x": 2, "y": 1}}"#, language: "zh")
        #expect(maxZh.contains("取最大值门把上游梯度全部传给较大的输入 $x$"))
        let minJSON = #"{"topic": "backprop", "expression": "min(x,y)*z", "values": {"x": 1, "y": 4, "z": 2}}"#
        #expect(try sheet(minJSON).contains("A min gate routes the whole upstream gradient to its smaller input, $x$;"))
        let answers = try solve(json: minJSON)[0].answers
        #expect(answers.at("gradient", "x")?.double == 2)
        #expect(answers.at("gradient", "y")?.double == 0)
        // At a tie the first input wins, and the sheet points to the convention.
        let tie = try sheet(#"{"topic": "backprop", "expression": "max(x, y) * z", "values": {"x": 3, "y": 3, "z": 2}}"#)
        #expect(tie.contains("to its larger input, $x$ (the inputs are equal: see the convention below)"))
    }

    /// z = x·x feeds x twice: ∂/∂x (x·x) would be 2x, so each operand's
    /// share is written as what it is, the other factor x = 2; ∂f/∂x = 2 + 2 = 4.
    @Test func aNodeUsingOneInputTwiceWritesEachShare() throws {
        let json = #"{"topic": "backprop", "expression": "x*x+y", "values": {"x": 2, "y": 3}}"#
        let md = try sheet(json)
        #expect(md.contains("to $x$ (as the first operand): local gradient $x = 2$"))
        #expect(md.contains("to $x$ (as the second operand): local gradient $x = 2$"))
        #expect(!md.contains(#"\frac{\partial}{\partial x} (x \cdot x)"#))
        let worked = try solve(json: json)[0]
        #expect(worked.steps.first { $0.id == "df/dx" }?.formula == "df/dx = df/dz * x + df/dz * x")
        #expect(worked.answers.at("gradient", "x")?.double == 4)
    }
}
