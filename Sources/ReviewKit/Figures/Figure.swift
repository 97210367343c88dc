/// A picture on a sheet, drawn by the project (no image files, no network):
/// the same drawing written three ways, one per output format.
///
/// Topics build figures from their traces with a `…Drawing` type under
/// `Figures/`; the renderers only paste the right version in.
struct Figure: Sendable, Equatable {
    /// Inline SVG for HTML pages.
    var svg: String
    /// A `tikzpicture` for LaTeX documents.
    var tikz: String
    /// A Mermaid diagram for Markdown (GitHub renders `mermaid` code blocks).
    var mermaid: String
    /// One line under the picture (plain text).
    var caption: String
}

/// Where figures wait while a sheet's Markdown is assembled: a presenter
/// puts `FigureMarker.make(i)` on a line of its own, the sheet renumbers the
/// markers of each problem into one list, and `IslandExtractor` turns them
/// into islands.
enum FigureMarker {
    static let open: Unicode.Scalar = "\u{E002}"
    static let close: Unicode.Scalar = "\u{E003}"

    static func make(_ index: Int) -> String {
        "\u{E002}\(index)\u{E003}"
    }

    /// Replaces each marker `i` with `transform(i)`.
    static func replace(in text: String, _ transform: (Int) -> String) -> String {
        // U+E002 is EE 80 82 in UTF-8; most text has none, so look bytewise first.
        let bytes = text.utf8
        guard bytes.contains(0xEE) else { return text }
        let scalars = Array(bytes)
        var out: [UInt8] = []
        out.reserveCapacity(scalars.count)
        var i = 0
        while i < scalars.count {
            if i + 2 < scalars.count, scalars[i] == 0xEE, scalars[i + 1] == 0x80, scalars[i + 2] == 0x82 {
                var j = i + 3
                var number = 0
                var digits = 0
                while j < scalars.count, scalars[j] >= 0x30, scalars[j] <= 0x39, digits < 9 {
                    number = number * 10 + Int(scalars[j] - 0x30)
                    digits += 1
                    j += 1
                }
                if digits > 0, j + 2 < scalars.count, scalars[j] == 0xEE, scalars[j + 1] == 0x80, scalars[j + 2] == 0x83 {
                    out.append(contentsOf: transform(number).utf8)
                    i = j + 3
                    continue
                }
                i += 3  // a stray marker character is dropped
                continue
            }
            out.append(scalars[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func strip(_ text: String) -> String {
        replace(in: text) { _ in "" }
    }
}
