/// A student's *variant code*: eight characters printed on their sheets
/// (`7KQ2-M9X7`) from which `review key HANDOUT CODE` finds the student
/// again, and with them their answer key. A paper exam then needs no name
/// list beside it: the grader types the code off the sheet.
///
/// The algorithm (written out so any implementation gives the same codes;
/// `Tests/ReviewKitTests/VariantCodeTests.swift` checks codes worked out by
/// an independent Python implementation of exactly this):
///
/// 1. Bytes: `review-variant-code`, a 0 byte, the handout seed in decimal,
///    a 0 byte, the student's id, all UTF-8.
/// 2. Hash: 64-bit FNV-1a over those bytes (offset basis
///    `0xcbf29ce484222325`, prime `0x100000001b3`), then SplitMix64's
///    finaliser: `z ^= z >> 30; z *= 0xbf58476d1ce4e5b9; z ^= z >> 27;
///    z *= 0x94d049bb133111eb; z ^= z >> 31` (all mod 2^64).
/// 3. Data: the top 35 bits (`z >> 29`) as seven base-32 digits, most
///    significant first, in Crockford's alphabet `0123456789ABCDEFGHJKMNPQRSTVWXYZ`.
/// 4. Check: the Damm algorithm over GF(32) = GF(2)[x]/(x⁵ + x² + 1), with
///    the quasigroup `a ∗ b = x·a ⊕ b`: `r = 0`, `r = x·r ⊕ d` for each
///    data digit, and the check digit is `x·r` (so the same step over all
///    eight digits ends at 0).
/// 5. Shown as `DDDD-DDDC`. Read back ignoring case, spaces and hyphens,
///    with Crockford's aliases `I`, `L` → `1` and `O` → `0`.
///
/// Why Damm over GF(32): the check character is one more letter of the same
/// alphabet (no `*~$=` as in Crockford's mod-37 check), and `a ∗ b` is a
/// totally anti-symmetric quasigroup (`x·(u ⊕ v) = u ⊕ v` only for `u = v`,
/// since `x ≠ 1`), so every single wrong character and every swap of two
/// adjacent different characters (the check character included) is caught.
///
/// 35 bits make two students of a full roster (999) share a code about once
/// in 70,000 handouts; `HandoutReader` refuses such a seed (or draws
/// another), so a code always names one student.
public struct VariantCode: Sendable, Hashable, CustomStringConvertible {
    /// The eight digits (0..<32), the check digit last.
    public let digits: [UInt8]

    static let alphabet: [Character] = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    static let dataLength = 7
    static let length = dataLength + 1

    /// The code of `studentID` on a handout with seed `handoutSeed`.
    public init(handoutSeed: UInt64, studentID: String) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        let bytes = Array("review-variant-code".utf8) + [0] + Array(String(handoutSeed).utf8) + [0] + Array(studentID.utf8)
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        var z = hash
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        z ^= z >> 31
        let data = z >> 29
        var digits = (0..<Self.dataLength).map { UInt8((data >> (5 * UInt64(Self.dataLength - 1 - $0))) & 31) }
        digits.append(Self.checkDigit(digits))
        self.digits = digits
    }

    private init(digits: [UInt8]) {
        self.digits = digits
    }

    /// `7KQ2-M9X7`: two groups of four, easy to copy by eye.
    public var description: String {
        let symbols = String(digits.map { Self.alphabet[Int($0)] })
        return String(symbols.prefix(4)) + "-" + String(symbols.dropFirst(4))
    }

    // MARK: The check digit

    /// `x·a` in GF(32): shift, and reduce by x⁵ + x² + 1 (0b100101).
    static func timesX(_ a: UInt8) -> UInt8 {
        let shifted = a << 1
        return shifted & 32 != 0 ? shifted ^ 0b10_0101 : shifted
    }

    /// The Damm interim digit after `digits`: 0 for a whole, valid code.
    static func interim(_ digits: [UInt8]) -> UInt8 {
        digits.reduce(0) { timesX($0) ^ $1 }
    }

    static func checkDigit(_ data: [UInt8]) -> UInt8 {
        timesX(interim(data))
    }

    // MARK: Reading a typed code

    /// Why typed text is not a code.
    public enum ReadError: Error, Sendable, Equatable {
        /// Not eight characters of the alphabet (after the aliases).
        case malformed(String)
        /// Eight good characters whose check does not match: a typo.
        case wrongCheck
    }

    /// Reads a code as a grader types it: any case, spaces and hyphens
    /// anywhere, `I`/`L` for `1` and `O` for `0`.
    public static func read(_ text: String) -> Result<VariantCode, ReadError> {
        var digits: [UInt8] = []
        for character in text.uppercased() where character != "-" && !character.isWhitespace {
            let symbol: Character = switch character {
            case "I", "L": "1"
            case "O": "0"
            default: character
            }
            guard let value = alphabet.firstIndex(of: symbol) else {
                return .failure(.malformed("'\(character)' is not used in codes"))
            }
            digits.append(UInt8(value))
        }
        guard digits.count == length else {
            return .failure(.malformed("a code has \(length) characters, this one \(digits.count)"))
        }
        guard interim(digits) == 0 else { return .failure(.wrongCheck) }
        return .success(VariantCode(digits: digits))
    }
}

extension VariantCode {
    /// Two students of a roster whose codes are the same, if any: the first
    /// such pair in roster order. `code` is the code of an id (a parameter
    /// so tests can make codes collide).
    static func firstShared(_ ids: [String], code: (String) -> VariantCode)
        -> (first: String, second: String, code: VariantCode)?
    {
        var seen: [VariantCode: String] = [:]
        for id in ids {
            let code = code(id)
            if let first = seen[code] { return (first, id, code) }
            seen[code] = id
        }
        return nil
    }

    /// Two students of a handout whose codes would be the same, worded for an error line.
    static func sharedMessage(_ ids: [String], seed: UInt64) -> String? {
        guard let shared = firstShared(ids, code: { VariantCode(handoutSeed: seed, studentID: $0) }) else { return nil }
        return "students \(Field.quoteName(shared.first)) and \(Field.quoteName(shared.second)) would share "
            + "the variant code \(shared.code); choose another seed"
    }
}
