import Foundation
import Testing
@testable import ReviewKit

/// `convolve` against published and independently computed maps: the
/// course notes' 5×5 ⊛ 3×3 example, d2l's corr2d and pooling example,
/// scipy's `correlate2d`/`convolve2d` (flip), TensorFlow's "same" rule,
/// and a plain loop written here for every generated problem.
@Suite struct ConvolveTopicTests {
    private func answers(_ fields: String) throws -> JSONValue {
        try solve(json: #"{"topic": "convolve", \#(fields)}"#)[0].answers
    }

    private func maps(_ a: JSONValue, _ key: String) -> [[[Double]]]? {
        guard case .array(let items)? = a.at(key)?.kind else { return nil }
        let m = items.compactMap(\.matrix)
        return m.count == items.count ? m : nil
    }

    // MARK: Published examples

    /// The course notes: the first entry is 4 (nine products), the map is
    /// [[4,3,4],[2,4,3],[2,3,4]]; 2×2 max pooling with stride 1 gives all 4s.
    @Test func theNotesFiveByFiveExample() throws {
        let problems = try ProblemSolver.solve(files: [GoldenSheetTests.problems.appendingPathComponent("convolve-notes-5x5.json").path])
        let a = problems[0].answers
        #expect(maps(a, "feature_maps") == [[[4, 3, 4], [2, 4, 3], [2, 3, 4]]])
        #expect(maps(a, "activated") == [[[4, 3, 4], [2, 4, 3], [2, 3, 4]]])
        #expect(maps(a, "pooled") == [[[4, 4], [4, 4]]])
        #expect(maps(a, "padded") == [[[1, 1, 1, 0, 0], [0, 1, 1, 1, 0], [0, 0, 1, 1, 1], [0, 0, 1, 1, 0], [0, 1, 1, 0, 0]]])
        let first = problems[0].trace["feature_maps[0][0][0]"]
        #expect(PlainFormulaWriter().write(first.substituted)
            == "1 * 1 + 1 * 0 + 1 * 1 + 0 * 0 + 1 * 1 + 1 * 0 + 0 * 1 + 0 * 0 + 1 * 1")
        #expect(first.value == .scalar(4))
    }

    /// d2l (Dive into Deep Learning) 7.2 corr2d: X = 0…8, K = [[0,1],[2,3]]
    /// gives [[19,25],[37,43]]; 7.5: 2×2 pooling of X gives [[4,5],[7,8]]
    /// (max) and [[2,3],[5,6]] (avg). A 1×1 kernel [[1]] passes X through.
    @Test func diveIntoDeepLearningCorr2dAndPooling() throws {
        let x = #""image": [[0,1,2],[3,4,5],[6,7,8]]"#
        #expect(maps(try answers(#"\#(x), "kernel": [[0,1],[2,3]]"#), "feature_maps") == [[[19, 25], [37, 43]]])
        #expect(maps(try answers(#"\#(x), "kernel": [[1]], "pool": {"kernel": 2, "stride": 1}"#), "pooled") == [[[4, 5], [7, 8]]])
        #expect(maps(try answers(#"\#(x), "kernel": [[1]], "pool": {"mode": "avg", "kernel": 2, "stride": 1}"#), "pooled")
            == [[[2, 3], [5, 6]]])
    }

    /// `flip: true` is convolution proper: scipy's convolve2d gives
    /// [[5,11],[23,29]], the same as no flip with the kernel rotated by hand.
    @Test func flipRotatesTheKernel() throws {
        let x = #""image": [[0,1,2],[3,4,5],[6,7,8]]"#
        #expect(maps(try answers(#"\#(x), "kernel": [[0,1],[2,3]], "flip": true"#), "feature_maps") == [[[5, 11], [23, 29]]])
        #expect(maps(try answers(#"\#(x), "kernel": [[3,2],[1,0]]"#), "feature_maps") == [[[5, 11], [23, 29]]])
    }

    // MARK: Sizes and padding

    /// TensorFlow's "same" with stride 2 on a 4×4 image and a 3×3 kernel:
    /// ⌈4/2⌉ = 2 outputs, total padding 1, all of it bottom/right (numpy
    /// padding (0, 1) then correlate2d, every other entry: [[5,-1],[-1,3]]).
    @Test func sameWithAnOddTotalPadsBottomRight() throws {
        let a = try answers(#""image": [[1,2,0,1],[3,1,2,2],[0,1,3,1],[2,2,1,0]], "kernel": [[1,0,-1],[0,1,0],[-1,0,1]], "stride": 2, "padding": "same""#)
        #expect(maps(a, "feature_maps") == [[[5, -1], [-1, 3]]])
        #expect(maps(a, "padded")?[0].count == 5)
        #expect(maps(a, "padded")?[0][4] == [0, 0, 0, 0, 0])
        #expect(maps(a, "padded")?[0][0] == [1, 2, 0, 1, 0])
    }

    @Test func sameWithStrideOneKeepsTheSize() throws {
        let a = try answers(#""image": [[1,2,0,1],[3,1,2,2],[0,1,3,1],[2,2,1,0]], "kernel": [[1,2],[3,4]], "padding": "same""#)
        #expect(maps(a, "feature_maps") == [[[18, 13, 16, 7], [9, 20, 19, 5], [16, 17, 8, 1], [6, 4, 1, 0]]])
    }

    /// Stride [1, 2] and padding [1, 0]: (5 + 2 − 3)/1 + 1 = 5 rows,
    /// ⌊(5 − 3)/2⌋ + 1 = 2 columns (numpy: pad rows only, every other column).
    @Test func pairsOfStrideAndPadding() throws {
        let a = try answers(#""image": [[1,1,1,0,0],[0,1,1,1,0],[0,0,1,1,1],[0,0,1,1,0],[0,1,1,0,0]], "kernel": [[1,0,1],[0,1,0],[1,0,1]], "stride": [1, 2], "padding": [1, 0]"#)
        #expect(maps(a, "feature_maps") == [[[2, 1], [4, 4], [2, 3], [2, 4], [2, 1]]])
    }

    /// ⌊(6 − 3)/2⌋ + 1 = 2: the floor drops a window that would stick out.
    @Test func theFloorDropsAWindowThatSticksOut() throws {
        let a = try answers(#""image": [[1,2,3,4,5,6]], "kernel": [[1,1,1]], "stride": 2, "padding": "valid""#)
        #expect(maps(a, "feature_maps") == [[[6, 12]]])
    }

    // MARK: Channels, filters, bias, activation, pooling

    /// Two channels, two filters, biases, ReLU and average pooling, against
    /// numpy: Z0 = [[1,-2],[-2,1]], Z1 = [[-1,2],[-1,4]]; ReLU; means 0.5 and 1.5.
    /// With flip: [[1,0],[0,-1]] and [[-1,2],[2,-2]].
    @Test func channelsFiltersBiasReluAndAveragePooling() throws {
        let fields = #""image": [[[1,2,0],[0,1,3],[2,1,0]], [[0,1,1],[2,0,1],[1,1,2]]], "kernels": [[[[1,0],[0,-1]],[[0,1],[1,0]]], [[[1,1],[1,1]],[[-1,0],[0,2]]]], "bias": [-2, -5], "activation": "relu", "pool": {"mode": "avg", "kernel": 2}"#
        let a = try answers(fields)
        #expect(maps(a, "feature_maps") == [[[1, -2], [-2, 1]], [[-1, 2], [-1, 4]]])
        #expect(maps(a, "activated") == [[[1, 0], [0, 1]], [[0, 2], [0, 4]]])
        #expect(maps(a, "pooled") == [[[0.5]], [[1.5]]])
        #expect(maps(try answers(fields + #", "flip": true"#), "feature_maps") == [[[1, 0], [0, -1]], [[-1, 2], [2, -2]]])
    }

    @Test func oneBiasForEveryFilterAndSigmoid() throws {
        let a = try answers(#""image": [[0,1],[2,3]], "kernel": [[1]], "bias": -1, "activation": "sigmoid""#)
        #expect(maps(a, "feature_maps") == [[[-1, 0], [1, 2]]])
        let s = try #require(maps(a, "activated"))
        let values: [Double] = s[0].flatMap { $0 }
        let expected: [Double] = [-1.0, 0, 1, 2].map { 1 / (1 + Foundation.exp(-$0)) }
        for (value, want) in zip(values, expected) { #expect(close(value, want)) }
    }

    // MARK: Against a plain loop

    /// Every generated problem (each difficulty) against a loop written
    /// here from the contract's formula.
    @Test(arguments: Difficulty.allCases)
    func generatedMapsMatchAPlainLoop(difficulty: Difficulty) throws {
        var random = RandomSource(seed: 19)
        for _ in 0..<60 {
            let problem = ConvolveTopic.generate(&random, difficulty: difficulty)
            let solution = try ConvolveTopic.solve(problem)
            let (z, pooled) = Self.plainLoop(problem)
            #expect(solution.result.maps == z)
            #expect(solution.result.pooled == pooled)
        }
    }

    /// out[f][i][j] = b_f + Σ_{c,u,v} pad[c][i·S_h+u][j·S_w+v]·K[f][c][u][v].
    static func plainLoop(_ p: ConvolveTopic.Problem) -> (maps: [[[Double]]], pooled: [[[Double]]]?) {
        guard case .explicit(let pad) = p.padding else { return ([], nil) }
        let (h, w) = (p.image[0].count, p.image[0][0].count)
        let (kh, kw) = (p.kernels[0][0].count, p.kernels[0][0][0].count)
        let (sh, sw) = (p.stride.height, p.stride.width)
        let oh = (h + 2 * pad.height - kh) / sh + 1, ow = (w + 2 * pad.width - kw) / sw + 1
        func x(_ c: Int, _ r: Int, _ s: Int) -> Double {
            let (r0, s0) = (r - pad.height, s - pad.width)
            return r0 >= 0 && r0 < h && s0 >= 0 && s0 < w ? p.image[c][r0][s0] : 0
        }
        var maps: [[[Double]]] = []
        for f in 0..<p.filters {
            var map = Array(repeating: Array(repeating: 0.0, count: ow), count: oh)
            for i in 0..<oh {
                for j in 0..<ow {
                    var sum = p.bias.value(f)
                    for c in 0..<p.channels {
                        for u in 0..<kh {
                            for v in 0..<kw {
                                let k = p.flip ? p.kernels[f][c][kh - 1 - u][kw - 1 - v] : p.kernels[f][c][u][v]
                                sum += x(c, i * sh + u, j * sw + v) * k
                            }
                        }
                    }
                    map[i][j] = sum
                }
            }
            maps.append(map)
        }
        guard let pool = p.pool else { return (maps, nil) }
        let act = maps.map { $0.map { $0.map { p.activation == .relu ? max(0, $0) : $0 } } }
        let (ph, pw) = ((oh - pool.kernel.height) / pool.step.height + 1, (ow - pool.kernel.width) / pool.step.width + 1)
        let pooled = act.map { m in
            (0..<ph).map { i in
                (0..<pw).map { j -> Double in
                    var values: [Double] = []
                    for u in 0..<pool.kernel.height {
                        for v in 0..<pool.kernel.width { values.append(m[i * pool.step.height + u][j * pool.step.width + v]) }
                    }
                    return pool.mode == .max ? values.max()! : values.reduce(0, +) / Double(values.count)
                }
            }
        }
        return (maps, pooled)
    }

    // MARK: Generated variants

    @Test func generatedVariantsAreHandSolvable() throws {
        for difficulty in Difficulty.allCases {
            var random = RandomSource(seed: 7)
            for _ in 0..<100 {
                let p = ConvolveTopic.generate(&random, difficulty: difficulty)
                #expect(p.image[0].count <= 5 && p.image[0][0].count <= 5 && p.channels <= 3 && p.filters <= 3)
                #expect(p.kernels[0][0].count <= 3)
                let values = p.image.flatMap { $0.flatMap { $0 } } + p.kernels.flatMap { $0.flatMap { $0.flatMap { $0 } } }
                #expect(values.allSatisfy { $0 == $0.rounded() && abs($0) <= 3 })
                let solution = try ConvolveTopic.solve(p)
                #expect(solution.result.maps.flatMap { $0.flatMap { $0 } }.allSatisfy { abs($0) <= 60 })
                switch difficulty {
                case .easy: #expect(p.pool == nil && p.stride == SizePair(square: 1))
                case .standard: #expect(p.activation == .relu && p.pool?.mode == .max && p.hasBias)
                case .hard: #expect(p.channels == 2 && p.filters == 2 && p.pool?.mode == .avg && (p.hasBias || p.flip))
                }
            }
        }
    }
}
