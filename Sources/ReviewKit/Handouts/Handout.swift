/// A teacher's handout file, read and checked: who gets sheets, what is on
/// them, in which formats. Everything here is validated before anything is
/// generated or written, so a bad handout fails with a located error and
/// leaves the disk alone.
public struct Handout: Sendable {
    /// The handout file as the user named it (used in messages).
    public var source: ProblemSource
    public var title: String
    /// The handout's seed; every student's variant is derived from it.
    public var seed: UInt64
    /// True when the file gave no seed and one was drawn (it is printed on
    /// every sheet and in the manifest, so the build can be repeated).
    public var seedWasDrawn: Bool
    public var language: String
    /// Requested formats in file order, without duplicates.
    public var formats: [OutputFormat]
    public var sections: [HandoutSection]
    public var students: [Student]
    /// The CSV roster the students came from, when they came from one.
    public var rosterFile: String? = nil
    /// `"practice"` among the formats: each student also gets
    /// `practice.html`, answer boxes checked offline (see `Sheet.Options.practice`).
    public var practice = false
    /// `"moodle"` among the formats: the build also writes `moodle.xml`,
    /// the whole class as Moodle Cloze questions (see `MoodleClassExport`).
    public var moodle = false
    /// `"qti"` among the formats: the build also writes `qti.zip`, the
    /// whole class as a QTI 1.2 package for Canvas (see `QTIClassExport`).
    public var qti = false
    /// `"pdf"` among the formats: each student's question sheet also as
    /// `questions.pdf`, the LaTeX sheet through xelatex or pdflatex
    /// (`LaTeXToPDF`), ready to print with its variant code. Implies `latex`.
    public var pdf = false

    /// Every file the build reads: no build may replace a directory holding one.
    public var inputFiles: [String] {
        var files = source == .standardInput ? [] : [source.displayName]
        if let rosterFile { files.append(rosterFile) }
        for section in sections {
            if case .fixed(_, let file, _) = section.content { files.append(file) }
        }
        return files
    }

    /// How many problems every student gets (the same for all: sections fix it).
    public var problemsPerStudent: Int {
        sections.reduce(0) { $0 + $1.problemCount }
    }

    /// Question and solution sheets over all students and formats: how big
    /// a build is (the progress bar shows only for big ones).
    public var sheetCount: Int {
        students.count * (2 * formats.count + (practice ? 1 : 0))
    }
}

/// One part of every student's sheet.
public struct HandoutSection: Sendable {
    /// 1-based position in the handout; part of what a student's generated
    /// problems depend on.
    public var number: Int
    public var title: String?
    public var content: Content
    /// `concepts` only: the bank subject its items are drawn from (all when nil).
    public var subject: String? = nil

    public enum Content: Sendable {
        /// Fresh problems per student: `count` of `topic` at `difficulty`.
        case generated(topic: String, count: Int, difficulty: Difficulty)
        /// The same problems for everyone, read and solved once from a file
        /// (`path` as written in the handout, `file` resolved against the
        /// handout's folder).
        case fixed(path: String, file: String, problems: [WorkedProblem])
    }

    public var problemCount: Int {
        switch content {
        case .generated(_, let count, _): count
        case .fixed(_, _, let problems): problems.count
        }
    }
}
