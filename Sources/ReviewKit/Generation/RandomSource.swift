/// The only source of randomness for generated problems: SplitMix64, with
/// our own range and choice helpers.
///
/// Why not `Int.random(in:using:)`: the standard library does not promise
/// how it maps generator output to a range, so a toolchain update could
/// change every generated sheet. Every draw here is specified by this file,
/// so a seed printed on a sheet rebuilds the same sheet forever.
public struct RandomSource: Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    /// A source for one part of a larger job (`gen`'s problem `i`, `build`'s
    /// student and section): its draws depend only on `seed` and `labels`, so
    /// adding a student or a problem changes no other part's problems.
    public init(seed: UInt64, labels: [String]) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a over the labels
        for label in labels {
            for byte in label.utf8 {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            }
            hash = (hash ^ 0xff) &* 0x0000_0100_0000_01b3
        }
        var mixer = RandomSource(seed: seed ^ hash)
        state = mixer.next()
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// A uniform integer in `range` (rejection sampling, no modulo bias).
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) &+ 1
        if span == 0 { return Int(truncatingIfNeeded: next()) }
        let limit = UInt64.max - UInt64.max % span
        var draw = next()
        while draw >= limit { draw = next() }
        return range.lowerBound + Int(draw % span)
    }

    /// A uniform double in [0, 1).
    public mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    public mutating func chance(_ probability: Double) -> Bool {
        unit() < probability
    }

    public mutating func pick<T>(_ choices: [T]) -> T {
        choices[int(in: 0...choices.count - 1)]
    }

    /// A number with one decimal in `range` (tenths), e.g. 1.3 or -0.7.
    public mutating func tenths(in range: ClosedRange<Int>) -> Double {
        Double(int(in: range.lowerBound * 10...range.upperBound * 10)) / 10
    }

    public mutating func shuffled<T>(_ values: [T]) -> [T] {
        var result = values
        guard result.count > 1 else { return result }
        for i in stride(from: result.count - 1, to: 0, by: -1) {
            result.swapAt(i, int(in: 0...i))
        }
        return result
    }
}

/// How hard a generated problem is; each topic says what that means for it.
public enum Difficulty: String, CaseIterable, Sendable {
    case easy, standard, hard
}
