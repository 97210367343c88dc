import Testing
@testable import ReviewKit

/// Located errors for bad conv problems, and properties of the generator.
@Suite struct ConvErrorAndGeneratorTests {
    private func line(_ layers: String, input: String = "[32, 32, 3]") -> String? {
        errorLine(json: #"{"topic": "conv", "input": \#(input), "layers": [\#(layers)]}"#)
    }

    @Test func badFieldsAreLocated() {
        #expect(line(#"{"type": "conv", "filters": 6, "kernel": -3}"#)
            == "test.json: layers[0].kernel: must be a positive integer, got -3")
        #expect(errorLine(json: #"{"problems": [{"topic": "conv", "input": [8, 8, 1], "layers": [{"type": "fc", "units": 2}]}, {"topic": "conv", "input": [8, 8, 1], "layers": [{"type": "conv", "filters": 6, "kernel": -3}]}]}"#)
            == "test.json: problems[1].layers[0].kernel: must be a positive integer, got -3")
        #expect(line(#"{"type": "conv", "filters": 0, "kernel": 3}"#)
            == "test.json: layers[0].filters: must be a positive integer, got 0")
        #expect(line(#"{"type": "conv", "filters": 2, "kernel": 3, "stride": [1, 0]}"#)
            == "test.json: layers[0].stride[1]: must be a positive integer, got 0")
        #expect(line(#"{"type": "conv", "filters": 2, "kernel": 3, "padding": -1}"#)
            == "test.json: layers[0].padding: must be a non-negative integer, got -1")
        #expect(line(#"{"type": "conv", "filters": 2, "kernel": 3, "padding": "sam"}"#)
            == #"test.json: layers[0].padding: must be a non-negative integer, a pair [h, w], "same" or "valid", got "sam" (did you mean "same"?)"#)
        #expect(line(#"{"type": "conv", "filters": 2, "kernel": [3, 3, 3]}"#)
            == "test.json: layers[0].kernel: must be a pair [h, w], got an array of 3")
        #expect(line(#"{"type": "conv", "filters": 2, "kernel": 2.5}"#)
            == "test.json: layers[0].kernel: must be a positive integer, got 2.5")
        #expect(line(#"{"type": "conv", "filters": 2, "kernel": 3, "dilation": 0}"#)
            == "test.json: layers[0].dilation: must be a positive integer, got 0")
        #expect(line(#"{"type": "conv", "filters": 2, "kernel": 3, "bias": "yes"}"#)
            == #"test.json: layers[0].bias: must be true or false, got "yes""#)
        #expect(line(#"{"type": "conv", "filter": 2, "kernel": 3}"#)
            == "test.json: layers[0].filter: unknown field 'filter' (did you mean 'filters'?)")
        #expect(line(#"{"type": "conv", "kernel": 3}"#)
            == "test.json: layers[0]: missing required field 'filters'")
        #expect(line(#"{"type": "pool", "kernel": 2, "filters": 3}"#)
            == "test.json: layers[0].filters: unknown field 'filters'; expected one of: type, name, kernel, stride, padding, mode")
        #expect(line(#"{"type": "pool", "kernel": 2, "mode": "mean"}"#)
            == #"test.json: layers[0].mode: must be one of "max", "avg", got "mean""#)
        #expect(line(#"{"type": "dense", "units": 2}"#)
            == #"test.json: layers[0].type: must be one of "conv", "pool", "fc", got "dense""#)
        #expect(line(#"{"type": "fc", "units": -1}"#)
            == "test.json: layers[0].units: must be a positive integer, got -1")
        #expect(line("") == "test.json: layers: must list at least one layer, got an empty array")
        let many = Array(repeating: #"{"type": "fc", "units": 1}"#, count: 501).joined(separator: ", ")
        #expect(line(many) == "test.json: layers: must have at most 500 layers, got 501")
    }

    @Test func badInputsAreLocated() {
        #expect(line(#"{"type": "fc", "units": 2}"#, input: "[32, 32]")
            == "test.json: input: must be [H, W, C] or [N] (a flat vector), got an array of 2")
        #expect(line(#"{"type": "fc", "units": 2}"#, input: "[32, 0, 3]")
            == "test.json: input[1]: must be a positive integer, got 0")
        #expect(line(#"{"type": "fc", "units": 2}"#, input: #"{"height": 4, "width": 4}"#)
            == "test.json: input: missing required field 'channels'")
        #expect(line(#"{"type": "fc", "units": 2}"#, input: #"{"height": 4, "width": 4, "channel": 1}"#)
            == "test.json: input.channel: unknown field 'channel' (did you mean 'channels'?)")
    }

    @Test func imageLayersNeedAnImage() {
        #expect(line(#"{"type": "fc", "units": 10}, {"type": "conv", "filters": 2, "kernel": 1}"#)
            == "test.json: layers[1]: a conv layer needs an image [H, W, C], but layers[0] is an fc layer, whose output is a flat vector")
        #expect(line(#"{"type": "pool", "kernel": 2}"#, input: "[784]")
            == "test.json: layers[0]: a pool layer needs an image [H, W, C], but the input is a flat vector [784]; only fc layers can take it")
    }

    @Test func outputBelowOneNamesTheLayerAndShowsTheArithmetic() {
        // 32 → conv 5: 28 → pool 7: 4 → conv 3: 2 → conv 5: ⌊(2 + 0 − 5)/1⌋ + 1 = −2.
        #expect(line(#"{"type": "conv", "filters": 2, "kernel": 5}, {"type": "pool", "kernel": 7}, {"type": "conv", "filters": 2, "kernel": 3}, {"type": "conv", "filters": 2, "kernel": 5}"#)
            == "test.json: layers[3]: output height would be -2: floor((2 + 2·0 − 5)/1) + 1 = -2")
        // The contract's example: 4 + 2·0 − 5 = −1, ⌊−1/1⌋ + 1 = 0.
        #expect(line(#"{"type": "conv", "filters": 2, "kernel": 5}"#, input: "[4, 9, 1]")
            == "test.json: layers[0]: output height would be 0: floor((4 + 2·0 − 5)/1) + 1 = 0")
        // Width only, with dilation: F' = 2·(3 − 1) + 1 = 5 > 4.
        #expect(line(#"{"type": "conv", "filters": 2, "kernel": 3, "dilation": 2}"#, input: "[9, 4, 1]")
            == "test.json: layers[0]: output width would be 0: floor((4 + 2·0 − 5)/1) + 1 = 0; effective kernel 5 = 2·(3 − 1) + 1")
    }

    @Test func countsTooLargeForJSONAreErrors() {
        #expect(line(#"{"type": "fc", "units": 4000000000}"#, input: "[4000000000, 4000000000, 1]")
            == "test.json: layers[0]: the numbers get too large to count exactly (above 2^53)")
    }

    // MARK: Generated problems

    @Test func generatedProblemsRoundTripThroughTheirJSON() throws {
        for difficulty in Difficulty.allCases {
            for problem in try ProblemSolver.generate(topic: "conv", count: 25, seed: 5, difficulty: difficulty) {
                let again = try solve(json: JSONWriter.compact(problem.problem))
                #expect(again[0].answers == problem.answers, "\(JSONWriter.compact(problem.problem))")
            }
        }
    }

    @Test func generatedSizesAreWholeUnlessTheFloorIsTheLesson() throws {
        for difficulty in Difficulty.allCases {
            for worked in try ProblemSolver.generate(topic: "conv", count: 40, seed: 17, difficulty: difficulty) {
                let problem = try ConvTopic.decode(
                    Field(value: worked.problem).object(allowedKeys: ["topic", "id"] + ConvTopic.fields))
                let solution = try ConvTopic.solve(problem)
                var roundedLayers = 0
                for layer in solution.result.layers {
                    guard let h = layer.height, let w = layer.width else { continue }
                    #expect(h.output >= 2 && w.output >= 2)
                    let rounded = [h, w].contains { !$0.isExact || ($0.same && !$0.sameIsExact) }
                    if rounded { roundedLayers += 1 }
                }
                #expect(roundedLayers <= 1, "\(JSONWriter.compact(worked.problem))")
                let sheet = Sheet(problems: [worked], options: .init()).render()
                if roundedLayers == 1 {
                    #expect(sheet.contains("The division is not exact,") || sheet.contains("rounds up"))
                } else {
                    #expect(!sheet.contains("The division is not exact,") && !sheet.contains("rounds up"))
                }
                #expect(solution.result.totalParams <= 250_000)
                for layer in problem.layers {
                    if case .conv(let conv) = layer.kind, case .explicit(let p) = conv.padding {
                        #expect(2 * p.height < conv.kernel.height && 2 * p.width < conv.kernel.width || p == .init(square: 0))
                    }
                }
            }
        }
    }

    @Test func difficultiesShapeTheStack() throws {
        for worked in try ProblemSolver.generate(topic: "conv", count: 20, seed: 2, difficulty: .easy) {
            #expect(worked.answers.at("layers", 1) == nil)
            #expect(worked.answers.at("output")?.doubles?.count == 3)
        }
        for worked in try ProblemSolver.generate(topic: "conv", count: 20, seed: 2, difficulty: .standard) {
            #expect(JSONWriter.compact(worked.problem).contains(#""type":"pool""#))
        }
        for worked in try ProblemSolver.generate(topic: "conv", count: 20, seed: 2, difficulty: .hard) {
            #expect(worked.answers.at("output")?.doubles?.count == 1)
        }
    }

    @Test func generationIsDeterministicAndVaried() throws {
        let a = try ProblemSolver.generate(topic: "conv", count: 10, seed: 9, difficulty: .standard)
        let b = try ProblemSolver.generate(topic: "conv", count: 10, seed: 9, difficulty: .standard)
        #expect(a.map(\.problem) == b.map(\.problem))
        let c = try ProblemSolver.generate(topic: "conv", count: 10, seed: 10, difficulty: .standard)
        #expect(a.map(\.answers) != c.map(\.answers))
        #expect(Set(a.map { JSONWriter.compact($0.answers) }).count >= 8)
    }
}
