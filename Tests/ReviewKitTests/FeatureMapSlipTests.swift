import Foundation
import Testing
@testable import ReviewKit

/// The contract's slips for convolve and kmeans give the wrong answers it
/// describes, and nothing where they cannot occur.
@Suite struct FeatureMapSlipTests {
    private func convolve(_ fields: String) throws -> ConvolveTopic.Problem {
        try ConvolveTopic.decode(try Field(value: try JSONParser.parse(Array(#"{\#(fields)}"#.utf8))).object(allowedKeys: ConvolveTopic.fields))
    }

    private func kmeans(_ fields: String) throws -> KMeansTopic.Problem {
        try KMeansTopic.decode(try Field(value: try JSONParser.parse(Array(#"{\#(fields)}"#.utf8))).object(allowedKeys: KMeansTopic.fields))
    }

    @Test func convolveSlips() throws {
        // The notes' kernel is symmetric, there is no padding and no bias: no slip can occur.
        let notes = try convolve(#""image": [[1,1,1,0,0],[0,1,1,1,0],[0,0,1,1,1],[0,0,1,1,0],[0,1,1,0,0]], "kernel": [[1,0,1],[0,1,0],[1,0,1]]"#)
        for slip in ConvolveTopic.Slip.allCases { #expect(slip.answers(notes) == nil, "\(slip)") }
        // d2l's X and K with padding 1 and bias 1, against scipy: flipped is
        // convolve2d + 1, without padding correlate2d(X, K) + 1, without bias
        // correlate2d(pad(X), K).
        let d2l = try convolve(#""image": [[0,1,2],[3,4,5],[6,7,8]], "kernel": [[0,1],[2,3]], "bias": 1, "padding": 1"#)
        #expect(ConvolveTopic.Slip.kernelFlipped.answers(d2l)?.at("feature_maps", 0, 1)?.doubles == [1, 6, 12, 12])
        #expect(ConvolveTopic.Slip.paddingForgotten.answers(d2l)?.at("feature_maps", 0)?.matrix == [[20, 26], [38, 44]])
        #expect(ConvolveTopic.Slip.biasForgotten.answers(d2l)?.at("feature_maps", 0, 1)?.doubles == [9, 19, 25, 10])
        #expect(ConvolveTopic.Slip.allCases.map(\.zh) == ["卷积核翻转弄反", "忘了补零", "漏加偏置"])
    }

    @Test func kmeansSlips() throws {
        let classic = try kmeans(#""points": [[2,10],[2,5],[8,4],[5,8],[7,5],[6,4],[1,2],[4,9]], "initial_points": [0, 3, 6]"#)
        // Chosen squared distances 0, 10, 25, 0, 13, 17, 0, 2, unsquared and summed.
        let unsquared = [0.0, 10, 25, 0, 13, 17, 0, 2].map { $0.squareRoot() }.reduce(0, +)
        #expect(close(ConvolveTopicTestsSupport.number(KMeansTopic.Slip.inertiaNotSquared.answers(classic)?.at("history", 0, "inertia")), unsquared))
        // Point 1 = (2, 5) to (2, 10), (5, 8), (1, 2) by |Δx| + |Δy|: 5, 6, 4.
        #expect(KMeansTopic.Slip.manhattanDistance.answers(classic)?.at("history", 0, "distances", 1)?.doubles == [5, 6, 4])
        // No tie ever happens in the classic; the 1-D exercise has one (x = 3 between 2 and 4).
        #expect(KMeansTopic.Slip.tieToLast.answers(classic) == nil)
        let oneD = try kmeans(#""points": [[2],[4],[10],[12],[3],[20],[30],[11],[25]], "centroids": [[2],[4]]"#)
        #expect(KMeansTopic.Slip.tieToLast.answers(oneD)?.at("history", 0, "assignments")?.doubles == [0, 1, 1, 1, 1, 1, 1, 1, 1])
    }
}

enum ConvolveTopicTestsSupport {
    static func number(_ value: JSONValue?) -> Double? { value?.double }
}
