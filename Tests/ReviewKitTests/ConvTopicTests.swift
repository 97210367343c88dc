import Foundation
import Testing
@testable import ReviewKit

/// The conv topic end to end through the problem-file reader, against
/// published figures (recomputed by hand in the comments) and the example
/// files in `problems/`.
@Suite struct ConvTopicTests {
    /// Solves one of the repository's `problems/` files.
    private func solveExample(_ name: String) throws -> WorkedProblem {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return try #require(ProblemSolver.solve(files: [root.appendingPathComponent("problems/\(name)").path]).first)
    }

    private func outputs(_ answers: JSONValue) -> [[Double]] {
        guard case .array(let layers)? = answers.at("layers")?.kind else { return [] }
        return layers.compactMap { $0.at("output")?.doubles }
    }

    private func params(_ answers: JSONValue) -> [Double] {
        guard case .array(let layers)? = answers.at("layers")?.kind else { return [] }
        return layers.compactMap { $0.at("params")?.double }
    }

    // MARK: Published examples

    @Test func courseNotes32x32() throws {
        // Course notes (final-review summary): 32×32×3 image, six 5×5×3
        // kernels, stride 1 → six 28×28 maps. (32 − 5 + 0)/1 + 1 = 28;
        // weights 5·5·3·6 = 450, biases 6, params 456.
        let answers = try solveExample("conv-notes-32x32.json").answers
        #expect(answers.at("output")?.doubles == [28, 28, 6])
        #expect(answers.at("layers", 0, "weights")?.double == 450)
        #expect(answers.at("layers", 0, "biases")?.double == 6)
        #expect(answers.at("layers", 0, "params")?.double == 456)
        #expect(answers.at("total_params")?.double == 456)
    }

    @Test func courseNotes96x96() throws {
        // Course notes (CNN slides): 96×96 image, 8×8 features → (96 − 8 + 1)
        // = 89, so 89×89 = 7921 values per feature.
        let answers = try solveExample("conv-notes-96x96.json").answers
        #expect(answers.at("output")?.doubles == [89, 89, 400])
    }

    @Test func courseNotesMLP() throws {
        // Course notes (study notes): [784, 30, 10] has
        // (784·30 + 30) + (30·10 + 10) = 23,550 + 310 = 23,860 parameters.
        let answers = try solveExample("conv-notes-mlp-784-30-10.json").answers
        #expect(params(answers) == [23_550, 310])
        #expect(outputs(answers) == [[30], [10]])
        #expect(answers.at("total_params")?.double == 23_860)
    }

    @Test func cs231nConv1() throws {
        // CS231n (ConvNets notes): 227×227×3, 96 filters 11×11 stride 4 →
        // (227 − 11)/4 + 1 = 55; 11·11·3·96 + 96 = 34,848 + 96 = 34,944.
        let answers = try solveExample("conv-cs231n-conv1.json").answers
        #expect(answers.at("output")?.doubles == [55, 55, 96])
        #expect(answers.at("total_params")?.double == 34_944)
    }

    @Test func leNet5() throws {
        // LeNet-5 on 32×32×1: C1 6@5×5 → 28×28×6, 5·5·1·6 + 6 = 156;
        // S2 → 14×14×6; C3 16@5×5 → 10×10×16, 5·5·6·16 + 16 = 2,416;
        // S4 → 5×5×16; C5 fc 120: 400·120 + 120 = 48,120; F6 120·84 + 84 =
        // 10,164; output 84·10 + 10 = 850. Sum 61,706.
        let answers = try solveExample("conv-lenet5.json").answers
        #expect(outputs(answers) == [[28, 28, 6], [14, 14, 6], [10, 10, 16], [5, 5, 16], [120], [84], [10]])
        #expect(params(answers) == [156, 0, 2_416, 0, 48_120, 10_164, 850])
        #expect(answers.at("total_params")?.double == 61_706)
    }

    @Test func alexNetAsInTorchvision() throws {
        // torchvision AlexNet on 224×224×3: conv 64@11 s4 p2 → ⌊(224+4−11)/4⌋+1
        // = 55; pool 3 s2 → ⌊52/2⌋+1 = 27; conv 192@5 p2 → 27; pool → 13;
        // three 3×3 p1 convs keep 13; pool → 6. Params: 23,296 + 307,392 +
        // 663,936 + 884,992 + 590,080 + (9216·4096 + 4096 = 37,752,832) +
        // 16,781,312 + 4,097,000 = 61,100,840.
        let answers = try solveExample("conv-alexnet.json").answers
        #expect(outputs(answers) == [
            [55, 55, 64], [27, 27, 64], [27, 27, 192], [13, 13, 192], [13, 13, 384], [13, 13, 256], [13, 13, 256],
            [6, 6, 256], [4096], [4096], [1000],
        ])
        #expect(params(answers) == [23_296, 0, 307_392, 0, 663_936, 884_992, 590_080, 0, 37_752_832, 16_781_312, 4_097_000])
        #expect(answers.at("total_params")?.double == 61_100_840)
    }

    @Test func vgg16() throws {
        // VGG16 (configuration D): 13 3×3 p1 convs keep the size, five 2×2
        // pools halve it, 224 → 7; 7·7·512 = 25,088 → fc 4096, 4096, 1000.
        // Conv params 14,714,688 + fc 102,764,544 + 16,781,312 + 4,097,000
        // = 138,357,544 (the published total).
        let worked = try solveExample("conv-vgg16.json")
        let answers = worked.answers
        #expect(outputs(answers).count == 21)
        #expect(outputs(answers)[1] == [224, 224, 64])
        #expect(outputs(answers)[17] == [7, 7, 512])
        #expect(answers.at("layers", 18, "params")?.double == 102_764_544)
        #expect(answers.at("output")?.doubles == [1000])
        #expect(answers.at("total_params")?.double == 138_357_544)
        let markdown = Sheet(problems: [worked], options: .init()).render()
        #expect(markdown.contains("138,357,544"))
        #expect(markdown.contains("138{,}357{,}544"))
    }

    // MARK: The rules

    @Test func floorWhenTheDivisionIsNotExact() throws {
        // 32 + 0 − 5 = 27, 27/2 = 13 + 1/2 → ⌊27/2⌋ + 1 = 14.
        let worked = try solve(json: #"{"topic": "conv", "input": [32, 32, 1], "layers": [{"type": "conv", "filters": 2, "kernel": 5, "stride": 2}]}"#)[0]
        #expect(worked.answers.at("output")?.doubles == [14, 14, 2])
        let markdown = Sheet(problems: [worked], options: .init()).render()
        #expect(markdown.contains("not exact"))
        #expect(markdown.contains("\\frac{27}{2} = 13 + \\frac{1}{2}"))
        #expect(markdown.contains("\\lfloor 27 / 2 \\rfloor = 13"))
    }

    @Test func sameWithStrideTwo() throws {
        // "same", 32 wide, 5×5 kernel, stride 2: out ⌈32/2⌉ = 16; padding
        // max((16 − 1)·2 + 5 − 32, 0) = 3, 1 before and 2 after (TensorFlow).
        let worked = try solve(json: #"{"topic": "conv", "input": [32, 32, 3], "layers": [{"type": "conv", "filters": 8, "kernel": 5, "stride": 2, "padding": "same"}]}"#)[0]
        #expect(worked.answers.at("output")?.doubles == [16, 16, 8])
        let padding = try #require(worked.steps.first { $0.id == "layers[0].padding_height" })
        #expect(padding.value.double == 3)
        #expect(padding.label.contains("(1 before, 2 after)"))
        // Odd sizes round up: ⌈7/2⌉ = 4, ⌈13/2⌉ = 7.
        let odd = try solve(json: #"{"topic": "conv", "input": [7, 13, 3], "layers": [{"type": "conv", "filters": 4, "kernel": 3, "stride": 2, "padding": "same"}]}"#)[0]
        #expect(odd.answers.at("output")?.doubles == [4, 7, 4])
        #expect(Sheet(problems: [odd], options: .init()).render().contains("rounds up"))
    }

    @Test func dilation() throws {
        // 10×10, 3×3 kernel, dilation 2: F' = 2·(3 − 1) + 1 = 5, 10 − 5 + 1 = 6.
        // With padding 2: 10 + 4 − 5 + 1 = 10. Params ignore dilation: 3·3·1·1 + 1 = 10.
        let worked = try solve(json: """
            {"topic": "conv", "input": [10, 10, 1], "layers": [
              {"type": "conv", "filters": 1, "kernel": 3, "dilation": 2},
              {"type": "conv", "filters": 1, "kernel": 3, "dilation": 2, "padding": 2}]}
            """)[0]
        #expect(worked.answers.at("layers", 0, "output")?.doubles == [6, 6, 1])
        #expect(worked.answers.at("layers", 1, "output")?.doubles == [6, 6, 1])
        #expect(worked.answers.at("layers", 0, "params")?.double == 10)
        #expect(worked.steps.first { $0.id == "layers[0].effective_kernel_height" }?.value.double == 5)
    }

    @Test func rectangularKernelsStridesAndPadding() throws {
        // 7×13×4, kernel [3, 5], stride [1, 2], padding [1, 0], no bias:
        // H = (7 + 2 − 3)/1 + 1 = 7, W = (13 − 5)/2 + 1 = 5; weights
        // 3·5·4·2 = 120. Then pool [2, 1] (stride = kernel): H ⌊(7 − 2)/2⌋ + 1
        // = 3, W = 5; fc 3 on 3·5·2 = 30 inputs: 90 + 3 = 93.
        let worked = try solve(json: """
            {"topic": "conv", "input": {"height": 7, "width": 13, "channels": 4}, "layers": [
              {"type": "conv", "filters": 2, "kernel": [3, 5], "stride": [1, 2], "padding": [1, 0], "bias": false},
              {"type": "pool", "kernel": [2, 1], "mode": "avg"},
              {"type": "fc", "units": 3}]}
            """)[0]
        #expect(outputs(worked.answers) == [[7, 5, 2], [3, 5, 2], [3]])
        #expect(params(worked.answers) == [120, 0, 93])
        #expect(worked.answers.at("layers", 0, "biases")?.double == 0)
        #expect(worked.answers.at("total_params")?.double == 213)
    }

    @Test func defaultsAreFilledIn() throws {
        let worked = try solve(json: """
            {"topic": "conv", "input": [32, 32, 3], "layers": [
              {"type": "conv", "filters": 6, "kernel": 5, "padding": "valid"},
              {"type": "pool", "kernel": 2}, {"type": "fc", "units": 10}]}
            """)[0]
        #expect(JSONWriter.compact(worked.problem) == #"{"topic":"conv","id":"test-0","input":{"height":32,"width":32,"channels":3},"layers":[{"type":"conv","filters":6,"kernel":5,"stride":1,"padding":"valid","dilation":1,"bias":true},{"type":"pool","kernel":2,"stride":2,"padding":0,"mode":"max"},{"type":"fc","units":10,"bias":true}]}"#)
        // Pool stride defaults to the kernel: 28 → 14. fc: 14·14·6 = 1176 inputs.
        #expect(outputs(worked.answers) == [[28, 28, 6], [14, 14, 6], [10]])
        #expect(params(worked.answers) == [456, 0, 11_770])
    }

    @Test func stepsRecordTheArithmetic() throws {
        let steps = try solveExample("conv-notes-32x32.json").steps
        #expect(steps.map(\.id) == [
            "layers[0].height", "layers[0].width", "layers[0].output", "layers[0].weights", "layers[0].biases",
            "layers[0].params", "total_params",
        ])
        // The size rule with input 32, padding 0, kernel 5 and stride 1.
        #expect(steps[0].formula == "H_out = floor((H_in + 2 * P - F) / S) + 1")
        #expect(steps[0].substituted == "H_out = floor((32 + 2 * 0 - 5) / 1) + 1")
        #expect(steps[0].value.double == 28)
        #expect(steps[3].substituted == "weights = 5 * 5 * 3 * 6")
    }
}
