/// Greek letters spelt out in symbol and function names (`sigma`, `Delta`),
/// shared by the writers so `σ` is the same letter in every notation.
enum SymbolNames {
    private static let letters: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "zeta": "ζ", "eta": "η",
        "theta": "θ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π",
        "rho": "ρ", "sigma": "σ", "tau": "τ", "upsilon": "υ", "phi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
        "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ",
        "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
    ]

    /// `σ` for `sigma`, nil for a name that is not a Greek letter.
    static func greekLetter(_ name: String) -> String? { letters[name] }

    /// The name as a reader sees it: Greek letters as letters, others as given.
    static func display(_ name: String) -> String { letters[name] ?? name }
}

extension SymbolNames {
    /// A function name's trailing primes (`.call("sigma'", z)` is σ′(z)):
    /// the same rule `Symbol` applies to symbol names, for names of
    /// functions, which are not symbols.
    static func splitPrimes(_ name: String) -> (base: String, primes: Int) {
        let base = String(name.reversed().drop { $0 == "'" }.reversed())
        return base.isEmpty ? (name, 0) : (base, name.count - base.count)
    }
}
