import Foundation
import Testing
@testable import ReviewKit

/// The conv stack drawing: one block or bar per map, labelled with shapes
/// worked by hand, wrapped for long stacks, and absent past the limit.
@Suite struct ConvFigureTests {
    @Test func leNetLikeStackLabelsEveryShape() throws {
        // By hand: (32 − 5)/1 + 1 = 28 → 28×28×6; pool 2 → 14×14×6; fc → 10.
        let json = #"{"topic": "conv", "input": [32, 32, 1], "layers": [{"type": "conv", "name": "C1", "filters": 6, "kernel": 5}, {"type": "pool", "kernel": 2}, {"type": "fc", "units": 10}]}"#
        let figure = try #require(try figures(json: json).first)
        let svg = figure.svg
        for shape in ["32×32×1", "28×28×6", "14×14×6", ">10<"] { #expect(svg.contains(shape)) }
        for name in [">input<", ">C1<", ">max pool<", ">fc<"] { #expect(svg.contains(name)) }
        // One front face per map (a rect each), three arrows between four maps.
        #expect(occurrences(of: "<rect", in: svg) == 4)
        #expect(figure.mermaid.contains("l0 --> l1 --> l2 --> l3"))
        #expect(isFinite(figure))
    }

    @Test func vgg16WrapsIntoRowsThatFitThePage() throws {
        let text = try String(contentsOfFile: "problems/conv-vgg16.json", encoding: .utf8)
        let figure = try #require(try figures(json: text).first)
        let box = captures(#"viewBox="([^"]+)""#, in: figure.svg).first!.split(separator: " ").compactMap { Double($0) }
        #expect(box[2] <= 780, "VGG16's 22 maps wrap instead of running off the page")
        #expect(box[3] > 2.5 * 150, "at least three rows")
        #expect(occurrences(of: "<rect", in: figure.svg) == 22)
        #expect(figure.svg.contains(">7×7×512<"))
    }

    @Test func twoHundredLayersGetNoPicture() throws {
        let layer = #"{"type": "conv", "filters": 2, "kernel": 3, "padding": 1}"#
        let json = #"{"topic": "conv", "input": [8, 8, 1], "layers": [\#(Array(repeating: layer, count: 200).joined(separator: ","))]}"#
        #expect(try figures(json: json).isEmpty)
        let forty = #"{"topic": "conv", "input": [8, 8, 1], "layers": [\#(Array(repeating: layer, count: 40).joined(separator: ","))]}"#
        #expect(try figures(json: forty).count == 1)
    }
}
