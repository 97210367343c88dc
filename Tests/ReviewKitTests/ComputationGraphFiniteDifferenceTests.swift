import Foundation
import Testing
import ReviewKit

/// SplitMix64: a tiny deterministic PRNG so every run checks the same expressions.
private struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

/// A random expression as source text plus an evaluator written directly with
/// Foundation, so the finite differences do not go through the engine at all.
private struct RandomExpression {
    var text: String
    var evaluate: ([String: Double]) -> Double
}

private func randomExpression(depth: Int, variables: [String], rng: inout SplitMix64) -> RandomExpression {
    if depth == 0 || rng.below(5) == 0 {
        if rng.below(4) == 0 {
            let constant = Double(1 + rng.below(30)) / 10  // 0.1 … 3.0, exact as written below
            return RandomExpression(text: String(constant), evaluate: { _ in constant })
        }
        let name = variables[rng.below(variables.count)]
        return RandomExpression(text: name, evaluate: { $0[name]! })
    }
    let a = randomExpression(depth: depth - 1, variables: variables, rng: &rng)
    let b = randomExpression(depth: depth - 1, variables: variables, rng: &rng)
    let (p, q, fa, fb) = (a.text, b.text, a.evaluate, b.evaluate)
    switch rng.below(21) {
    case 0: return RandomExpression(text: "(\(p))+(\(q))", evaluate: { fa($0) + fb($0) })
    case 1: return RandomExpression(text: "(\(p))-(\(q))", evaluate: { fa($0) - fb($0) })
    case 2: return RandomExpression(text: "(\(p))*(\(q))", evaluate: { fa($0) * fb($0) })
    case 3: return RandomExpression(text: "(\(p))/((\(q))^2+1)", evaluate: { fa($0) / (pow(fb($0), 2) + 1) })
    case 4: return RandomExpression(text: "-(\(p))", evaluate: { -fa($0) })
    case 5: return RandomExpression(text: "(\(p))**3", evaluate: { pow(fa($0), 3) })
    case 6: return RandomExpression(text: "((\(p))^2+1)^(\(q))", evaluate: { pow(pow(fa($0), 2) + 1, fb($0)) })
    case 7: return RandomExpression(text: "exp(\(p))", evaluate: { exp(fa($0)) })
    case 8: return RandomExpression(text: "log((\(p))^2+1)", evaluate: { log(pow(fa($0), 2) + 1) })
    case 9: return RandomExpression(text: "sqrt(exp(\(p)))", evaluate: { sqrt(exp(fa($0))) })
    case 10: return RandomExpression(text: "sigmoid(\(p))", evaluate: { 1 / (1 + exp(-fa($0))) })
    case 11: return RandomExpression(text: "tanh(\(p))", evaluate: { tanh(fa($0)) })
    case 12: return RandomExpression(text: "sin(\(p))", evaluate: { sin(fa($0)) })
    case 13: return RandomExpression(text: "cos(\(p))", evaluate: { cos(fa($0)) })
    case 14: return RandomExpression(text: "abs(\(p))", evaluate: { Swift.abs(fa($0)) })
    case 15: return RandomExpression(text: "relu(\(p))", evaluate: { Swift.max(fa($0), 0) })
    case 16: return RandomExpression(text: "max(\(p), \(q))", evaluate: { Swift.max(fa($0), fb($0)) })
    case 17: return RandomExpression(text: "min(\(p), \(q))", evaluate: { Swift.min(fa($0), fb($0)) })
    case 18: return RandomExpression(text: "2^(\(p))", evaluate: { pow(2, fa($0)) })
    case 19: return RandomExpression(text: "(\(p))*(\(p))", evaluate: { fa($0) * fa($0) })
    default: return RandomExpression(text: "-(\(p))^2", evaluate: { -pow(fa($0), 2) })
    }
}

/// True when a kink or tie is within `margin`: a finite difference there measures a mix of two slopes.
private func nearKink(_ graph: ComputationGraph, margin: Double = 1e-3) -> Bool {
    graph.nodes.contains { node in
        let x = node.inputs.map { graph.nodes[$0].value }
        switch node.operation {
        case .relu?, .abs?: return Swift.abs(x[0]) < margin
        case .max?, .min?: return Swift.abs(x[0] - x[1]) < margin
        default: return false
        }
    }
}

@Suite struct ComputationGraphFiniteDifferenceTests {
    @Test func gradientsMatchCentralDifferences() throws {
        var rng = SplitMix64(state: 20_240_611)
        var checked = 0
        var attempts = 0
        while checked < 250, attempts < 20_000 {
            attempts += 1
            let variables = Array(["x", "y", "w"].prefix(2 + rng.below(2)))
            let expression = randomExpression(depth: 4, variables: variables, rng: &rng)
            var point: [String: Double] = [:]
            for name in variables { point[name] = (rng.unit() * 4 - 2).rounded(toPlaces: 3) }
            let expected = expression.evaluate(point)
            guard expected.isFinite, Swift.abs(expected) < 1e3 else { continue }
            let graph = try ComputationGraph(parsing: expression.text, values: point)
            guard !nearKink(graph), !graph.inputNodes.isEmpty else { continue }
            #expect(Swift.abs(graph.value - expected) <= 1e-12 * Swift.max(1, Swift.abs(expected)), "\(expression.text)")
            for (name, gradient) in graph.inputGradients {
                let h = 1e-5 * Swift.max(1, Swift.abs(point[name]!))
                var plus = point, minus = point
                plus[name]! += h
                minus[name]! -= h
                let central = (expression.evaluate(plus) - expression.evaluate(minus)) / (2 * h)
                let tolerance = 1e-5 * Swift.max(1, Swift.abs(central))
                #expect(Swift.abs(gradient - central) <= tolerance, "∂/∂\(name) of \(expression.text) at \(point)")
            }
            checked += 1
        }
        #expect(checked == 250)
    }
}

extension Double {
    fileprivate func rounded(toPlaces places: Int) -> Double {
        let scale = Foundation.pow(10, Double(places))
        return (self * scale).rounded() / scale
    }
}
