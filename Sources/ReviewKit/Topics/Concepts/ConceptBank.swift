import ReviewTemplates
import Yams

/// The question bank of the `concepts` topic: exam questions without
/// numbers, one YAML file per subject in `templates/shared/concepts/`
/// (compiled into the binary with the templates, so `review` needs no files
/// beside it). The bank is data, not Swift: a teacher adds or corrects an
/// item by editing YAML, and `ConceptBankTests` checks every item.
///
/// Each item has a stable id, where it comes from (note file and section)
/// and a textbook reference, a prompt in English and Chinese, key points
/// (what a grader looks for), the right option and at least three wrong
/// ones, each wrong one a real misconception with a one-line reason.
struct ConceptBank: Sendable {
    /// Words in both languages.
    struct Text: Codable, Sendable, Equatable {
        var en: String
        var zh: String

        func inLanguage(_ language: String) -> String { language == "zh" ? zh : en }
    }

    /// A wrong option and why it is wrong.
    struct Wrong: Codable, Sendable, Equatable {
        var en: String
        var zh: String
        var why: Text

        var text: Text { Text(en: en, zh: zh) }
    }

    struct Item: Codable, Sendable, Equatable {
        var id: String
        /// Note file and section it comes from.
        var source: String
        /// Where the note is wrong or garbled and what the item does instead.
        var correction: Text?
        /// The standard reference the item was checked against.
        var reference: Text
        var prompt: Text
        /// The right option as the multiple-choice form shows it: about as
        /// long as the wrong ones, so its length gives nothing away.
        var option: Text
        /// The model answer: the right option said in full.
        var answer: Text
        /// Why the right option is right (one line).
        var why: Text
        var wrong: [Wrong]
        /// The model answer as key points.
        var points: [Text]
        /// Filled from the file the item is in.
        var subject: String = ""

        enum CodingKeys: String, CodingKey {
            case id, source, correction, reference, prompt, option, answer, why, wrong, points
        }
    }

    /// One file of the bank.
    struct Subject: Codable, Sendable {
        var subject: String
        var title: Text
        var items: [Item]
    }

    /// Subjects in file order (sorted by file name).
    let subjects: [Subject]
    let items: [Item]
    private let byID: [String: Item]

    /// The embedded bank, read once.
    static let shared: ConceptBank = {
        let files = EmbeddedTemplates.files.filter { $0.key.hasPrefix(folder) && $0.key.hasSuffix(".yaml") }
        do {
            return try ConceptBank(files: files.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        } catch {
            preconditionFailure("the concepts bank does not read: \(error)")
        }
    }()

    static let folder = "shared/concepts/"

    init(files: [(name: String, text: String)]) throws {
        var subjects: [Subject] = []
        for (name, text) in files {
            do {
                var subject = try YAMLDecoder().decode(Subject.self, from: text)
                for i in subject.items.indices { subject.items[i].subject = subject.subject }
                subjects.append(subject)
            } catch {
                throw BankError(file: name, message: "\(error)")
            }
        }
        self.subjects = subjects
        items = subjects.flatMap(\.items)
        byID = Dictionary(items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    struct BankError: Error, CustomStringConvertible {
        var file: String
        var message: String
        var description: String { "\(file): \(message)" }
    }

    func item(_ id: String) -> Item? { byID[id] }

    var subjectNames: [String] { subjects.map(\.subject) }

    func subject(_ name: String) -> Subject? { subjects.first { $0.subject == name } }

    /// The items of one subject, or all of them.
    func items(subject: String?) -> [Item] {
        guard let subject else { return items }
        return items.filter { $0.subject == subject }
    }
}
