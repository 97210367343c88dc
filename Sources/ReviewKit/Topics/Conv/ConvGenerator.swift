/// Makes exam-like conv stacks a student can work by hand.
///
/// - easy: one conv layer, the notes' "N×N×C image, K kernels F×F" question;
/// - standard: conv + pooling (sometimes a second conv), with the usual
///   traps: padding, stride 2, "same", avg pooling, now and then a
///   rectangular kernel or a dilation;
/// - hard: a small LeNet-like stack (conv, pool, conv, pool, fc, fc) whose fc
///   head makes the student flatten.
///
/// Candidates are drawn at random and kept only when every division of the
/// size rule is exact, except in variants meant to teach the floor: those
/// have exactly one layer where it is not (the solution says so and shows
/// the floor). Padding is at most half the kernel, every map stays at
/// least 2×2, and the total stays small enough to multiply out on paper.
enum ConvGenerator: ProblemGenerator {
    private typealias Layer = ConvModel.Layer

    static func generate(_ random: inout RandomSource, difficulty: Difficulty) -> ConvTopic.Problem {
        let teachFloor = random.chance(difficulty == .easy ? 0.15 : 0.25)
        let draws: [Difficulty: (inout RandomSource) -> ConvTopic.Problem] =
            [.easy: oneLayer, .standard: convPool, .hard: leNetLike]
        if let problem = random.firstAccepted(tries: 1000, draws[difficulty]!, where: { isHandSolvable($0, teachFloor: teachFloor) }) {
            return problem
        }
        // Unreachable in practice: the course notes' example is always fine.
        return ConvTopic.Problem(
            input: .image(height: 32, width: 32, channels: 3),
            layers: [Layer(kind: .conv(ConvModel.Conv(filters: 6, kernel: .init(square: 5))))])
    }

    // MARK: Shapes

    private static func oneLayer(_ random: inout RandomSource) -> ConvTopic.Problem {
        let size = random.pick([5, 6, 7, 8, 9, 10, 12, 14, 16, 20, 24, 28, 32, 48, 64, 96, 224, 227])
        let channels = random.pick([1, 1, 3, 3, 3, 8, 16])
        var conv = ConvModel.Conv(
            filters: random.pick([1, 2, 4, 6, 8, 10, 12, 16, 32, 64, 96]),
            kernel: .init(square: random.pick([1, 3, 3, 5, 5, 7, 11])))
        conv.stride = .init(square: random.pick([1, 1, 1, 2, 2, 3, 4]))
        conv.padding = random.chance(0.1) ? .valid : .explicit(.init(square: random.pick([0, 0, 1, 1, 2, 3])))
        return ConvTopic.Problem(input: .image(height: size, width: size, channels: channels), layers: [Layer(kind: .conv(conv))])
    }

    private static func convPool(_ random: inout RandomSource) -> ConvTopic.Problem {
        let height = random.pick([8, 12, 16, 24, 28, 32, 48, 64])
        let width = random.chance(0.15) ? random.pick([8, 12, 16, 24, 32]) : height
        var layers = [Layer(kind: .conv(conv(&random, rareOptions: true)))]
        layers.append(Layer(kind: .pool(pool(&random))))
        if random.chance(0.3) {
            layers.append(Layer(kind: .conv(conv(&random, rareOptions: false))))
        }
        return ConvTopic.Problem(
            input: .image(height: height, width: width, channels: random.pick([1, 3, 3])), layers: layers)
    }

    private static func leNetLike(_ random: inout RandomSource) -> ConvTopic.Problem {
        let size = random.pick([28, 28, 32, 32, 36, 64])
        var layers: [Layer] = []
        let blocks = random.chance(0.8) ? 2 : 1
        for block in 0..<blocks {
            layers.append(Layer(name: "C\(2 * block + 1)", kind: .conv(conv(&random, rareOptions: block == 0))))
            layers.append(Layer(name: "S\(2 * block + 2)", kind: .pool(pool(&random))))
        }
        var units = random.pick([32, 64, 84, 100, 120, 128])
        let hidden = random.int(in: 1...2)
        for i in 0..<hidden {
            layers.append(Layer(name: "F\(2 * blocks + 1 + i)", kind: .fc(.init(units: units))))
            let smaller = [16, 32, 64, 84].filter { $0 < units }
            units = smaller.isEmpty ? units : random.pick(smaller)
        }
        layers.append(Layer(name: "output", kind: .fc(.init(units: random.pick([2, 10, 10, 10])))))
        return ConvTopic.Problem(input: .image(height: size, width: size, channels: random.pick([1, 1, 3])), layers: layers)
    }

    private static func conv(_ random: inout RandomSource, rareOptions: Bool) -> ConvModel.Conv {
        var conv = ConvModel.Conv(
            filters: random.pick([4, 6, 8, 10, 12, 16, 20, 32]),
            kernel: .init(square: random.pick([3, 3, 5, 5, 7])))
        conv.stride = .init(square: random.pick([1, 1, 1, 2]))
        switch random.int(in: 0...9) {
        case 0, 1: conv.padding = .same
        case 2: conv.padding = .valid
        default: conv.padding = .explicit(.init(square: random.pick([0, 0, 1, 2])))
        }
        if rareOptions {
            if random.chance(0.15) {
                conv.kernel = random.pick([.init(1, 3), .init(3, 1), .init(3, 5), .init(5, 3)])
            } else if random.chance(0.15), conv.padding != .same {
                conv.dilation = .init(square: 2)
            }
            if random.chance(0.1) { conv.bias = false }
        }
        return conv
    }

    private static func pool(_ random: inout RandomSource) -> ConvModel.Pool {
        let kernel = random.pick([2, 2, 2, 3])
        let stride = kernel == 3 && random.chance(0.5) ? 2 : kernel
        var pool = ConvModel.Pool(kernel: .init(square: kernel), stride: .init(square: stride))
        pool.mode = random.chance(0.3) ? .avg : .max
        return pool
    }

    // MARK: Acceptance

    private static func isHandSolvable(_ problem: ConvTopic.Problem, teachFloor: Bool) -> Bool {
        // Zero padding wider than half the kernel only adds a border of
        // outputs that see nothing but zeros; no exam asks for that.
        for layer in problem.layers {
            if case .conv(let conv) = layer.kind, case .explicit(let p) = conv.padding,
                p.height > (conv.kernel.height - 1) / 2 || p.width > (conv.kernel.width - 1) / 2
            {
                return false
            }
        }
        guard let solution = try? ConvSolver.solve(problem) else { return false }
        var inexactLayers = 0
        for layer in solution.layers {
            guard let h = layer.height, let w = layer.width else { continue }
            if h.output < 2 || w.output < 2 { return false }
            if !h.isExact || !w.isExact || (h.same && !h.sameIsExact) || (w.same && !w.sameIsExact) {
                inexactLayers += 1
            }
        }
        guard inexactLayers == (teachFloor ? 1 : 0) else { return false }
        return solution.totalParams <= 250_000
    }
}
