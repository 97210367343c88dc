extension RandomSource {
    /// One decimal in `range`, never 0, drawn again until it is not: a zero
    /// start has a zero gradient (optimizer), a zero input wipes out half a
    /// graph's gradients (backprop).
    mutating func nonzeroTenths(in range: ClosedRange<Int>) -> Double {
        redraw({ $0.tenths(in: range) }, until: { $0 != 0 })
    }
}
