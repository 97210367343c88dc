import Foundation
import PageChecks
import Testing

/// Text from problem files can never become markup: a `<script>` (and its
/// relatives) in any text field of any topic renders as visible text in
/// HTML, Markdown and LaTeX, and LaTeX commands in user text are never run.
@Suite struct InjectionTests {
    static let script = "<script>alert(1)</script>"
    static let image = "<img src=x onerror=alert(2)>"
    static let latex = "\\input{/etc/passwd}"
    /// Markdown images: a local file pdflatex would embed, a remote one a
    /// browser would fetch.
    static let localImage = "![secret](/abs/secret.png)"
    static let remoteImage = "![remote *pic*](http://evil.example/x.png)"

    /// Every text field a problem file has, in every topic that has one.
    static let file: String = {
        let s = script, i = image
        let statement = "\(s)\n\n\(i)\n\n[click](javascript:alert(3)) <a href=\"javascript:alert(4)\">a</a>\n\n"
            + "<div onclick=\"alert(5)\">block</div>\n\n$\\input{/etc/passwd}$ and $50% \\write18{ls}$\n\n"
            + "\(localImage) and \(remoteImage) and [a link](https://example.org/notes)"
        let problems: [[String: Any]] = [
            ["topic": "backprop", "id": s, "title": s + latex, "statement": statement,
             "expression": "x*y", "values": ["x": 1, "y": 2]],
            ["topic": "bellman", "id": i, "title": latex + "}%$#", "gamma": 0.5,
             "q": [s: [i: 0, latex: 1], "b\\}%^~": ["a": 2]],
             "updates": [["state": s, "action": i, "reward": 1, "next_state": "b\\}%^~"],
                         ["state": "b\\}%^~", "action": "a", "reward": 1, "terminal": true]]],
            ["topic": "conv", "title": s, "input": [8, 8, 1],
             "layers": [["type": "conv", "name": s + latex, "filters": 2, "kernel": 3]]],
            ["topic": "gcn", "id": latex, "adjacency": [[0, 1], [1, 0]], "features": [[1], [2]]],
            ["topic": "softmax", "title": i, "logits": [1, 2], "target": 0],
        ]
        let data = try! JSONSerialization.data(withJSONObject: ["problems": problems])
        return String(decoding: data, as: UTF8.self)
    }()

    func sheet(_ format: String) throws -> String {
        let run = try ReviewProcess.run(["solve", "-", "--format", format], stdin: Self.file)
        #expect(run.status == 0, "\(run.stderr)")
        return run.stdout
    }

    @Test func htmlShowsMarkupAsText() throws {
        let html = try sheet("html")
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.lowercased().contains("<img"))
        #expect(!html.contains("<a href=\"javascript"))
        #expect(!html.contains("<div onclick"))
        #expect(!html.contains("href=\"javascript"))
        // Nothing from the file makes the page load anything (the https link
        // stays a link: it loads nothing until clicked).
        #expect(OfflinePage.outsideReferences(in: html) == [])
        #expect(html.contains("<a href=\"https://example.org/notes\">a link</a>"))
        // Shown, escaped, where it was written: title, statement, id, state and action names.
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&lt;img src=x onerror=alert(2)&gt;"))
        #expect(html.contains("&lt;div onclick=&quot;alert(5)&quot;&gt;block&lt;/div&gt;"))
    }

    /// An image is never embedded or fetched: every format shows its alt
    /// text and its address as text.
    @Test func imagesBecomeTheirAltTextAndAddress() throws {
        let html = try sheet("html")
        #expect(!html.lowercased().contains("<img"))
        #expect(html.contains("secret (image: /abs/secret.png)"))
        #expect(html.contains("remote <em>pic</em> (image: http://evil.example/x.png)"))
        let tex = try sheet("latex")
        #expect(!tex.contains("\\includegraphics"))
        #expect(tex.contains("secret (image: /abs/secret.png)"))
        let markdown = try sheet("md")
        #expect(!markdown.contains("![secret]") && !markdown.contains("](/abs/secret.png)"))
        #expect(!markdown.contains("](http://evil.example/x.png)"))
        #expect(markdown.contains("secret (image: /abs/secret.png)"))
    }

    @Test func markdownEscapesMarkup() throws {
        let markdown = try sheet("md")
        // Outside the fenced figure code, every '<' from the file is backslash-escaped.
        var inFence = false
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") { inFence.toggle() }
            guard !inFence else { continue }
            let scalars = Array(line.unicodeScalars)
            for (k, c) in scalars.enumerated() where c == "<" {
                #expect(k > 0 && scalars[k - 1] == "\\", "unescaped '<' in: \(line)")
            }
        }
        #expect(!markdown.contains("](javascript:"))
        #expect(markdown.contains("\\<script\\>alert(1)\\</script\\>"))
    }

    @Test func latexRunsNoUserCommand() throws {
        let tex = try sheet("latex")
        // Every \input, \write18 and % from the file is escaped or shown as text.
        for line in tex.split(separator: "\n") {
            #expect(!line.contains("\\input{"), "\(line)")
            #expect(!line.contains("\\write18"), "\(line)")
            #expect(!line.contains("\\href{javascript"), "\(line)")
        }
        #expect(tex.contains("\\textbackslash{}input\\{/etc/passwd\\}"))
        #expect(tex.contains("\\texttt{\\$\\textbackslash{}input\\{/etc/passwd\\}\\$}"))
    }

    @Test func latexWithHostileNamesCompiles() throws {
        guard let pdflatex = ["/usr/bin/pdflatex", "/usr/local/bin/pdflatex"]
            .first(where: FileManager.default.isExecutableFile(atPath:)) else { return }
        let directory = try ReviewProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try sheet("latex").write(to: directory.appendingPathComponent("sheet.tex"), atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: pdflatex)
        process.arguments = ["-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", "sheet.tex"]
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }
}
