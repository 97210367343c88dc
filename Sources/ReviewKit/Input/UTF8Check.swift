/// Validates UTF-8 once, before parsing.
///
/// Checking up front keeps the parser simple: afterwards every byte at or
/// above 0x80 belongs to a well-formed character, so columns can be counted
/// by lead bytes and string contents can be copied byte for byte. The rules
/// are the strict ones of Unicode (no overlong forms, no encoded surrogates,
/// nothing above U+10FFFF), so a bad file is reported where it goes wrong
/// instead of turning into replacement characters in a student's answer.
enum UTF8Check {
    /// The offset of the first byte that does not begin a well-formed
    /// sequence, or `nil` when `bytes[start...]` is valid UTF-8.
    static func firstInvalidOffset(in bytes: [UInt8], from start: Int) -> Int? {
        var i = start
        let n = bytes.count
        while i < n {
            let lead = bytes[i]
            if lead < 0x80 {
                i += 1
                continue
            }
            // Length of the sequence and the allowed range of its second byte.
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0          // no overlong 3-byte forms
            case 0xE1...0xEC, 0xEE, 0xEF: length = 3
            case 0xED: length = 3; high = 0x9F          // no UTF-16 surrogates
            case 0xF0: length = 4; low = 0x90          // no overlong 4-byte forms
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F          // nothing above U+10FFFF
            default: return i
            }
            guard i + 1 < n, bytes[i + 1] >= low, bytes[i + 1] <= high else { return i }
            for k in 2..<length {
                guard i + k < n, bytes[i + k] & 0xC0 == 0x80 else { return i }
            }
            i += length
        }
        return nil
    }
}
