import Foundation
import ZIPFoundation

/// A QTI content package: a zip holding `imsmanifest.xml`, the assessment
/// (`quiz.xml`, QTI 1.2, see `QTIItems`) and the pictures it shows
/// (`media/<problem>/q1-figure-1.svg`). `review gen/solve --format qti -o
/// FILE.zip` writes one; a build's `qti.zip` is `QTIClassExport`'s.
///
/// The zip is made in memory by ZIPFoundation (deflate), every entry dated
/// 1 January 2000, so the same problems give the same bytes.
public enum QTIPackage {
    static let assessmentPath = "quiz.xml"
    static let ident = "review_quiz"

    /// The problems of a `gen`/`solve` run: one group per problem holding
    /// all its items (every student answers every final answer).
    /// Without `solutions` the items carry no feedback.
    public static func document(_ problems: [WorkedProblem], language: String, title: String, solutions: Bool = true)
        throws -> [UInt8]
    {
        let templates = TemplateLibrary.forLanguage(language)
        var groups: [QTIItems.Group] = []
        var media: [(String, String)] = []
        for (index, problem) in problems.enumerated() {
            let key = "p\(index + 1)"
            let question = LMSQuestion(
                problem, number: index + 1, templates: templates, fileBase: QTIItems.fileBase(key))
            let name = problem.title.map { "\(problem.id) · \($0)" } ?? problem.id
            let items = QTIItems.items(question, ident: key, name: name, templates: templates, solutions: solutions)
            groups.append(QTIItems.Group(ident: "g\(index + 1)", title: name, select: items.count, items: items))
            media += attachments(question, key: key)
        }
        return try zip(title: title, groups: groups, media: media)
    }

    /// The pictures a question refers to, as (path in the zip, SVG).
    static func attachments(_ question: LMSQuestion, key: String) -> [(String, String)] {
        question.attachments.map { (QTIItems.fileBase(key) + $0.name, XMLText.clean($0.svg)) }
    }

    /// The package's bytes.
    static func zip(title: String, groups: [QTIItems.Group], media: [(String, String)]) throws -> [UInt8] {
        let archive = try Archive(accessMode: .create)
        let date = Date(timeIntervalSince1970: 946_728_000)  // 2000-01-01 12:00 UTC: noon stays 1 January everywhere
        func add(_ path: String, _ text: String) throws {
            let data = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        try add("imsmanifest.xml", QTIItems.manifest(ident: ident, assessment: assessmentPath, media: media.map(\.0)))
        try add(assessmentPath, QTIItems.assessment(ident: ident, title: title, groups: groups))
        for (path, svg) in media { try add(path, svg) }
        guard let data = archive.data else { throw WriteError(path: assessmentPath, reason: "the zip could not be made") }
        return [UInt8](data)
    }
}
