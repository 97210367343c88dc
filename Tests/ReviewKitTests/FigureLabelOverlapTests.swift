import Foundation
import Testing
@testable import ReviewKit

/// No two labels of a figure sit on top of each other (issue 16: a shared
/// subexpression's wires, a crowded graph). Each `<text>` of an SVG gets a
/// box estimated from its characters and font size — a Latin character
/// 0.55 em wide, a Chinese one a full em, the box from 0.75 em above the
/// baseline to 0.2 em below — and no two boxes of one figure may intersect.
/// Checked for every topic's generated problems (several seeds, every
/// difficulty, every language) and for every file in `problems/`.
@Suite struct FigureLabelOverlapTests {
    @Test(arguments: TopicRegistry.names)
    func generatedFiguresHaveNoOverlappingLabels(topic: String) throws {
        for difficulty in Difficulty.allCases {
            for seed: UInt64 in [1, 2, 5, 11, 23] {
                let problems = try ProblemSolver.generate(topic: topic, count: 3, seed: seed, difficulty: difficulty)
                for (i, problem) in problems.enumerated() {
                    check(problem, "\(topic) \(difficulty.rawValue) seed \(seed) #\(i + 1)")
                }
            }
        }
    }

    @Test func problemFileFiguresHaveNoOverlappingLabels() throws {
        let folder = packageRoot().appendingPathComponent("problems")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
        #expect(files.count > 20)
        for file in files where !file.hasPrefix("handout") {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for problem in try solve(json: text, name: file) { check(problem, file) }
        }
    }

    /// The label overlap check itself finds an overlap where there is one.
    @Test func theCheckSeesAnOverlap() {
        let svg = #"<svg font-size="14"><text x="10" y="20" text-anchor="middle">0.25</text><text x="14" y="22">云</text></svg>"#
        #expect(!FigureLabels.overlaps(in: svg).isEmpty)
        let apart = #"<svg font-size="14"><text x="10" y="20">0.25</text><text x="10" y="40">0.25</text></svg>"#
        #expect(FigureLabels.overlaps(in: apart).isEmpty)
    }

    private func check(_ problem: WorkedProblem, _ what: String) {
        for language in TemplateLibrary.languages {
            let figures = problem.present(PresentationContext(templates: TemplateLibrary.forLanguage(language))).figures
            for figure in figures {
                let overlaps = FigureLabels.overlaps(in: figure.svg)
                #expect(overlaps.isEmpty, "\(what) (\(language)): \(overlaps.prefix(3).joined(separator: "; "))")
            }
        }
    }

    private func packageRoot(filePath: String = #filePath) -> URL {
        var url = URL(fileURLWithPath: filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }
}

/// The text boxes of an SVG, estimated without a font.
enum FigureLabels {
    struct Box {
        var text: String
        var minX, maxX, minY, maxY: Double

        func intersects(_ other: Box) -> Bool {
            let slack = 0.5  // touching is not overlapping
            return min(maxX, other.maxX) - max(minX, other.minX) > slack
                && min(maxY, other.maxY) - max(minY, other.minY) > slack
        }
    }

    /// `"a" × "b"` for every pair of labels whose boxes intersect.
    static func overlaps(in svg: String) -> [String] {
        let boxes = self.boxes(in: svg)
        var found: [String] = []
        for i in boxes.indices {
            for j in boxes.indices where j > i && boxes[i].intersects(boxes[j]) {
                found.append("'\(boxes[i].text)' at (\(Int(boxes[i].minX)),\(Int(boxes[i].maxY))) × '\(boxes[j].text)' at (\(Int(boxes[j].minX)),\(Int(boxes[j].maxY)))")
            }
        }
        return found
    }

    static func boxes(in svg: String) -> [Box] {
        let rootSize = captures(#"<svg[^>]*\sfont-size="([0-9.]+)""#, in: svg).first.flatMap(Double.init) ?? 16
        let regex = try! NSRegularExpression(pattern: #"<text([^>]*)>(.*?)</text>"#, options: [.dotMatchesLineSeparators])
        let range = NSRange(svg.startIndex..., in: svg)
        return regex.matches(in: svg, range: range).compactMap { match -> Box? in
            guard let a = Range(match.range(at: 1), in: svg), let t = Range(match.range(at: 2), in: svg) else { return nil }
            let attributes = String(svg[a])
            let text = unescape(String(svg[t]).replacingOccurrences(of: #"<[^>]+>"#, with: "", options: .regularExpression))
            guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
            func attribute(_ name: String) -> String? { captures(#"(?:^|\s)\#(name)="([^"]*)""#, in: attributes).first }
            let x = attribute("x").flatMap(Double.init) ?? 0, y = attribute("y").flatMap(Double.init) ?? 0
            let size = attribute("font-size").flatMap(Double.init) ?? rootSize
            let width = text.reduce(0.0) { $0 + (isWide($1) ? 1.0 : 0.55) } * size
            let left: Double
            switch attribute("text-anchor") {
            case "middle": left = x - width / 2
            case "end": left = x - width
            default: left = x
            }
            return Box(text: text, minX: left, maxX: left + width, minY: y - 0.75 * size, maxY: y + 0.2 * size)
        }
    }

    /// Chinese, Japanese and Korean characters and full-width forms take a whole em.
    private static func isWide(_ c: Character) -> Bool {
        guard let v = c.unicodeScalars.first?.value else { return false }
        return (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v)
    }

    private static func unescape(_ s: String) -> String {
        s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
