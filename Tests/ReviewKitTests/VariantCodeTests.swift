import Testing
@testable import ReviewKit

/// Variant codes: stable for a seed and a student (checked against an
/// independent implementation), and a check character that catches every
/// single wrong character and every swap of two adjacent ones.
@Suite struct VariantCodeTests {
    /// Worked out by `scripts/variant-code.py`, a Python implementation
    /// written from the algorithm in `VariantCode`'s doc comment (general
    /// GF(32) multiplication, Python's own integers), before the Swift code
    /// was run: if either drifts from the documented algorithm, these fail.
    @Test func codesAreThoseOfTheDocumentedAlgorithm() {
        let expected: [(seed: UInt64, id: String, code: String)] = [
            (2026, "001", "SSY2-7JV3"),
            (2026, "002", "MXA5-MCHF"),
            (2026, "Ann", "133H-964A"),
            (2026, "王小明", "VH79-9H8Q"),
            (2026, "s7", "6Z5E-Y5AE"),
            (7, "2024003", "9TZE-SSV3"),
        ]
        for (seed, id, code) in expected {
            #expect(VariantCode(handoutSeed: seed, studentID: id).description == code, "seed \(seed), id \(id)")
        }
    }

    @Test func codesAreStableAndDependOnSeedAndStudent() {
        let code = VariantCode(handoutSeed: 2026, studentID: "Ann")
        #expect(VariantCode(handoutSeed: 2026, studentID: "Ann") == code)
        #expect(VariantCode(handoutSeed: 2027, studentID: "Ann") != code)
        #expect(VariantCode(handoutSeed: 2026, studentID: "ann") != code)
    }

    /// The operation `a ∗ b = x·a ⊕ b` is a quasigroup (each row and column
    /// a permutation) and totally anti-symmetric: the two facts the check
    /// relies on, checked over all of GF(32).
    @Test func theCheckOperationIsATotallyAntiSymmetricQuasigroup() {
        func star(_ a: UInt8, _ b: UInt8) -> UInt8 { VariantCode.timesX(a) ^ b }
        for a in UInt8(0)..<32 {
            #expect(Set((0..<32).map { star(a, $0) }).count == 32)
            #expect(Set((0..<32).map { star($0, a) }).count == 32)
        }
        for c in UInt8(0)..<32 {
            for x in UInt8(0)..<32 {
                for y in UInt8(0)..<32 where x != y {
                    #expect(star(star(c, x), y) != star(star(c, y), x))
                }
            }
        }
    }

    /// Codes of 300 students over several seeds; in each, every character
    /// (the check included) replaced by each of the 31 others, and every
    /// two adjacent different characters swapped: all rejected as typos.
    @Test func theCheckCatchesEverySubstitutionAndAdjacentSwap() {
        let alphabet = VariantCode.alphabet
        var tried = 0
        for seed: UInt64 in [1, 2026, 9_007_199_254_740_991] {
            for n in 0..<100 {
                let code = VariantCode(handoutSeed: seed, studentID: "student-\(n)")
                let symbols = Array(code.description.filter { $0 != "-" })
                #expect(VariantCode.read(String(symbols)) == .success(code))
                for i in symbols.indices {
                    for other in alphabet where other != symbols[i] {
                        var typo = symbols
                        typo[i] = other
                        tried += 1
                        #expect(VariantCode.read(String(typo)) == .failure(.wrongCheck), "\(code) → \(String(typo))")
                    }
                    if i + 1 < symbols.count && symbols[i] != symbols[i + 1] {
                        var swapped = symbols
                        swapped.swapAt(i, i + 1)
                        tried += 1
                        #expect(VariantCode.read(String(swapped)) == .failure(.wrongCheck), "\(code) → \(String(swapped))")
                    }
                }
            }
        }
        #expect(tried > 300 * 8 * 31)
    }

    @Test func codesAreReadAsGradersTypeThem() {
        let code = VariantCode(handoutSeed: 2026, studentID: "001")  // SSY2-7JV3
        for typed in ["SSY2-7JV3", "ssy27jv3", " SSY2 7JV3 ", "ssy2-7jv3"] {
            #expect(VariantCode.read(typed) == .success(code), "\(typed)")
        }
        // Crockford's aliases: I and L are 1, O is 0.
        let withOne = VariantCode(handoutSeed: 2026, studentID: "Ann")  // 133H-964A
        #expect(VariantCode.read("I33H-964A") == .success(withOne))
        #expect(VariantCode.read("l33h964a") == .success(withOne))
        #expect(VariantCode.read("SSY2-7JU3") == .failure(.malformed("'U' is not used in codes")))
        #expect(VariantCode.read("SSY2-7JV") == .failure(.malformed("a code has 8 characters, this one 7")))
        #expect(VariantCode.read("") == .failure(.malformed("a code has 8 characters, this one 0")))
    }

    @Test func twoStudentsSharingACodeAreFound() {
        let fake = VariantCode(handoutSeed: 1, studentID: "x")
        let shared = VariantCode.firstShared(["a", "b", "c", "d"]) {
            $0 == "b" || $0 == "d" ? fake : VariantCode(handoutSeed: 5, studentID: $0)
        }
        #expect(shared?.first == "b" && shared?.second == "d" && shared?.code == fake)
        #expect(VariantCode.firstShared(["a", "b"]) { VariantCode(handoutSeed: 5, studentID: $0) } == nil)
        #expect(VariantCode.sharedMessage((1...999).map { Student.padded($0) }, seed: 2026) == nil)
    }
}
