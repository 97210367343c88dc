/// A part of an HTML sheet that needs a wrapper element cmark cannot write
/// in safe mode: each problem in a `<section>` (so print CSS can keep it on
/// one page), and with `--fold-solutions` each solution folded in a
/// `<details>` block. The sheet puts a `SectionMarker` on a line of its own
/// where a wrapper opens or closes; `EmbedExtractor` turns it into an
/// embed that only the HTML writer writes anything for.
enum Section: Sendable, Equatable {
    case problemStart, problemEnd
    /// `summary` is the plain-text line shown while folded.
    case foldStart(summary: String)
    case foldEnd
    /// A practice page's answer boxes for one problem (HTML only).
    case practice(PracticeForm)
    /// A printed question sheet's blank boxes for one problem (HTML and LaTeX).
    case answerBoxes(AnswerBoxes)
    /// A line at the top of every printed page (LaTeX only): a paper
    /// exam's variant code, so a page that comes loose still names its sheet.
    case runningHead(String)
    /// One student's block of the answer key (HTML: a `<section>` that
    /// print CSS keeps on one page; LaTeX: `keystudent`, a minipage).
    case keyStudentStart, keyStudentEnd
    /// Around the answer key's student blocks (HTML: a `<div>` that print
    /// CSS sets in two columns; LaTeX: the two-column `answerkey`), so a
    /// class's key prints on a few pages.
    case keyBodyStart, keyBodyEnd
}

/// Where a `Section` opens or closes in a sheet's Markdown: U+E005, the
/// section's index in decimal, U+E006 (private-use, stripped from problem
/// files by `EmbedToken.strip`).
enum SectionMarker {
    static let open: Unicode.Scalar = "\u{E005}"
    static let close: Unicode.Scalar = "\u{E006}"

    static func make(_ index: Int) -> String {
        "\u{E005}\(index)\u{E006}"
    }

    static func replace(in text: String, _ transform: (Int) -> String) -> String {
        replaceMarkers(in: text, open: open, close: close, transform)
    }
}
