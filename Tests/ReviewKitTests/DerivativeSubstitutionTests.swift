import Foundation
import Testing
@testable import ReviewKit

/// Issue 16, item 4: every σ′ and tanh′ step writes the rule, then the
/// forward value substituted into it, then the result:
/// σ′ = σ(1 − σ) = 0.8808 (1 − 0.8808) ≈ 0.105. (gcn has no derivative
/// step: its sheet is the forward pass only.)
@Suite struct DerivativeSubstitutionTests {
    private func markdown(_ json: String) throws -> String {
        var options = Sheet.Options()
        options.format = .md
        return Sheet(problems: try solve(json: json), options: options).render()
    }

    private func file(_ name: String, filePath: String = #filePath) throws -> String {
        var url = URL(fileURLWithPath: filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return try String(contentsOf: url.appendingPathComponent("problems/\(name).json"), encoding: .utf8)
    }

    @Test func backpropSigmoidAndTanh() throws {
        // σ(2) = 0.880797, σ(1 − σ) = 0.104994; tanh(1) = 0.761594, 1 − tanh² = 0.419974.
        let sigmoid = try markdown(#"{"topic": "backprop", "expression": "sigmoid(x*y)", "values": {"x": 1, "y": 2}}"#)
        #expect(sigmoid.contains(#"\sigma(z) (1 - \sigma(z)) = 0.8808 (1 - 0.8808) \approx 0.105"#))
        let tanh = try markdown(#"{"topic": "backprop", "expression": "tanh(w*x)", "values": {"w": 0.5, "x": 2}}"#)
        #expect(tanh.contains(#"1 - \tanh(z)^{2} = 1 - 0.7616^{2} \approx 0.42"#))
    }

    @Test func activationSigmoid() throws {
        // σ(−2) = 0.119203, σ′(−2) = 0.104994.
        let sheet = try markdown(try file("activation-sigmoid-depth-10"))
        #expect(sheet.contains(#"\sigma'(-2) = 0.1192 \cdot (1 - 0.1192) \approx 0.105"#))
    }

    @Test func mlpSigmoidFromTheForwardValues() throws {
        // Mazur's example: a² = (0.751365, 0.772928), σ′ = a(1 − a) = (0.186816, 0.175510).
        let sheet = try markdown(try file("mlp-mazur-step-by-step"))
        #expect(sheet.contains(#"0.7514 \cdot (1 - 0.7514) \\ 0.7729 \cdot (1 - 0.7729) \end{bmatrix} \approx \begin{bmatrix} 0.1868 \\ 0.1755"#))
    }
}
