/// Makes convolutions a student can work by hand, as the contract lists
/// them (small integers throughout):
///
/// - easy: a 4×4 or 5×5 image of 0–3, one 2×2 or 3×3 kernel of 0–2, stride 1.
/// - standard: a 5×5 image, a 3×3 kernel of −1/0/1, padding 1 or stride 2,
///   a bias, ReLU and 2×2 max pooling.
/// - hard: a 2×4×4 image, two filters, stride 2 and padding 1, biases or
///   `flip`, average pooling.
///
/// A problem whose ReLU cuts nothing or everything is redrawn, and so is
/// a kernel of all zeros (its map is only the bias); under `flip`
/// a kernel that is its own 180° rotation is redrawn too, or the flip
/// would change nothing.
enum ConvolveGenerator: ProblemGenerator {
    static func generate(_ random: inout RandomSource, difficulty: Difficulty) -> ConvolveTopic.Problem {
        while true {
            let problem = draw(&random, difficulty: difficulty)
            if teaches(problem) { return problem }
        }
    }

    /// Under ReLU some entry must be cut to 0 and some must survive, or the
    /// activation (and the pooling after it) shows nothing.
    private static func teaches(_ problem: ConvolveTopic.Problem) -> Bool {
        guard problem.activation == .relu else { return true }
        guard let result = try? ConvolveSolver.solve(problem) else { return false }
        let values = result.maps.flatMap { $0.flatMap { $0 } }
        return values.contains { $0 < 0 } && values.contains { $0 > 0 }
    }

    private static func draw(_ random: inout RandomSource, difficulty: Difficulty) -> ConvolveTopic.Problem {
        switch difficulty {
        case .easy:
            let n = random.pick([4, 5]), k = random.pick([2, 3])
            var problem = ConvolveTopic.Problem(image: [random.integers(rows: n, columns: n, in: 0...3)])
            problem.kernels = [[kernel(&random, k, 0...2)]]
            return problem
        case .standard:
            var problem = ConvolveTopic.Problem(image: [random.integers(rows: 5, columns: 5, in: 0...3)])
            problem.kernels = [[kernel(&random, 3, -1...1)]]
            if random.chance(0.5) {
                problem.padding = .explicit(SizePair(square: 1))
            } else {
                problem.stride = SizePair(square: 2)
            }
            problem.bias = .shared(Double(random.pick([-2, -1, 1, 2])))
            problem.activation = .relu
            problem.pool = ConvolveTopic.Pool(mode: .max, kernel: SizePair(square: 2))
            return problem
        case .hard:
            var problem = ConvolveTopic.Problem(image: (0..<2).map { _ in random.integers(rows: 4, columns: 4, in: 0...3) })
            problem.imageHasChannels = true
            problem.manyKernels = true
            problem.stride = SizePair(square: 2)
            problem.padding = .explicit(SizePair(square: 1))
            let k = random.pick([2, 3])
            problem.flip = random.chance(0.5)
            problem.kernels = (0..<2).map { _ in
                while true {
                    let filter = (0..<2).map { _ in kernel(&random, k, -1...1) }
                    if !problem.flip || filter.map(ConvolveSolver.rotate180) != filter { return filter }
                }
            }
            if !problem.flip || random.chance(0.5) {
                var b: [Double] = [0, 0]
                while b == [0, 0] { b = (0..<2).map { _ in Double(random.pick([-1, 0, 1, 2])) } }
                problem.bias = .perFilter(b)
            }
            problem.activation = random.chance(0.5) ? .relu : .none
            // 2×2 maps (3×3 kernels) pool to one value; 3×3 maps (2×2
            // kernels) pool with stride 1 to 2×2.
            problem.pool = ConvolveTopic.Pool(
                mode: .avg, kernel: SizePair(square: 2), stride: SizePair(square: k == 2 ? 1 : 2))
            return problem
        }
    }

    private static func kernel(_ random: inout RandomSource, _ k: Int, _ range: ClosedRange<Int>) -> [[Double]] {
        while true {
            let m = random.integers(rows: k, columns: k, in: range)
            if m.contains(where: { $0.contains { $0 != 0 } }) { return m }
        }
    }
}
