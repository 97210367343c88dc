import Foundation
import Testing
import ReviewKit

private func graph(_ source: String, _ values: [String: Double]) throws -> ComputationGraph {
    try ComputationGraph(parsing: source, values: values)
}

private func graphError(_ source: String, _ values: [String: Double]) -> GraphError? {
    do {
        _ = try ComputationGraph(ExpressionParser.parse(source), values: values)
        return nil
    } catch let error as GraphError {
        return error
    } catch {
        return nil
    }
}

private func close(_ a: Double?, _ b: Double, within tolerance: Double) -> Bool {
    guard let a else { return false }
    return Swift.abs(a - b) <= tolerance
}

/// Expected numbers below come from the cited notes, not from this engine.
@Suite struct ComputationGraphTests {
    /// Course notes: f = x(x+y) at x=2, y=1 → 6; ∂f/∂x = (x+y) + x = 3 + 2 = 5; ∂f/∂y = x = 2.
    @Test func courseNotesProduct() throws {
        let g = try graph("f = x*(x+y)", ["x": 2, "y": 1])
        #expect(g.value == 6)
        #expect(g.gradient(of: "x") == 5)
        #expect(g.gradient(of: "y") == 2)
        #expect(g.nodes.map(\.name) == ["x", "y", "z", "f"])
        #expect(g.nodes.map(\.id) == ["x", "y", "z", "f"])
        #expect(g.nodes[2].inputs == [0, 1])
        #expect(g.nodes[3].inputs == [0, 2])
        #expect(g.nodes[3].localGradients == [3, 2])
        let x = try #require(g.inputNode(named: "x"))
        #expect(x.contributions.map(\.value) == [3, 2])
        #expect(x.contributions.map(\.from) == [3, 2])
        #expect(g.inputGradients.map(\.name) == ["x", "y"])
        #expect(g.outputName == "f")
    }

    /// CS231n "Backpropagation, Intuitions": f = (x+y)z at x=-2, y=5, z=-4 → -12; gradients -4, -4, 3.
    @Test func cs231nSumTimes() throws {
        let g = try graph("(x+y)*z", ["x": -2, "y": 5, "z": -4])
        #expect(g.value == -12)
        #expect(g.gradient(of: "x") == -4)
        #expect(g.gradient(of: "y") == -4)
        #expect(g.gradient(of: "z") == 3)
        // A variable named z pushes intermediates to the next prefix.
        #expect(g.nodes.map(\.name) == ["x", "y", "u", "z", "f"])
    }

    /// CS231n sigmoid neuron: output 0.73, gradients [-0.20, 0.39, -0.39, -0.59, 0.20] (notes round to 2 places;
    /// the 4-place values are the notes' dot = 1 and (1 - 0.73)·0.73 = 0.1966).
    @Test func cs231nSigmoidNeuron() throws {
        let values: [String: Double] = ["w0": 2, "x0": -1, "w1": -3, "x1": -2, "w2": -3]
        for source in ["f = 1/(1+exp(-(w0*x0+w1*x1+w2)))", "f = sigmoid(w0*x0+w1*x1+w2)"] {
            let g = try graph(source, values)
            #expect(close(g.value, 0.7310585786, within: 1e-9))
            #expect(close(g.gradient(of: "w0"), -0.1966, within: 1e-3))
            #expect(close(g.gradient(of: "x0"), 0.3932, within: 1e-3))
            #expect(close(g.gradient(of: "w1"), -0.3932, within: 1e-3))
            #expect(close(g.gradient(of: "x1"), -0.5898, within: 1e-3))
            #expect(close(g.gradient(of: "w2"), 0.1966, within: 1e-3))
            #expect(g.inputGradients.map(\.name) == ["w0", "x0", "w1", "x1", "w2"])
        }
    }

    /// Course notes: f = x·e^((3x)·max(x,y)) at x=2, y=1 → 2e^12; ∂f/∂x = (1 + 6x²)e^(3x²) = 25e^12; ∂f/∂y = 0.
    @Test func courseNotesExponentialWithMax() throws {
        let g = try graph("f = x*e^((x*3)*max(x,y))", ["x": 2, "y": 1])
        let e12 = Foundation.exp(12.0)
        #expect(close(g.value, 2 * e12, within: 1e-9 * e12))
        #expect(close(g.gradient(of: "x"), 25 * e12, within: 1e-9 * e12))
        #expect(g.gradient(of: "y") == 0)
        #expect(g.gradient(of: "e") == nil)  // e is Euler's number here, a constant
        #expect(g.nodes.allSatisfy { $0.convention == nil })
    }

    @Test func eIsAVariableWhenGiven() throws {
        let g = try graph("e*x", ["e": 3, "x": 2])
        #expect(g.value == 6)
        #expect(g.gradient(of: "e") == 2)
        let constant = try graph("e", [:])
        #expect(constant.value == 2.718281828459045)
        #expect(constant.nodes.count == 1 && constant.nodes[0].name == nil)
    }

    @Test func constantsAreLeavesWithoutGradients() throws {
        let g = try graph("3*x + 3 + x^-1", ["x": 2])
        // x^-1 shows -1 as one constant; ∂/∂x = 3 - 1/x² = 2.75.
        #expect(g.value == 9.5)
        #expect(g.gradient(of: "x") == 2.75)
        let constants = g.nodes.filter { if case .constant = $0.kind { true } else { false } }
        #expect(constants.map(\.value) == [3, 3, -1])
        #expect(constants.allSatisfy { $0.name == nil && $0.gradient == nil && $0.id == "c\($0.index)" })
        #expect(constants.last?.kind == .constant(-1, literal: "-1"))
        let product = try #require(g.nodes.first { $0.operation == .multiply })
        #expect(product.localGradients == [nil, 3])
    }

    @Test func namingRules() throws {
        let many = try graph("x*y + sin(x)", ["x": 1, "y": 2])
        #expect(many.nodes.compactMap(\.name) == ["x", "y", "z1", "z2", "f"])
        let fVariable = try graph("f*z1 + 1", ["f": 1, "z1": 2])
        #expect(fVariable.outputName == "out")
        #expect(fVariable.nodes.compactMap(\.name) == ["f", "z1", "u", "out"])
        let clash = try graph("L = z + u*v + h", ["z": 1, "u": 1, "v": 1, "h": 1])
        #expect(clash.nodes.compactMap(\.name) == ["z", "u", "v", "q1", "q2", "h", "L"])
        let constantIds = try graph("c1*2", ["c1": 1])
        #expect(constantIds.nodes.map(\.id) == ["c1", "k1", "f"])
    }

    @Test func conventionsAreAppliedAndRecorded() throws {
        let relu = try graph("relu(x)*y", ["x": 0, "y": 5])
        #expect(relu.gradient(of: "x") == 0)
        #expect(relu.nodes.first { $0.operation == .relu }?.convention == .reluAtZero)
        let abs = try graph("abs(x) + x", ["x": 0])
        #expect(abs.gradient(of: "x") == 1)
        #expect(abs.nodes.first { $0.operation == .abs }?.convention == .absAtZero)
        let tie = try graph("max(x, y) * 2", ["x": 3, "y": 3])
        #expect(tie.gradient(of: "x") == 2)
        #expect(tie.gradient(of: "y") == 0)
        #expect(tie.nodes.first { $0.operation == .max }?.convention == .tieGoesToFirst)
        let minTie = try graph("min(y, x)", ["x": 1, "y": 1])
        #expect(minTie.gradient(of: "y") == 1 && minTie.gradient(of: "x") == 0)
        #expect(minTie.output.convention == .tieGoesToFirst)
        let noKink = try graph("relu(x) + abs(x) + max(x, y)", ["x": 2, "y": 1])
        #expect(noKink.nodes.allSatisfy { $0.convention == nil })
        #expect(noKink.gradient(of: "x") == 3)
    }

    @Test func numericErrorsNameTheNode() {
        #expect(graphError("f = 2*log(x)", ["x": 0]) == GraphError(nodeIndex: 2, column: 7, message: "log of a non-positive value (0)"))
        #expect(graphError("log(x-3)", ["x": 1]) == GraphError(nodeIndex: 3, column: 1, message: "log of a non-positive value (-2)"))
        #expect(graphError("1/(x-x)", ["x": 4]) == GraphError(nodeIndex: 3, column: 2, message: "division by zero"))
        #expect(graphError("sqrt(-1)", [:]) == GraphError(nodeIndex: 1, column: 1, message: "sqrt of a negative value (-1)"))
        #expect(graphError("x + exp(1000)", ["x": 1]) == GraphError(nodeIndex: 2, column: 5, message: "value overflowed to infinity"))
        #expect(graphError("x*y", ["x": 1]) == GraphError(nodeIndex: 1, column: 3, message: "no value given for variable 'y'"))
        // ∂sqrt/∂a is infinite at 0.
        #expect(graphError("sqrt(x)", ["x": 0]) == GraphError(nodeIndex: 1, column: 1, message: "gradient is not finite"))
        // The exponent's gradient needs ln of a negative base.
        #expect(graphError("(0-2)^x", ["x": 2])?.nodeIndex == 4)  // nodes: 0, 2, 0-2, x, power
    }

    @Test func powerOnlyDifferentiatesWhatDependsOnVariables() throws {
        // Negative base with a constant exponent: ∂/∂b is never needed.
        let g = try graph("(x-3)^2", ["x": 1])
        #expect(g.gradient(of: "x") == -4)
        #expect(g.output.localGradients == [-4, nil])
        // Variable exponent with positive base: ∂(2^x)/∂x = 2^x·ln 2.
        let h = try graph("2^x", ["x": 3])
        #expect(close(h.gradient(of: "x"), 8 * Foundation.log(2.0), within: 1e-12))
        #expect(h.output.localGradients[0] == nil)
        // A constant-only subexpression gets no gradient, so sqrt(0) is harmless there.
        let k = try graph("sqrt(0)*x + x", ["x": 5])
        #expect(k.gradient(of: "x") == 1)
    }

    @Test func degenerateExpressions() throws {
        let constant = try graph("f = 2*3", ["unused": 1])
        #expect(constant.value == 6)
        #expect(constant.output.gradient == nil && constant.inputGradients.isEmpty)
        let identity = try graph("L = x", ["x": 4])
        #expect(identity.outputName == "L")
        #expect(identity.nodes.count == 1 && identity.gradient(of: "x") == 1)
    }
}
