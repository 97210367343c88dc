/// Exact LaTeX forms of the normalisation factors, as a student writes them
/// before reaching for a calculator: 1/√6, 1/2, 1/(2√2), 1/3.
///
/// This is notation, so it lives with the presenter; the solver's numbers
/// are untouched. A form is given only when every input is a small integer
/// (degrees of a 0/1 graph); weighted graphs with fractional weights get
/// decimals only.
enum GCNExactForms {
    /// Radicands above this are written as decimals: √(17·23) helps no one.
    static let largestRadicand = 400

    /// `a / √p` in lowest terms: 1/√4 → `\frac{1}{2}`, 1/√8 →
    /// `\frac{1}{2\sqrt{2}}`, 2/√2 → `\sqrt{2}`; nil unless both are
    /// small non-negative integers and p ≥ 1.
    static func overSquareRoot(_ a: Double, _ p: Double) -> String? {
        guard let a = smallInteger(a), let p = smallInteger(p), p >= 1, p <= largestRadicand else { return nil }
        if a == 0 { return "0" }
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
        var numerator = a
        var denominator = k
        let g = gcd(numerator, denominator)
        numerator /= g
        denominator /= g
        if m == 1 { return fraction(numerator, denominator) }
        if numerator % m == 0 {
            // a/(k√m) = (a/m)√m / k
            let coefficient = numerator / m
            let root = "\(coefficient == 1 ? "" : String(coefficient))\\sqrt{\(m)}"
            return denominator == 1 ? root : "\\frac{\(root)}{\(denominator)}"
        }
        let below = denominator == 1 ? "\\sqrt{\(m)}" : "\(denominator)\\sqrt{\(m)}"
        return "\\frac{\(numerator)}{\(below)}"
    }

    /// `a / d` in lowest terms (`\frac{1}{3}`, `2`); nil unless both are
    /// small integers and d ≥ 1.
    static func fraction(_ a: Double, _ d: Double) -> String? {
        guard let a = smallInteger(a), let d = smallInteger(d), d >= 1 else { return nil }
        let g = gcd(a, d)
        return fraction(a / max(g, 1), d / max(g, 1))
    }

    private static func fraction(_ numerator: Int, _ denominator: Int) -> String {
        denominator == 1 ? String(numerator) : "\\frac{\(numerator)}{\(denominator)}"
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
