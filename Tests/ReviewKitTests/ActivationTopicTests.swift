import Foundation
import Testing
@testable import ReviewKit

/// `activation` against values computed independently (python3's math
/// module, by hand) and against central differences of the values.
@Suite struct ActivationTopicTests {
    func answers(_ fields: String) throws -> JSONValue {
        try solve(json: #"{"topic": "activation", "# + fields + "}")[0].answers
    }

    /// The contract's example; python3: σ(−2) = 0.11920292202211755,
    /// σ'(1.5) = 0.14914645207033286, (¼)^10 = 9.5367431640625e-07.
    @Test func sigmoidThroughTenLayers() throws {
        let a = try answers(#""function": "sigmoid", "points": [-2, 0, 1.5], "depth": 10"#)
        let values = [0.11920292202211755, 0.5, 0.8175744761936437]
        let slopes = [0.1049935854035065, 0.25, 0.14914645207033286]
        let chain = [1.6278997858476183e-10, 9.5367431640625e-07, 5.4466474755208934e-09]
        for i in 0..<3 {
            #expect(close(a.at("values", i)?.double, values[i], tolerance: 1e-15))
            #expect(close(a.at("derivatives", i)?.double, slopes[i], tolerance: 1e-14))
            #expect(close(a.at("chain", i)?.double, chain[i], tolerance: 1e-12))
        }
        // chain-sum slip: n·f'(0) = 2.5, not 9.5e-7.
        #expect(a.at("chain", 1)!.double! < 1e-6)
    }

    @Test func tanhPrimeFromTheValue() throws {
        let a = try answers(#""function": "tanh", "points": [2]"#)
        #expect(close(a.at("derivatives", 0)?.double, 0.07065082485316443, tolerance: 1e-14))  // not 1 − 2² = −3
    }

    @Test func kinkConventions() throws {
        for (function, left, alpha) in [("relu", 0.0, ""), ("leaky_relu", 0.01, ""), ("elu", 1.0, ""), ("leaky_relu", 0.2, #", "alpha": 0.2"#)] {
            let l = try answers(#""function": "\#(function)", "points": [0]\#(alpha)"#)
            let r = try answers(#""function": "\#(function)", "points": [0], "kink": "right"\#(alpha)"#)
            #expect(l.at("derivatives", 0)?.double == left, "\(function)")
            #expect(r.at("derivatives", 0)?.double == 1, "\(function)")
            #expect(l.at("values", 0)?.double == 0)
        }
    }

    @Test func eluLeakyAndSoftplus() throws {
        let elu = try answers(#""function": "elu", "points": [-1, 2]"#)
        #expect(close(elu.at("values", 0)?.double, -0.6321205588285577, tolerance: 1e-15))
        #expect(close(elu.at("derivatives", 0)?.double, 0.36787944117144233, tolerance: 1e-15))
        #expect(elu.at("values", 1)?.double == 2)
        let leaky = try answers(#""function": "leaky_relu", "points": [-2]"#)
        #expect(leaky.at("values", 0)?.double == -0.02)
        #expect(leaky.at("derivatives", 0)?.double == 0.01)
        let soft = try answers(#""function": "softplus", "points": [0, 800, -800]"#)
        #expect(close(soft.at("values", 0)?.double, 0.6931471805599453, tolerance: 1e-15))
        #expect(soft.at("derivatives", 0)?.double == 0.5)
        #expect(soft.at("values", 1)?.double == 800)  // no overflow of e^800
        #expect(soft.at("values", 2)?.double == 0)
    }

    @Test func reluExplodesAndUnderflowIsAnAnswer() throws {
        let a = try answers(#""function": "relu", "points": [2, -1], "depth": 20, "weight": 1.5"#)
        #expect(close(a.at("chain", 0)?.double, 3325.256730079651, tolerance: 1e-12))
        #expect(a.at("chain", 1)?.double == 0)
        let tiny = try answers(#""function": "sigmoid", "points": [0], "depth": 1000"#)
        #expect(tiny.at("chain", 0)?.double == 0)
    }

    /// f' against (f(x + h) − f(x − h)) / 2h for every generated point off a kink.
    @Test(arguments: Difficulty.allCases)
    func derivativesMatchFiniteDifferences(difficulty: Difficulty) throws {
        var random = RandomSource(seed: 5)
        for _ in 0..<100 {
            let p = ActivationTopic.generate(&random, difficulty: difficulty)
            let s = try ActivationTopic.solve(p)
            let f = p.function.shared, alpha = p.effectiveAlpha
            for (i, x) in p.points.enumerated() where x != 0 || !f.hasKink {
                let h = 1e-6
                let numeric = (f.value(x + h, alpha: alpha) - f.value(x - h, alpha: alpha)) / (2 * h)
                #expect(abs(numeric - s.derivatives[i]) < 1e-8, "\(p.function) at \(x)")
                if let n = p.depth {
                    #expect(close(s.chain![i], Foundation.pow(p.effectiveWeight * numeric, Double(n)), tolerance: 1e-4))
                }
            }
        }
    }

    @Test func errorsAreLocatedLines() {
        func line(_ fields: String) -> String? { errorLine(json: #"{"topic": "activation", "# + fields + "}") }
        #expect(line(#""function": "sigmoid", "points": [1], "alpha": 0.1"#)
            == "test.json: alpha: is used only by leaky_relu and elu, not by sigmoid")
        #expect(line(#""function": "elu", "points": [1], "alpha": 0"#) == "test.json: alpha: must be a positive number, got 0")
        #expect(line(#""points": [1], "weight": 2"#) == "test.json: weight: is used only with depth, which is not given")
        #expect(line(#""points": []"#) == "test.json: points: must have at least one entry, got an empty array")
        #expect(line(#""points": [1], "depth": 0"#)?.hasPrefix("test.json: depth: must be an integer") == true)
        #expect(line(#""function": "relu", "points": [1], "depth": 1000, "weight": 10"#)
            == "test.json: depth: (w·f'(x))^n overflows at points[0]: the product explodes past the largest double")
        #expect(line(#""function": "swish", "points": [1]"#)?.hasPrefix("test.json: function: ") == true)
    }
}
