/// The placeholder that stands for an embed (a formula, a table, a picture)
/// in Markdown on its way through cmark: U+E000, the embed's index in
/// decimal, U+E001. Private-use characters are plain text to cmark, so a
/// token survives parsing intact inside one text node; text from problem
/// files has these characters stripped (`EmbedToken.strip`) so it cannot
/// forge one.
enum EmbedToken {
    static let open: Unicode.Scalar = "\u{E000}"
    static let close: Unicode.Scalar = "\u{E001}"

    static func make(_ index: Int) -> String {
        "\u{E000}\(index)\u{E001}"
    }

    enum Piece: Equatable {
        case text(String)
        case embed(Int)

        /// The run of plain text, nil for an embed.
        var text: String? {
            if case .text(let text) = self { return text }
            return nil
        }
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

    /// Splits text into plain runs and embed indices, bytewise (U+E000 is
    /// EE 80 80 and U+E001 is EE 80 81 in UTF-8). A marker that does not
    /// form a whole token is dropped.
    static func split(_ text: String) -> [Piece] {
        let bytes = Array(text.utf8)
        var pieces: [Piece] = []
        var run: [UInt8] = []
        func isMarker(_ i: Int, _ last: UInt8) -> Bool {
            i + 2 < bytes.count && bytes[i] == 0xEE && bytes[i + 1] == 0x80 && bytes[i + 2] == last
        }
        var i = 0
        while i < bytes.count {
            if isMarker(i, 0x80) {
                var j = i + 3
                var index = 0
                var digits = 0
                while j < bytes.count, bytes[j] >= 0x30, bytes[j] <= 0x39, digits < 9 {
                    index = index * 10 + Int(bytes[j] - 0x30)
                    digits += 1
                    j += 1
                }
                if digits > 0, isMarker(j, 0x81) {
                    if !run.isEmpty { pieces.append(.text(String(decoding: run, as: UTF8.self))); run.removeAll() }
                    pieces.append(.embed(index))
                    i = j + 3
                } else {
                    i += 3
                }
                continue
            }
            run.append(bytes[i])
            i += 1
        }
        if !run.isEmpty { pieces.append(.text(String(decoding: run, as: UTF8.self))) }
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
