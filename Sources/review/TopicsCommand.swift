import ArgumentParser
import ReviewKit

struct TopicsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "topics",
        abstract: "List every topic with a one-line description and an example command.")

    @Option(name: .long, help: "Language of the descriptions: \(Sheet.languages.joined(separator: ", ")).")
    var lang: String = "en"

    func validate() throws {
        guard Sheet.languages.contains(lang) else {
            throw ValidationError(
                "unknown language '\(lang)'; expected one of: \(Sheet.languages.joined(separator: ", "))")
        }
    }

    func run() throws {
        let topics = TopicRegistry.descriptions(language: lang)
        let width = topics.map(\.name.count).max() ?? 0
        var listing = ""
        for topic in topics {
            let padding = String(repeating: " ", count: width - topic.name.count)
            listing += "\(topic.name)\(padding)  \(topic.summary)\n"
            listing += "\(String(repeating: " ", count: width))  \(topic.exampleLine)\n"
        }
        try StandardStreams.write(listing, to: .output)
    }
}
