import Foundation
import Testing
@testable import ReviewKit

/// A sheet in another language has the same pictures as the English one,
/// in every format: a figure lost from a translated template (as the zh conv
/// stack and softmax chart once were) would otherwise pass unseen.
@Suite struct FigureParityTests {
    /// How a picture shows in each format.
    static let markers: [OutputFormat: String] = [
        .html: "<svg", .md: "```mermaid", .latex: "\\begin{tikzpicture}",
    ]

    @Test(arguments: TopicRegistry.names)
    func everyLanguageHasTheEnglishFigures(topic: String) throws {
        let problems = try ProblemSolver.generate(topic: topic, count: 3, seed: 3, difficulty: .standard)
        for (format, marker) in Self.markers {
            func figures(_ language: String) -> Int {
                var options = Sheet.Options()
                options.format = format
                options.language = language
                return Sheet(problems: problems, options: options).render().components(separatedBy: marker).count - 1
            }
            let english = figures("en")
            for language in TemplateLibrary.languages where language != "en" {
                #expect(figures(language) == english, "\(topic) \(format.rawValue): \(language) vs en")
            }
        }
    }
}
