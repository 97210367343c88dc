import Foundation
import Testing
@testable import ReviewKit

/// The gcn graph drawing: one node per graph node, its features, the Â
/// weights on the edges (worked by hand in the comments), arrows only for
/// directed graphs, and sane limits.
@Suite struct GCNFigureTests {
    /// The 4-node star: hub 0 joined to 1, 2 and 3, self loops on.
    /// By hand: d̃ = (4, 2, 2, 2); Â_0j = 1/√(4·2) = 0.35355 → "0.354",
    /// Â_00 = 1/4 = "0.25", Â_jj = 1/2 = "0.5".
    static let star = #"{"topic": "gcn", "nodes": 4, "edges": [[0,1],[0,2],[0,3]], "features": [[1,2],[0,1],[2,0],[1,1]]}"#

    @Test func starShowsEveryNodeFeatureAndWeight() throws {
        let figure = try #require(try figures(json: Self.star).first)
        let svg = figure.svg
        // One filled node disc per node, each numbered once in bold.
        #expect(occurrences(of: "fill=\"#f5f7fb\"", in: svg) == 4)
        for i in 0..<4 { #expect(svg.contains("font-weight=\"bold\">\(i)</text>")) }
        for features in ["(1, 2)", "(0, 1)", "(2, 0)", "(1, 1)"] { #expect(svg.contains(">\(features)</text>")) }
        // Undirected: three edges, no arrowheads.
        #expect(occurrences(of: "<polyline", in: svg) == 3)
        #expect(!svg.contains("<polygon"))
        let labels = captures(##"fill="#8a4b08"[^>]*>([^<]+)</text>"##, in: svg)
        #expect(labels.filter { $0 == "0.354" }.count == 3)
        #expect(labels.filter { $0 == "0.25" }.count == 1)
        #expect(labels.filter { $0 == "0.5" }.count == 3)
        // Four self loops: a hollow circle each.
        #expect(occurrences(of: "<circle", in: svg) == 8)
        #expect(figure.mermaid.hasPrefix("flowchart"))
        #expect(occurrences(of: " --- ", in: figure.mermaid) + occurrences(of: " ---|", in: figure.mermaid) == 7)
        #expect(isFinite(figure))
    }

    @Test func directedEdgesAreArrowsTowardTheGatheringNode() throws {
        // Edge (u, v): u gathers from v, so features flow v → u. Row
        // normalisation with self loops: node 1 gathers from 0, 2 and itself,
        // d̃_1 = 3, so Â_10 = Â_12 = Â_11 = 1/3; node 0 from 1 and itself,
        // Â_01 = Â_00 = 1/2; node 2 only from itself, Â_22 = 1.
        let json = #"{"topic": "gcn", "nodes": 3, "edges": [[1,0],[1,2],[0,1]], "directed": true, "normalization": "row", "features": [[1],[2],[3]]}"#
        let figure = try #require(try figures(json: json).first)
        #expect(occurrences(of: "<polygon", in: figure.svg) == 3, "one arrowhead per directed edge")
        let labels = captures(##"fill="#8a4b08"[^>]*>([^<]+)</text>"##, in: figure.svg).sorted()
        #expect(labels == ["0.333", "0.333", "0.333", "0.5", "0.5", "1"])
        #expect(figure.mermaid.contains("n0 -->|\"0.333\"| n1"))
        #expect(figure.mermaid.contains("n2 -->|\"0.333\"| n1"))
        #expect(figure.mermaid.contains("n1 -->|\"0.5\"| n0"))
        #expect(figure.mermaid.contains("n2 -->|\"1\"| n2"))
    }

    @Test func drawingIsDeterministicAndBounded() throws {
        #expect(try figures(json: Self.star) == (try figures(json: Self.star)))
        let many = (0..<13).map { "[\($0 == 0 ? 1 : 0)]" }.joined(separator: ",")
        let edges = (1..<13).map { "[0,\($0)]" }.joined(separator: ",")
        let big = #"{"topic": "gcn", "nodes": 13, "edges": [\#(edges)], "features": [\#(many)]}"#
        #expect(try figures(json: big).isEmpty, "past 12 nodes the sheet keeps only its matrices")
        let lone = #"{"topic": "gcn", "nodes": 1, "edges": [], "features": [[3, 4]]}"#
        let figure = try #require(try figures(json: lone).first)
        #expect(figure.svg.contains(">(3, 4)</text>"))
        #expect(isFinite(figure))
    }
}
