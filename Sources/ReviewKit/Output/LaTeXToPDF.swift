import Foundation

/// `--format pdf`: the LaTeX sheet compiled by the TeX engine on the
/// machine, in a private temporary folder, and handed back as bytes for
/// `OutputFile` to write (whole or not at all).
///
/// The engine is run directly (no shell), with fixed arguments
/// (`-interaction=nonstopmode -halt-on-error -no-shell-escape`), no input,
/// its output to a log in the folder, and a time limit: a run that hangs is
/// terminated, then killed. A Chinese sheet, or one with a letter outside
/// Latin (a name in Korean, a Vietnamese word), needs xelatex (the preamble
/// sets CJK fonts with xeCJK); other English sheets use pdflatex, or
/// xelatex when pdflatex is missing. With no usable engine the error says
/// which to install (exit status 2).
public enum LaTeXToPDF {
    /// Seconds one engine run may take.
    static let timeLimit: TimeInterval = 180

    /// `requested` names what asked for the PDF in the error (`--format
    /// pdf`, or a handout's `formats: pdf`).
    public static func compile(_ latex: String, language: String, requested: String = "--format pdf") throws
        -> [UInt8]
    {
        let needsXeLaTeX = language != "en" || latex.unicodeScalars.contains(where: isBeyondPDFTeX)
        let candidates = needsXeLaTeX ? ["xelatex"] : ["pdflatex", "xelatex"]
        guard let engine = candidates.lazy.compactMap(executable).first else {
            throw UsageError(
                message: needsXeLaTeX
                    ? "\(requested): this sheet needs xelatex (with xeCJK for Chinese), which is not installed; "
                        + "write LaTeX instead, or install texlive-xetex texlive-lang-cjk texlive-lang-chinese fonts-noto-cjk"
                    : "\(requested): no TeX engine (pdflatex or xelatex) is installed; "
                        + "write LaTeX instead, or install texlive-latex-base (pdflatex)")
        }
        let folder = try privateFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Descriptor.create(folder + "/sheet.tex", latex, mode: 0o600)
        // Twice when the log asks for it (page references settle on the second run).
        for run in 1...2 {
            try runEngine(engine, in: folder)
            let log = (try? String(contentsOfFile: folder + "/sheet.log", encoding: .utf8)) ?? ""
            if run == 1 && !log.contains("Rerun to get") { break }
        }
        guard let data = FileManager.default.contents(atPath: folder + "/sheet.pdf") else {
            throw WriteError(path: "sheet.pdf", reason: "\(engine) made no PDF")
        }
        return [UInt8](data)
    }

    /// A letter pdflatex's T1 fonts lack: beyond Latin Extended-B (Cyrillic,
    /// CJK, Hangul …) or Vietnamese (U+1E00–U+1EFF). Greek letters and
    /// symbols such as × · ≈ → are not: the preamble sets them under pdflatex too.
    static func isBeyondPDFTeX(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value > 0x24F && !(0x370...0x3FF).contains(scalar.value) && scalar.properties.isAlphabetic
    }

    /// The absolute path of `name` on `PATH`, if it is an executable file.
    static func executable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = "\(folder)/\(name)"
            if access(candidate, X_OK) == 0, !OutputPath.isDirectory(candidate) { return candidate }
        }
        return nil
    }

    /// A new folder only we may enter (`mkdtemp`, mode 0700).
    private static func privateFolder() throws -> String {
        let base = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((base + "/review-pdf-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw WriteError.posix(base) }
        return String(cString: made)
    }

    /// One run of `engine` on `sheet.tex` in `folder`; a failure names the
    /// first TeX error line.
    private static func runEngine(_ engine: String, in folder: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: engine)
        process.arguments = ["-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", "sheet.tex"]
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice  // the log file has it all
        process.standardError = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            throw WriteError(path: engine, reason: "cannot be run (\(error.localizedDescription))")
        }
        if finished.wait(timeout: .now() + timeLimit) == .timedOut {
            process.terminate()
            if finished.wait(timeout: .now() + 5) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                finished.wait()
            }
            throw WriteError(path: engine, reason: "took more than \(Int(timeLimit)) s on the sheet and was stopped")
        }
        guard process.terminationStatus == 0 else {
            let log = (try? String(contentsOfFile: folder + "/sheet.log", encoding: .utf8)) ?? ""
            let first = log.split(separator: "\n").first { $0.hasPrefix("!") }.map(String.init) ?? "see its log"
            throw WriteError(path: engine, reason: "could not compile the sheet: \(first)")
        }
    }
}
