import Foundation
import Testing
@testable import ReviewKit

@Suite struct ActivationTests {
    @Test func valuesAndDerivativesByHand() {
        // σ(0) = 1/2, σ'(0) = 1/4; tanh(0) = 0, tanh'(0) = 1; relu'(0) = 0 by convention.
        #expect(Activation.sigmoid.value(0) == 0.5)
        #expect(Activation.sigmoid.derivative(at: 0, output: 0.5) == 0.25)
        #expect(Activation.tanh.derivative(at: 0, output: 0) == 1)
        #expect(Activation.relu.value(-2) == 0 && Activation.relu.value(3) == 3)
        #expect(Activation.relu.derivative(at: 0, output: 0) == 0)
        // No overflow far out: σ(-1000) is a tiny positive number, not NaN.
        #expect(Activation.sigmoid.value(-1000) == 0 && Activation.sigmoid.value(1000) == 1)
    }

    @Test func theEngineUsesTheSharedDefinition() {
        for x in [-3.5, -0.25, 0, 0.7, 12] {
            #expect(Primitive.sigmoid.forward([x]) == Activation.sigmoid.value(x))
            #expect(Primitive.tanh.forward([x]) == Activation.tanh.value(x))
            #expect(Primitive.relu.forward([x]) == Activation.relu.value(x))
        }
    }

    @Test func formulas() {
        let latex = LaTeXFormulaWriter()
        #expect(latex.write(Activation.sigmoid.formula(.number(-2.5))) == "\\sigma(-2.5)")
        #expect(latex.write(Activation.sigmoid.derivativeFormula("x")) == "\\sigma(x) (1 - \\sigma(x))")
        #expect(latex.write(Activation.tanh.derivativeFormula("x")) == "1 - \\tanh(x)^{2}")
    }
}
