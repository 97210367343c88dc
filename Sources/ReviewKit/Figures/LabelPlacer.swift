/// Puts each label of a figure where it overlaps no label placed before it
/// (issue 16: "figure labels never overlap"). A drawing offers a few
/// positions per label, best first; the first whose box is free wins, and
/// when none is, the one that overlaps least. Boxes are estimated without a
/// font, a little wider than a real font draws (0.6 em a Latin character,
/// a full em a Chinese one), so a free box is free on the page too.
struct LabelPlacer {
    struct Box {
        var minX, maxX, minY, maxY: Double

        func overlap(_ other: Box) -> Double {
            max(0, min(maxX, other.maxX) - max(minX, other.minX)) * max(0, min(maxY, other.maxY) - max(minY, other.minY))
        }
    }

    struct Spot {
        var x: Double
        var y: Double
        var anchor: FigureCanvas.Anchor = .middle

        var point: GraphLayout.Point { .init(x: x, y: y) }
    }

    private(set) var boxes: [Box] = []

    /// The box of `text` at baseline point `(x, y)`.
    static func box(_ text: String, size: Double, at spot: Spot) -> Box {
        let width = text.reduce(0.0) { $0 + (isWide($1) ? 1.0 : 0.6) } * size
        let left: Double
        switch spot.anchor {
        case .start: left = spot.x
        case .middle: left = spot.x - width / 2
        case .end: left = spot.x - width
        }
        return Box(minX: left, maxX: left + width, minY: spot.y - 0.8 * size, maxY: spot.y + 0.25 * size)
    }

    /// Remembers a label that stays where it is (an axis number, a node's name).
    mutating func fix(_ text: String, size: Double, at spot: Spot) {
        boxes.append(Self.box(text, size: size, at: spot))
    }

    /// The first of `spots` where `text` overlaps nothing placed so far
    /// (else the least crowded one), remembered from now on.
    mutating func place(_ text: String, size: Double, _ spots: [Spot]) -> Spot {
        var best = spots[0], least = Double.infinity
        for spot in spots {
            let box = Self.box(text, size: size, at: spot)
            let crowd = boxes.reduce(0) { $0 + $1.overlap(box) }
            if crowd < least { (best, least) = (spot, crowd) }
            if crowd == 0 { break }
        }
        boxes.append(Self.box(text, size: size, at: best))
        return best
    }

    /// A group of labels kept together (a wire's value above and gradient
    /// below), offset `(dx, dy)` from the spot: placed as one, at the first
    /// of `spots` where none of them overlaps anything.
    mutating func place(group: [(text: String, size: Double, dx: Double, dy: Double)], _ spots: [Spot]) -> Spot {
        func boxes(_ spot: Spot) -> [Box] {
            group.map { Self.box($0.text, size: $0.size, at: Spot(x: spot.x + $0.dx, y: spot.y + $0.dy, anchor: spot.anchor)) }
        }
        var best = spots[0], least = Double.infinity
        for spot in spots {
            let crowd = boxes(spot).reduce(0) { total, box in total + self.boxes.reduce(0) { $0 + $1.overlap(box) } }
            if crowd < least { (best, least) = (spot, crowd) }
            if crowd == 0 { break }
        }
        self.boxes += boxes(best)
        return best
    }

    /// Chinese, Japanese and Korean characters and full-width forms take a whole em.
    static func isWide(_ c: Character) -> Bool {
        guard let v = c.unicodeScalars.first?.value else { return false }
        return (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v)
    }
}
