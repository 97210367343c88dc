/// A picture on a sheet, drawn by the project (no image files, no network):
/// the same drawing written three ways, one per output format.
///
/// Topics build figures from their traces with a `…Figure` type under
/// `Figures/`; the renderers only paste the right version in.
///
/// Each version is drawn only when a renderer asks for it: a sheet is
/// written in one or two formats, and drawing all three was a tenth of a
/// build.
struct Figure: Sendable, Equatable {
    private let drawSVG: @Sendable () -> String
    private let drawTikZ: @Sendable () -> String
    private let drawMermaid: @Sendable () -> String
    /// One line under the picture (plain text).
    let caption: String

    init(
        svg: @escaping @Sendable @autoclosure () -> String, tikz: @escaping @Sendable @autoclosure () -> String,
        mermaid: @escaping @Sendable @autoclosure () -> String, caption: String
    ) {
        drawSVG = svg
        drawTikZ = tikz
        drawMermaid = mermaid
        self.caption = caption
    }

    /// Inline SVG for HTML pages.
    var svg: String { drawSVG() }
    /// A `tikzpicture` for LaTeX documents.
    var tikz: String { drawTikZ() }
    /// A Mermaid diagram for Markdown (GitHub renders `mermaid` code blocks).
    var mermaid: String { drawMermaid() }

    static func == (a: Figure, b: Figure) -> Bool {
        a.caption == b.caption && a.svg == b.svg && a.tikz == b.tikz && a.mermaid == b.mermaid
    }
}

/// Where figures wait while a sheet's Markdown is assembled: a presenter
/// puts `FigureMarker.make(i)` on a line of its own, the sheet renumbers the
/// markers of each problem into one list, and `EmbedExtractor` turns them
/// into embeds.
enum FigureMarker {
    static let open: Unicode.Scalar = "\u{E002}"
    static let close: Unicode.Scalar = "\u{E003}"

    static func make(_ index: Int) -> String {
        "\u{E002}\(index)\u{E003}"
    }

    /// Replaces each marker `i` with `transform(i)`.
    static func replace(in text: String, _ transform: (Int) -> String) -> String {
        replaceMarkers(in: text, open: open, close: close, transform)
    }

    static func strip(_ text: String) -> String {
        replace(in: text) { _ in "" }
    }
}

/// Replaces every run of `open`, digits, `close` in `text` with
/// `transform(digits)`: the scanner behind `FigureMarker` and `SectionMarker`.
///
/// Bytewise over UTF-8, copying everything else as it is: most text holds
/// no marker at all, and the rest is long (a whole sheet). A stray `open`
/// or `close` is dropped.
func replaceMarkers(
    in text: String, open: Unicode.Scalar, close: Unicode.Scalar, _ transform: (Int) -> String
) -> String {
    let openBytes = Array(String(open).utf8), closeBytes = Array(String(close).utf8)
    let (openFirst, closeFirst) = (openBytes[0], closeBytes[0])
    // A whole sheet is scanned once per kind of marker: test one byte
    // before comparing a pattern, and copy unmarked runs in one piece.
    guard text.utf8.contains(openFirst) else { return text }
    let bytes = Array(text.utf8)
    func matches(_ pattern: [UInt8], at i: Int) -> Bool {
        guard i + pattern.count <= bytes.count else { return false }
        for k in 1..<pattern.count where bytes[i + k] != pattern[k] { return false }
        return true
    }
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var i = 0
    var runStart = 0
    func flush() {
        if runStart < i { out.append(contentsOf: bytes[runStart..<i]) }
    }
    while i < bytes.count {
        let byte = bytes[i]
        if byte == openFirst, matches(openBytes, at: i) {
            flush()
            var j = i + openBytes.count
            var number = 0
            var digits = 0
            while j < bytes.count, bytes[j] >= 0x30, bytes[j] <= 0x39, digits < 9 {
                number = number * 10 + Int(bytes[j] - 0x30)
                digits += 1
                j += 1
            }
            if digits > 0, j < bytes.count, bytes[j] == closeFirst, matches(closeBytes, at: j) {
                out.append(contentsOf: transform(number).utf8)
                i = j + closeBytes.count
            } else {
                i += openBytes.count
            }
            runStart = i
            continue
        }
        if byte == closeFirst, matches(closeBytes, at: i) {
            flush()
            i += closeBytes.count
            runStart = i
            continue
        }
        i += 1
    }
    flush()
    return String(decoding: out, as: UTF8.self)
}
