/// Exact forms of the symmetric normalisation factors a/√p, as a student
/// writes them before reaching for a calculator: 1/√6, 1/2, 1/(2√2), √2.
///
/// Only where simplifying a root helps: row normalisation needs none,
/// because the number policy already shows 1/3 as a fraction. A form is
/// given only when both inputs are small integers (a 0/1 graph); weighted
/// graphs get 1/√(3.5 · 4) and its decimal.
enum GCNExactForms {
    /// Radicands above this are left as decimals: √(17·23) helps no one.
    static let largestRadicand = 400

    /// `a / √p` in lowest terms: 1/√4 → 1/2, 1/√8 → 1/(2√2), 2/√2 → √2;
    /// nil unless both are small non-negative integers and 1 ≤ p ≤ 400.
    static func overSquareRoot(_ a: Double, _ p: Double) -> Formula? {
        guard let a = smallInteger(a), let p = smallInteger(p), p >= 1, p <= largestRadicand else { return nil }
        if a == 0 { return .integer(0) }
        // p = k² m with m square-free, so √p = k√m.
        var k = 1
        var m = p
        var f = 2
        while f * f <= m {
            while m % (f * f) == 0 {
                m /= f * f
                k *= f
            }
            f += 1
        }
        let g = gcd(a, k)
        var numerator = a / g
        let denominator = k / g
        if m == 1 { return fraction(.integer(numerator), denominator) }
        guard numerator % m == 0 else {
            let below: Formula = denominator == 1 ? .sqrt(.integer(m)) : .juxtapose(.integer(denominator), .sqrt(.integer(m)))
            return .frac(.integer(numerator), below)
        }
        // a/(k√m) = (a/m)√m / k
        numerator /= m
        let root: Formula = numerator == 1 ? .sqrt(.integer(m)) : .juxtapose(.integer(numerator), .sqrt(.integer(m)))
        return fraction(root, denominator)
    }

    private static func fraction(_ numerator: Formula, _ denominator: Int) -> Formula {
        denominator == 1 ? numerator : .frac(numerator, .integer(denominator))
    }

    private static func smallInteger(_ x: Double) -> Int? {
        guard x >= 0, x <= 10_000, x.rounded() == x else { return nil }
        return Int(x)
    }

    private static func gcd(_ a: Int, _ b: Int) -> Int {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return x
    }
}
