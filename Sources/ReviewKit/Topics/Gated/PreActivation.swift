/// A gate's pre-activation as a sum of terms, each a matrix times a vector
/// (`W h_{t−1}`), an element-wise product (`r_t ⊙ (W h_{t−1})`, a peephole
/// `p ⊙ c_{t−1}`) or a bias. One description gives the numbers and the three
/// ways a sheet writes them: in symbols, with the matrices put in, and entry
/// by entry as the sums a student adds up.
///
/// The value of entry k is added in the order the entry is written, so the
/// shown sum and the computed number agree term for term.
struct PreActivation: Sendable {
    enum Term: Sendable {
        /// `M v`
        case product(_ matrix: [[Double]], _ matrixSymbol: Formula, _ vector: [Double], _ vectorSymbol: Formula)
        /// `a ⊙ v`
        case elementwise(_ a: [Double], _ aSymbol: Formula, _ v: [Double], _ vSymbol: Formula)
        /// `b`
        case bias(_ b: [Double], _ symbol: Formula)
    }

    var terms: [Term]

    /// How many entries the result has.
    var count: Int {
        switch terms[0] {
        case .product(let m, _, _, _): return m.count
        case .elementwise(let a, _, _, _): return a.count
        case .bias(let b, _): return b.count
        }
    }

    /// `W^{(i)} h_0 + U^{(i)} x_1 + b^{(i)}`
    var symbolic: Formula {
        .sum(terms.map { term in
            switch term {
            case .product(_, let m, _, let v): return .juxtapose(m, v)
            case .elementwise(_, let a, _, let v): return .hadamard(a, v)
            case .bias(_, let b): return b
            }
        })
    }

    /// The same with the numbers put in: matrices times column vectors.
    var withMatrices: Formula {
        .sum(terms.map { term in
            switch term {
            case .product(let m, _, let v, _): return .juxtapose(.matrix(m), .column(v))
            case .elementwise(let a, _, let v, _): return .hadamard(.column(a), .column(v))
            case .bias(let b, _): return .column(b)
            }
        })
    }

    /// The products and bias that make up entry k, in order.
    func entryTerms(_ k: Int) -> [Formula] {
        terms.flatMap { term -> [Formula] in
            switch term {
            case .product(let m, _, let v, _): return Formula.rowTerms(m[k], v)
            case .elementwise(let a, _, let v, _): return [.number(a[k]) * .number(v[k])]
            case .bias(let b, _): return [.number(b[k])]
            }
        }
    }

    /// Every entry written out: `(0.5 · 1 + (−0.5) · 0 + 0.1, …)`.
    var expanded: Formula { .vector((0..<count).map { .sum(entryTerms($0)) }) }

    /// The numbers, each entry summed in the order it is written.
    var values: [Double] {
        (0..<count).map { k in
            terms.reduce(0.0) { total, term in
                switch term {
                case .product(let m, _, let v, _): return zip(m[k], v).reduce(total) { $0 + $1.0 * $1.1 }
                case .elementwise(let a, _, let v, _): return total + a[k] * v[k]
                case .bias(let b, _): return total + b[k]
                }
            }
        }
    }
}

/// Vector arithmetic of a gated cell, entry by entry.
enum CellMath {
    static func apply(_ f: Activation, _ v: [Double]) -> [Double] { v.map(f.value) }
    static func hadamard(_ a: [Double], _ b: [Double]) -> [Double] { zip(a, b).map { $0 * $1 } }
    static func matrixVector(_ m: [[Double]], _ v: [Double]) -> [Double] {
        m.map { zip($0, v).reduce(0) { $0 + $1.0 * $1.1 } }
    }
    static func oneMinus(_ v: [Double]) -> [Double] { v.map { 1 - $0 } }
}

/// The symbols gated cells share: weights with the gate as a bracketed
/// superscript (`W^{(i)}`, `U^{(z)}`, `b^{(\tilde h)}`, as the notes' GRU
/// slide writes `W^{(z)}`), the pre-activation `a^{(i)}_t`, and states with
/// the step as subscript (`h_0`, `x_1`, `c_1`).
enum CellNotation {
    /// `(i)`: the gate's label as a superscript.
    static func gateLabel(_ gate: Formula) -> Formula { .vector([gate]) }

    static func weight(_ letter: String, _ gate: Formula) -> Formula { .symbol(letter, sup: gateLabel(gate)) }

    /// `a^{(i)}_t`
    static func pre(_ gate: Formula, _ t: Int) -> Formula { .symbol("a", sub: .integer(t), sup: gateLabel(gate)) }

    /// `h_t`, `x_t`, `c_t`, `i_t`, …
    static func at(_ name: String, _ t: Int, accent: Accent? = nil) -> Formula { .symbol(name, sub: .integer(t), accent: accent) }

    /// A gate's pre-activation from its parameters: `W h_{t−1} + U x_t + b`,
    /// plus a peephole term when given.
    static func standard(
        _ gate: GateParameters, label: Formula, t: Int, h: [Double], x: [Double], hName: String = "h"
    ) -> PreActivation {
        PreActivation(terms: [
            .product(gate.wh, weight("W", label), h, at(hName, t - 1)),
            .product(gate.ux, weight("U", label), x, at("x", t)),
            .bias(gate.b, weight("b", label)),
        ])
    }
}
