import Foundation

/// Turns a checked handout into every file of its output directory:
/// per-student folders, the answer key, `index.html` and `manifest.json`.
///
/// Files go to `write` as soon as a student is made (from any thread), and
/// only the student's answers are kept for the answer key, so memory stays
/// flat however large the class: a few students' sheets at a time, not the
/// whole class. `write` decides where files go (`StagingDirectory` for
/// `review build`), so a failure part-way leaves nothing behind.
///
/// Students are made in parallel on every core; the files are the same
/// bytes whatever the number of jobs or the scheduling.
public enum HandoutBuilder {
    /// Called as students finish: (done, total). From any thread.
    public typealias Progress = @Sendable (_ done: Int, _ total: Int) -> Void
    /// Receives files, paths relative to the output directory. From any
    /// thread, but never two calls for the same folder.
    public typealias Writer = @Sendable (_ files: [PlannedFile]) throws -> Void

    public static func build(
        _ handout: Handout, jobs: Int = ProcessInfo.processInfo.activeProcessorCount, progress: Progress? = nil,
        write: Writer
    ) throws -> HandoutBuild {
        let page = MarkdownPage(templates: TemplateLibrary.forLanguage(handout.language))
        let counter = ProgressCounter(total: handout.students.count, report: progress)
        let made = try ParallelMap.map(count: handout.students.count, jobs: jobs) { index in
            let packet = try StudentSheets.make(handout, handout.students[index], page: page)
            let files = packet.files.map { PlannedFile(path: "\(packet.student.folder)/\($0.path)", contents: $0.contents) }
            try write(files)
            counter.tick()
            return (record: packet.record, paths: files.map(\.path))
        }
        let records = made.map(\.record)
        var paths = made.flatMap(\.paths)

        var shared: [PlannedFile] = []
        var answerKeys: [String] = []
        for format in handout.formats {
            let path = "answer-key.\(format.fileExtension)"
            answerKeys.append(path)
            shared.append(PlannedFile(path: path, contents: AnswerKey.render(handout, records, format: format, page: page)))
        }
        shared.append(PlannedFile(
            path: "index.html", contents: HandoutIndex.render(handout, records, answerKeys: answerKeys, page: page)))
        paths += shared.map(\.path)
        shared.append(PlannedFile(path: "manifest.json", contents: HandoutManifest.json(handout, records, files: paths)))
        try write(shared)
        return HandoutBuild(
            fileCount: paths.count + 1, students: records.count,
            problems: records.reduce(0) { $0 + $1.problems.count })
    }
}

/// What a build made, for the summary line.
public struct HandoutBuild: Sendable {
    public var fileCount: Int
    public var students: Int
    /// Problems over all students.
    public var problems: Int
}

/// Counts finished students across threads and passes the count on.
private final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    private let total: Int
    private let report: HandoutBuilder.Progress?

    init(total: Int, report: HandoutBuilder.Progress?) {
        self.total = total
        self.report = report
    }

    func tick() {
        guard let report else { return }
        lock.lock()
        done += 1
        let now = done
        report(now, total)
        lock.unlock()
    }
}
