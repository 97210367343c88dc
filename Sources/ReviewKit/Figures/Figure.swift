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
        replaceMarkers(in: text, open: open, close: close, transform)
    }

    static func strip(_ text: String) -> String {
        replace(in: text) { _ in "" }
    }
}

/// Replaces every run of `open`, digits, `close` in `text` with
/// `transform(digits)`: the scanner behind `FigureMarker` and `SectionMarker`.
func replaceMarkers(
    in text: String, open: Unicode.Scalar, close: Unicode.Scalar, _ transform: (Int) -> String
) -> String {
    guard text.unicodeScalars.contains(open) else { return text }
    var out = String.UnicodeScalarView()
    var digits: String.UnicodeScalarView?
    for scalar in text.unicodeScalars {
        if var number = digits {
            if scalar == close, let index = Int(String(number)) {
                out.append(contentsOf: transform(index).unicodeScalars)
                digits = nil
            } else if ("0"..."9").contains(scalar) {
                number.append(scalar)
                digits = number
            } else {
                digits = nil
                out.append(scalar)
            }
        } else if scalar == open {
            digits = .init()
        } else {
            out.append(scalar)
        }
    }
    return String(out)
}
