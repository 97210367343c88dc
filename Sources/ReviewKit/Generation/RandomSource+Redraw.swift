/// Drawing until a candidate is fit for a sheet: every generator draws a
/// problem (or a part of one) and redraws when it is dull or not
/// hand-solvable. Written once so each generator states only what it draws
/// and what it accepts, and the draws stay in one fixed order per seed.
extension RandomSource {
    /// Draws with `draw` until `accept` holds, and returns that draw (for
    /// parts that are accepted often, such as logits that are not all equal).
    mutating func redraw<T>(_ draw: (inout RandomSource) -> T, until accept: (T) -> Bool) -> T {
        while true {
            let candidate = draw(&self)
            if accept(candidate) { return candidate }
        }
    }

    /// At most `tries` draws; the first one `accept` takes, or nil when none
    /// did (the caller then falls back to a known-good problem).
    mutating func firstAccepted<T>(tries: Int, _ draw: (inout RandomSource) -> T, where accept: (T) -> Bool) -> T? {
        for _ in 0..<tries {
            let candidate = draw(&self)
            if accept(candidate) { return candidate }
        }
        return nil
    }
}
