import Foundation

/// The one line `review build` prints when it is done, worded by
/// `templates/<lang>/handout/summary`.
public enum HandoutSummary {
    public static func line(_ handout: Handout, _ build: HandoutBuild, directory: String, seconds: Double) -> String {
        var context: TemplateObject = [
            "students": .text(build.students), "pluralStudents": .flag(build.students != 1),
            "problems": .text(build.problems), "pluralProblems": .flag(build.problems != 1),
            "files": .text(build.fileCount), "pluralFiles": .flag(build.fileCount != 1),
            "directory": .text(directory),
            "seconds": .text(String(format: "%.2f", seconds)),
        ]
        if handout.seedWasDrawn { context["drawnSeed"] = .text(String(handout.seed)) }
        return MarkdownPage(templates: TemplateLibrary.forLanguage(handout.language)).line("handout/summary", context)
    }
}
