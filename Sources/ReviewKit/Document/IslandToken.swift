/// The placeholder that stands for an island (a formula, a table, a picture)
/// in Markdown on its way through cmark: U+E000, the island's index in
/// decimal, U+E001. Private-use characters are plain text to cmark, so a
/// token survives parsing intact inside one text node; text from problem
/// files has these characters stripped (`IslandToken.strip`) so it cannot
/// forge one.
enum IslandToken {
    static let open: Unicode.Scalar = "\u{E000}"
    static let close: Unicode.Scalar = "\u{E001}"

    static func make(_ index: Int) -> String {
        "\u{E000}\(index)\u{E001}"
    }

    enum Piece: Equatable {
        case text(String)
        case island(Int)
    }

    /// Cheap test on a C string from cmark: does it hold U+E000 (EE 80 80)?
    static func mayContainToken(_ cString: UnsafePointer<CChar>) -> Bool {
        var pointer = cString
        while pointer.pointee != 0 {
            if UInt8(bitPattern: pointer.pointee) == 0xEE { return true }
            pointer += 1
        }
        return false
    }

    /// Splits text into plain runs and island indices.
    static func split(_ text: String) -> [Piece] {
        var pieces: [Piece] = []
        var run = String.UnicodeScalarView()
        var digits: String.UnicodeScalarView?
        for scalar in text.unicodeScalars {
            if var number = digits {
                if scalar == close, let index = Int(String(number)) {
                    if !run.isEmpty { pieces.append(.text(String(run))); run = .init() }
                    pieces.append(.island(index))
                    digits = nil
                } else if ("0"..."9").contains(scalar) {
                    number.append(scalar)
                    digits = number
                } else {
                    digits = nil  // not a token after all; drop the stray marker
                    run.append(scalar)
                }
            } else if scalar == open {
                digits = .init()
            } else {
                run.append(scalar)
            }
        }
        if !run.isEmpty { pieces.append(.text(String(run))) }
        return pieces
    }

    /// Removes the characters the tool reserves for its own markers (tokens,
    /// figure and section markers, table highlights: U+E000–U+E00F) from
    /// untrusted text.
    static func strip(_ text: String) -> String {
        let reserved: ClosedRange<Unicode.Scalar> = "\u{E000}"..."\u{E00F}"
        guard text.unicodeScalars.contains(where: { reserved.contains($0) }) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.filter { !reserved.contains($0) }))
    }
}
