import Foundation

/// The one line `review build` prints when it is done, worded by
/// `templates/<lang>/handout/summary`.
public enum HandoutSummary {
    public static func line(_ handout: Handout, _ build: HandoutBuild, directory: String, seconds: Double) -> String {
        var context: [String: Any] = [
            "students": build.students, "pluralStudents": build.students != 1, "problems": build.problems,
            "pluralProblems": build.problems != 1, "files": build.fileCount, "pluralFiles": build.fileCount != 1,
            "directory": directory,
            "seconds": String(format: "%.2f", seconds),
        ]
        if handout.seedWasDrawn { context["drawnSeed"] = String(handout.seed) }
        return MarkdownPage(templates: TemplateLibrary.forLanguage(handout.language)).line("handout/summary", context)
    }
}
