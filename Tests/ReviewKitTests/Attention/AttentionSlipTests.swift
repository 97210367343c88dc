import Foundation
import Testing
@testable import ReviewKit

/// The contract's attention slips on its example, each worked by hand:
/// Q = [[1,0,1,0],[0,2,0,1]], K = [[1,1,0,0],[0,1,1,0],[1,0,0,1]],
/// V = [[1,2],[3,0],[−1,1]], key 2 masked; QKᵀ = [[1,1,1],[2,2,1]].
@Suite struct AttentionSlipTests {
    private func problem(_ name: String) throws -> AttentionTopic.Problem {
        let bytes = Array(try Data(contentsOf: AttentionTopicTests.problem(name)))
        let value = try JSONParser.parse(bytes)
        return try AttentionTopic.decode(try Field(value: value).object(allowedKeys: ["topic", "title"] + AttentionTopic.fields))
    }

    @Test func theIdsAreTheContracts() {
        #expect(AttentionTopic.Slip.allCases.map(\.rawValue) == ["scale-forgotten", "keys-as-values", "no-softmax"])
    }

    @Test func eachSlipGivesItsWrongAnswers() throws {
        let p = try problem("attention-contract-example.json")
        let unscaled = try #require(try AttentionTopic.slipAnswers(p, .scaleForgotten))
        #expect(unscaled.at("scores")?.matrix == [[1, 1, 1], [2, 2, 1]])
        let keys = try #require(try AttentionTopic.slipAnswers(p, .keysAsValues))
        #expect(keys.at("output")?.matrix == [[0.5, 1, 0.5, 0], [0.5, 1, 0.5, 0]])
        let raw = try #require(try AttentionTopic.slipAnswers(p, .noSoftmax))
        #expect(raw.at("weights")?.matrix == [[0.5, 0.5, 0], [1, 1, 0]])
        #expect(raw.at("output")?.matrix == [[2, 1], [4, 2]])
    }

    @Test func theIllustratedTransformerWithoutTheScale() throws {
        let p = try problem("attention-thinking-machines.json")
        let unscaled = try #require(try AttentionTopic.slipAnswers(p, .scaleForgotten))
        #expect(unscaled.at("scores")?.matrix == [[112, 96]])
    }

    @Test func slipsThatCannotOccurAreNotOffered() throws {
        var soft = AttentionTopic.Problem(form: .soft)
        soft.decoderState = [1, 0]
        soft.encoderStates = [[1, 1], [0, 1]]
        #expect(try AttentionTopic.slipAnswers(soft, .scaleForgotten) == nil)
        #expect(try AttentionTopic.slipAnswers(soft, .keysAsValues) == nil)
        #expect(try AttentionTopic.slipAnswers(soft, .noSoftmax) != nil)
    }
}
