/// The student slips the contract lists for `convolve`
/// (topics-sequences.md), for mistake diagnosis: each slip's id, its name in
/// the Chinese course's words, the mistake, and the answers it gives.
extension ConvolveTopic {
    enum Slip: String, CaseIterable, Sendable {
        case kernelFlipped = "kernel-flipped"
        case paddingForgotten = "padding-forgotten"
        case biasForgotten = "bias-forgotten"

        var zh: String {
            switch self {
            case .kernelFlipped: return "卷积核翻转弄反"
            case .paddingForgotten: return "忘了补零"
            case .biasForgotten: return "漏加偏置"
            }
        }

        var mistake: String {
            switch self {
            case .kernelFlipped: return "the kernel flipped where it is not, or not flipped where it is"
            case .paddingForgotten: return "the kernel slid over the image without its zeros"
            case .biasForgotten: return "the bias left out of every entry"
            }
        }

        /// The problem as the slip works it: the other `flip`, padding 0, or bias 0.
        func slipped(_ problem: Problem) -> Problem {
            var p = problem
            switch self {
            case .kernelFlipped: p.flip.toggle()
            case .paddingForgotten: p.padding = .explicit(SizePair(square: 0))
            case .biasForgotten: p.bias = .shared(0)
            }
            return p
        }

        /// The answers the slip gives, or nil where it cannot occur: when it
        /// gives the right answers (a symmetric kernel flipped, no padding,
        /// no bias) or no answer at all (no output without the padding).
        func answers(_ problem: Problem) -> JSONValue? {
            guard let right = try? ConvolveSolver.solve(problem),
                let wrong = try? ConvolveSolver.solve(slipped(problem))
            else { return nil }
            func json(_ r: ConvolveSolver.Result, _ p: Problem) -> JSONValue {
                ConvolveTopic.answers(Solution(problem: p, result: r, trace: Trace()))
            }
            let (a, b) = (json(wrong, slipped(problem)), json(right, problem))
            return a == b ? nil : a
        }
    }
}
