extension Double {
    /// 0 for a value that is only binary noise next to `scale` (the size of
    /// what it was computed from: below 1e-12 of it), else the value itself.
    /// Decimals that cancel on paper leave such noise in binary floating
    /// point (1.9 − 1.9000000000000001, 0.1 + 0.2 − 0.3 = 5.6e-17,
    /// 0.4 − 1.4 + 1), and a sheet showing −2.22 × 10⁻¹⁶ could not be redone
    /// by hand. Bellman's steps and tables, the sequence topics' sums
    /// (`MatrixMath.sum`) and loss's hinge margins all clean it this way.
    func withoutNoise(scale: Double) -> Double {
        Swift.abs(self) <= 1e-12 * scale ? 0 : self
    }
}
