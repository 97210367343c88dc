import Foundation
import Testing
@testable import ReviewKit

/// The contract's rnn slips on its example: each gives the answers worked
/// here from the right ones, and a slip that cannot occur is not offered.
@Suite struct RNNSlipTests {
    private func problem(_ json: String = RNNTopicTests.contract) throws -> RNNTopic.Problem {
        let value = try JSONParser.parse(Array(json.utf8))
        return try RNNTopic.decode(try Field(value: value).object(allowedKeys: ["topic"] + RNNTopic.fields))
    }

    @Test func theIdsAreTheContracts() {
        #expect(RNNTopic.Slip.allCases.map(\.rawValue) == ["last-step-only", "no-bptt", "derivative-of-preactivation"])
        #expect(RNNTopic.Slip.allCases.map(\.zh) == ["梯度只算最后一步", "没有沿时间反传", "导数代错值"])
    }

    @Test func lastStepOnlyKeepsTheTermOfStepT() throws {
        let p = try problem()
        let right = RNNTopic.answers(try RNNTopic.solve(p))
        let wrong = try #require(try RNNTopic.slipAnswers(p, .lastStepOnly))
        // x_2 = (0, 1): δ_2 x_2ᵀ has δ_2 in column 1 and zeros in column 0.
        let delta2 = try #require(right.at("deltas", 1)?.doubles)
        #expect(wrong.at("gradient", "U")?.matrix == [[0, delta2[0]], [0, delta2[1]]])
        #expect(wrong.at("gradient", "b")?.doubles == delta2)
        #expect(wrong.at("gradient", "c") == right.at("output_gradients", 1))
        #expect(wrong.at("deltas") == right.at("deltas"))
    }

    @Test func noBPTTDropsTheNextStepsPath() throws {
        let p = try problem()
        let right = RNNTopic.answers(try RNNTopic.solve(p))
        let wrong = try #require(try RNNTopic.slipAnswers(p, .noBPTT))
        // ∂L/∂s_1 = Vᵀ g_1 only, with V = [[1, −1], [0.5, 1]].
        let g1 = try #require(right.at("output_gradients", 0)?.doubles)
        let ds1 = try #require(wrong.at("state_gradients", 0)?.doubles)
        #expect(close(ds1[0], 1 * g1[0] + 0.5 * g1[1]))
        #expect(close(ds1[1], -1 * g1[0] + 1 * g1[1]))
        #expect(wrong.at("state_gradients", 1) == right.at("state_gradients", 1))
    }

    @Test func derivativeOfThePreactivationUsesA() throws {
        let p = try problem()
        let right = RNNTopic.answers(try RNNTopic.solve(p))
        let wrong = try #require(try RNNTopic.slipAnswers(p, .derivativeOfPreactivation))
        let a2 = try #require(right.at("pre_activations", 1)?.doubles)
        let ds2 = try #require(right.at("state_gradients", 1)?.doubles)
        #expect(close(wrong.at("deltas", 1, 0)?.double, ds2[0] * (1 - a2[0] * a2[0])))
        // relu: f′ reads the same from a_t or s_t, so the slip cannot occur.
        var relu = p
        relu.activation = .relu
        #expect(try RNNTopic.slipAnswers(relu, .derivativeOfPreactivation) == nil)
        var forward = p
        forward.targets = nil
        #expect(try RNNTopic.slipAnswers(forward, .lastStepOnly) == nil)
    }
}
