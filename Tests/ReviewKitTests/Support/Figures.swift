import Foundation
@testable import ReviewKit

/// The figures the English sheet of the first problem in `json` carries.
func figures(json: String) throws -> [Figure] {
    let problem = try solve(json: json)[0]
    return problem.present(PresentationContext(templates: TemplateLibrary.forLanguage("en"))).figures
}

/// Every match of a regular expression's first capture group in `text`.
func captures(_ pattern: String, in text: String) -> [String] {
    let regex = try! NSRegularExpression(pattern: pattern)
    let range = NSRange(text.startIndex..., in: text)
    return regex.matches(in: text, range: range).compactMap { match in
        Range(match.range(at: 1), in: text).map { String(text[$0]) }
    }
}

/// How often `needle` occurs in `text`.
func occurrences(of needle: String, in text: String) -> Int {
    text.components(separatedBy: needle).count - 1
}

/// A figure's three versions hold only finite numbers.
func isFinite(_ figure: Figure) -> Bool {
    let all = (figure.svg + figure.tikz + figure.mermaid).lowercased()
    return !all.contains("nan") && !all.contains("inf")
}
