import Foundation

/// Turns a checked handout into every file of its output directory:
/// per-student folders, the answer key, `index.html` and `manifest.json`.
///
/// Files go to the sink as soon as a student is made (from any thread), and
/// only the student's answers are kept for the answer key, which is then
/// written a piece at a time: memory stays flat however large the class.
/// The sink decides where files go (`StagingDirectory` for `review build`,
/// which installs them only once all are written, so a failure part-way
/// leaves nothing behind).
///
/// Students are made in parallel on every core; the files are the same
/// bytes whatever the number of jobs or the scheduling.
public enum HandoutBuilder {
    /// Called as students finish: (done, total). From any thread.
    public typealias Progress = @Sendable (_ done: Int, _ total: Int) -> Void
    public static func build(
        _ handout: Handout, jobs: Int = ProcessInfo.processInfo.activeProcessorCount, progress: Progress? = nil,
        into sink: some HandoutSink
    ) throws -> HandoutBuild {
        let page = MarkdownPage(templates: TemplateLibrary.forLanguage(handout.language))
        let counter = ProgressCounter(total: handout.students.count, report: progress)
        let made = try ParallelMap.map(count: handout.students.count, jobs: jobs) { index in
            let packet = try StudentSheets.make(handout, handout.students[index], page: page)
            let files = packet.files.map { PlannedFile(path: "\(packet.student.folder)/\($0.path)", contents: $0.contents) }
            try sink.write(files)
            var paths = files.map(\.path)
            if handout.pdf, let tex = packet.files.first(where: { $0.path == "questions.tex" }) {
                let path = "\(packet.student.folder)/questions.pdf"
                try sink.write(path, bytes: try LaTeXToPDF.compile(
                    tex.contents, language: handout.language, requested: "\(handout.source.displayName): formats: pdf"))
                paths.append(path)
            }
            counter.tick()
            return (record: packet.record, paths: paths)
        }
        let records = made.map(\.record)
        var paths = made.flatMap(\.paths)

        var answerKeys: [String] = []
        for format in handout.formats {
            let path = "answer-key.\(format.fileExtension)"
            answerKeys.append(path)
            try sink.stream(path) { emit in try AnswerKey.write(handout, records, format: format, page: page, to: emit) }
        }
        var exports: [String] = []
        if handout.moodle {
            exports.append(MoodleClassExport.path)
            try sink.stream(MoodleClassExport.path) { emit in
                try MoodleClassExport.write(handout, records, jobs: jobs, to: emit)
            }
        }
        if handout.qti {
            exports.append(QTIClassExport.path)
            try sink.write(QTIClassExport.path, bytes: try QTIClassExport.package(handout, records, jobs: jobs))
        }
        let index = PlannedFile(
            path: "index.html", contents: HandoutIndex.render(handout, records, answerKeys: answerKeys, page: page))
        paths += answerKeys + exports + [index.path]
        try sink.write([index, PlannedFile(path: "manifest.json", contents: HandoutManifest.json(handout, records, files: paths))])
        return HandoutBuild(
            fileCount: paths.count + 1, students: records.count,
            problems: records.reduce(0) { $0 + $1.problems.count })
    }
}

/// Where a build's files go: `StagingDirectory` for `review build`.
public protocol HandoutSink: Sendable {
    /// Writes files (paths relative to the output directory). Called from
    /// any thread, but never twice for one folder.
    func write(_ files: [PlannedFile]) throws
    /// Writes one file from pieces made in order, so a file as big as a
    /// year's answer key is never whole in memory.
    func stream(_ path: String, _ produce: (_ emit: (String) throws -> Void) throws -> Void) throws
    /// Writes one binary file (`qti.zip`).
    func write(_ path: String, bytes: [UInt8]) throws
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
