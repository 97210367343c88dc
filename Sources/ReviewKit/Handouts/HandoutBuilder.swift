import Foundation

/// Turns a checked handout into every file of its output directory, in
/// memory: per-student folders, the answer key, `index.html` and
/// `manifest.json`. Nothing touches the disk here (see `OutputDirectory`),
/// so a failure part-way leaves nothing behind.
///
/// Students are made in parallel on every core; the result is the same
/// bytes whatever the number of jobs or the scheduling.
public enum HandoutBuilder {
    /// Called as students finish: (done, total). From any thread.
    public typealias Progress = @Sendable (_ done: Int, _ total: Int) -> Void

    public static func build(
        _ handout: Handout, jobs: Int = ProcessInfo.processInfo.activeProcessorCount, progress: Progress? = nil
    ) throws -> HandoutBuild {
        let page = MarkdownPage(templates: TemplateLibrary.forLanguage(handout.language))
        let counter = ProgressCounter(total: handout.students.count, report: progress)
        let packets = try ParallelMap.map(count: handout.students.count, jobs: jobs) { index in
            let packet = try StudentSheets.make(handout, handout.students[index], page: page)
            counter.tick()
            return packet
        }

        var files: [PlannedFile] = []
        for packet in packets {
            files += packet.files.map { PlannedFile(path: "\(packet.student.folder)/\($0.path)", contents: $0.contents) }
        }
        var answerKeys: [String] = []
        for format in handout.formats {
            let path = "answer-key.\(format.fileExtension)"
            answerKeys.append(path)
            files.append(PlannedFile(path: path, contents: AnswerKey.render(handout, packets, format: format, page: page)))
        }
        files.append(PlannedFile(
            path: "index.html", contents: HandoutIndex.render(handout, packets, answerKeys: answerKeys, page: page)))
        files.append(PlannedFile(
            path: "manifest.json", contents: HandoutManifest.json(handout, packets, files: files.map(\.path))))
        return HandoutBuild(
            files: files, students: packets.count, problems: packets.reduce(0) { $0 + $1.problems.count })
    }
}

/// The files of a build, ready to be written.
public struct HandoutBuild: Sendable {
    /// Paths relative to the output directory, `/`-separated, in a fixed order.
    public var files: [PlannedFile]
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
