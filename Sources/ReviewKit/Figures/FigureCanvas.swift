import Foundation

/// A picture as a list of simple shapes in pixel coordinates (y down), written
/// out as inline SVG or as a `tikzpicture`. Drawing once and writing twice
/// keeps the HTML and LaTeX pictures the same picture.
///
/// Arrowheads are triangles computed here rather than SVG `<marker>`s, so a
/// page with many figures has no clashing element ids, and TikZ draws exactly
/// the same heads. Coordinates are printed with one decimal, so the output is
/// deterministic; a canvas with a non-finite coordinate is refused
/// (`isFinite`), never written as `nan`.
struct FigureCanvas {
    struct Point: Equatable {
        var x: Double
        var y: Double
    }

    enum Anchor { case start, middle, end }

    /// A colour as `#rrggbb`.
    typealias Colour = String

    enum Shape {
        case rect(x: Double, y: Double, width: Double, height: Double, fill: Colour?, stroke: Colour?, corner: Double)
        case circle(center: Point, radius: Double, fill: Colour?, stroke: Colour?, width: Double)
        case polygon([Point], fill: Colour?, stroke: Colour?)
        case line([Point], stroke: Colour, width: Double, dashed: Bool)
        /// `x, y` is the baseline point; `halo` puts a white outline behind
        /// the letters so a label stays legible over lines.
        case text(
            String, at: Point, size: Double, anchor: Anchor, colour: Colour, bold: Bool, italic: Bool, halo: Bool)
    }

    private(set) var shapes: [Shape] = []

    // MARK: Drawing

    mutating func rect(
        _ x: Double, _ y: Double, _ width: Double, _ height: Double, fill: Colour? = nil, stroke: Colour? = nil,
        corner: Double = 0
    ) {
        shapes.append(.rect(x: x, y: y, width: width, height: height, fill: fill, stroke: stroke, corner: corner))
    }

    mutating func circle(_ center: Point, _ radius: Double, fill: Colour? = nil, stroke: Colour? = nil, width: Double = 1.4) {
        shapes.append(.circle(center: center, radius: radius, fill: fill, stroke: stroke, width: width))
    }

    mutating func polygon(_ points: [Point], fill: Colour?, stroke: Colour? = nil) {
        shapes.append(.polygon(points, fill: fill, stroke: stroke))
    }

    mutating func line(_ points: [Point], stroke: Colour, width: Double = 1.4, dashed: Bool = false) {
        shapes.append(.line(points, stroke: stroke, width: width, dashed: dashed))
    }

    /// A line from `a` to `b` ending in a filled arrowhead whose tip is at `b`.
    mutating func arrow(_ a: Point, _ b: Point, colour: Colour, width: Double = 1.4, head: Double = 8) {
        let length = hypot(b.x - a.x, b.y - a.y)
        guard length > 0 else { return }
        let (ux, uy) = ((b.x - a.x) / length, (b.y - a.y) / length)
        let base = Point(x: b.x - ux * head, y: b.y - uy * head)
        line([a, base], stroke: colour, width: width)
        polygon(arrowhead(tip: b, direction: (ux, uy), size: head), fill: colour)
    }

    /// The triangle of an arrowhead with its tip at `tip`, pointing along the
    /// unit vector `direction`.
    func arrowhead(tip: Point, direction: (Double, Double), size: Double) -> [Point] {
        let (ux, uy) = direction
        let base = Point(x: tip.x - ux * size, y: tip.y - uy * size)
        let half = size * 0.45
        return [tip, Point(x: base.x - uy * half, y: base.y + ux * half), Point(x: base.x + uy * half, y: base.y - ux * half)]
    }

    mutating func text(
        _ text: String, _ x: Double, _ y: Double, size: Double = 13, anchor: Anchor = .middle,
        colour: Colour = "#1d2330", bold: Bool = false, italic: Bool = false, halo: Bool = false
    ) {
        shapes.append(
            .text(
                text, at: Point(x: x, y: y), size: size, anchor: anchor, colour: colour, bold: bold, italic: italic,
                halo: halo))
    }

    // MARK: Size

    /// An estimate of a label's width: figures use short labels (numbers,
    /// shapes), for which 0.6 em per character is close enough to keep
    /// them inside the canvas.
    static func textWidth(_ text: String, size: Double) -> Double {
        Double(text.count) * size * 0.6
    }

    /// The smallest box around every shape, labels included.
    var bounds: (minX: Double, minY: Double, maxX: Double, maxY: Double) {
        var xs: [Double] = [], ys: [Double] = []
        for shape in shapes {
            switch shape {
            case .rect(let x, let y, let w, let h, _, _, _):
                xs += [x, x + w]; ys += [y, y + h]
            case .circle(let c, let r, _, _, _):
                xs += [c.x - r, c.x + r]; ys += [c.y - r, c.y + r]
            case .polygon(let points, _, _), .line(let points, _, _, _):
                xs += points.map(\.x); ys += points.map(\.y)
            case .text(let text, let p, let size, let anchor, _, _, _, _):
                let width = Self.textWidth(text, size: size)
                let left = anchor == .start ? p.x : anchor == .middle ? p.x - width / 2 : p.x - width
                xs += [left, left + width]; ys += [p.y - size, p.y + size * 0.3]
            }
        }
        return (xs.min() ?? 0, ys.min() ?? 0, xs.max() ?? 0, ys.max() ?? 0)
    }

    /// Every coordinate and size is a finite number.
    var isFinite: Bool {
        let b = bounds
        return [b.minX, b.minY, b.maxX, b.maxY].allSatisfy(\.isFinite)
    }

    // MARK: SVG

    /// Inline SVG whose view box is the bounds plus `margin`.
    func svg(cssClass: String, margin: Double = 12) -> String {
        let b = bounds
        let (x0, y0) = (b.minX - margin, b.minY - margin)
        let (width, height) = (b.maxX - b.minX + 2 * margin, b.maxY - b.minY + 2 * margin)
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"\(cssClass)\" viewBox=\"\(n(x0)) \(n(y0)) \(n(width)) \(n(height))\" "
            + "width=\"\(Int(width.rounded(.up)))\" style=\"max-width:100%;height:auto\" role=\"img\" font-family=\"inherit\">\n"
        for shape in shapes { out += svg(shape) + "\n" }
        return out + "</svg>"
    }

    private func svg(_ shape: Shape) -> String {
        func paint(_ fill: Colour?, _ stroke: Colour?, _ width: Double = 1.2) -> String {
            "fill=\"\(fill ?? "none")\"" + (stroke.map { " stroke=\"\($0)\" stroke-width=\"\(n(width))\"" } ?? "")
        }
        switch shape {
        case .rect(let x, let y, let w, let h, let fill, let stroke, let corner):
            return "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(w))\" height=\"\(n(h))\""
                + (corner > 0 ? " rx=\"\(n(corner))\"" : "") + " \(paint(fill, stroke))/>"
        case .circle(let c, let r, let fill, let stroke, let width):
            return "<circle cx=\"\(n(c.x))\" cy=\"\(n(c.y))\" r=\"\(n(r))\" \(paint(fill, stroke, width))/>"
        case .polygon(let points, let fill, let stroke):
            return "<polygon points=\"\(svgPoints(points))\" \(paint(fill, stroke))/>"
        case .line(let points, let stroke, let width, let dashed):
            return "<polyline points=\"\(svgPoints(points))\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(n(width))\""
                + (dashed ? " stroke-dasharray=\"4 3\"" : "") + "/>"
        case .text(let text, let p, let size, let anchor, let colour, let bold, let italic, let halo):
            let anchorName = anchor == .start ? "start" : anchor == .middle ? "middle" : "end"
            var attributes = "x=\"\(n(p.x))\" y=\"\(n(p.y))\" text-anchor=\"\(anchorName)\" font-size=\"\(n(size))\" fill=\"\(colour)\""
            if bold { attributes += " font-weight=\"bold\"" }
            if italic { attributes += " font-style=\"italic\"" }
            if halo { attributes += " paint-order=\"stroke\" stroke=\"#ffffff\" stroke-width=\"4\"" }
            return "<text \(attributes)>\(FigureText.xml(text))</text>"
        }
    }

    private func svgPoints(_ points: [Point]) -> String {
        points.map { "\(n($0.x)),\(n($0.y))" }.joined(separator: " ")
    }

    // MARK: TikZ

    /// A `tikzpicture` at most `maxWidth` centimetres wide (a pixel is at
    /// most 0.022 cm, so small pictures keep the size of their SVG twin).
    /// Text is set in the document font at the matching point size.
    func tikz(maxWidth: Double = 15.5) -> String {
        let b = bounds
        let scale = min(0.022, maxWidth / max(b.maxX - b.minX, 1))
        func point(_ p: Point) -> String { "(\(n((p.x - b.minX) * scale, 3)),\(n(-(p.y - b.minY) * scale, 3)))" }
        var colours: [Colour] = []
        func colour(_ c: Colour) -> String {
            if !colours.contains(c) { colours.append(c) }
            return "fig" + c.dropFirst()
        }
        var body = ""
        for shape in shapes {
            switch shape {
            case .rect(let x, let y, let w, let h, let fill, let stroke, let corner):
                let options = paint(fill, stroke, colour) + (corner > 0 ? ", rounded corners=\(n(corner * scale, 3))cm" : "")
                body += "\\path[\(options)] \(point(Point(x: x, y: y))) rectangle \(point(Point(x: x + w, y: y + h)));\n"
            case .circle(let c, let r, let fill, let stroke, let width):
                body += "\\path[\(paint(fill, stroke, colour)), line width=\(n(width * 0.6))pt] \(point(c)) circle (\(n(r * scale, 3))cm);\n"
            case .polygon(let points, let fill, let stroke):
                body += "\\path[\(paint(fill, stroke, colour))] \(points.map(point).joined(separator: " -- ")) -- cycle;\n"
            case .line(let points, let stroke, let width, let dashed):
                body += "\\draw[\(colour(stroke)), line width=\(n(width * 0.6))pt\(dashed ? ", dashed" : "")] "
                    + points.map(point).joined(separator: " -- ") + ";\n"
            case .text(let text, let p, let size, let anchor, let c, let bold, let italic, let halo):
                let points = size * scale * 28.45
                let anchorName = anchor == .start ? "base west" : anchor == .middle ? "base" : "base east"
                var font = "\\fontsize{\(n(points))}{\(n(points * 1.2))}\\selectfont"
                if bold { font += "\\bfseries" }
                if italic { font += "\\itshape" }
                let background = halo ? ", fill=white, inner sep=0.5pt" : ", inner sep=0pt"
                body += "\\node[anchor=\(anchorName)\(background), text=\(colour(c)), font=\(font)] at \(point(p)) {\(TextEscaping.latex(text))};\n"
            }
        }
        let definitions = colours.map { "\\definecolor{fig\($0.dropFirst())}{HTML}{\($0.dropFirst().uppercased())}\n" }.joined()
        return "\\begin{tikzpicture}\n" + definitions + body + "\\end{tikzpicture}"
    }

    private func paint(_ fill: Colour?, _ stroke: Colour?, _ colour: (Colour) -> String) -> String {
        var parts: [String] = []
        if let fill { parts.append("fill=\(colour(fill))") }
        if let stroke { parts.append("draw=\(colour(stroke))") }
        return parts.isEmpty ? "draw=none" : parts.joined(separator: ", ")
    }

    private func n(_ value: Double, _ decimals: Int = 1) -> String {
        NumberFormat.coordinate(value, decimals: decimals)
    }
}
