/// LaTeX for the conv sheet: shapes, counts, and the size rule along one
/// axis written in symbols and then with the layer's numbers.
///
/// The symbols follow the course notes' (ω − F + 2P)/S + 1 with the input
/// named by its axis: H for height, W for width. When height and width are
/// computed alike the two are written once with bare F, S, P; otherwise
/// every symbol carries its axis (F_h, S_w …) so nobody has to guess which
/// number belongs where.
enum ConvNotation {
    /// `28 \times 28 \times 6`, or `120` for a flat vector.
    static func shape(_ shape: ConvModel.Shape) -> String {
        shape.dimensions.map(String.init).joined(separator: " \\times ")
    }

    /// `3 \times 5` for a kernel.
    static func window(_ pair: ConvModel.Pair) -> String {
        "\(pair.height) \\times \(pair.width)"
    }

    /// `2`, or `(2, 1)` for a pair (height, width).
    static func pair(_ pair: ConvModel.Pair) -> String {
        pair.isSquare ? "\(pair.height)" : "(\(pair.height), \(pair.width))"
    }

    /// A count in LaTeX with thin groups of three: `138{,}357{,}544`.
    /// Four digits stay ungrouped (2416), as printed in most textbooks.
    static func count(_ n: Int) -> String {
        n < 10_000 ? String(n) : grouped(n, separator: "{,}")
    }

    /// A count as plain text for table cells: `138,357,544`.
    static func plainCount(_ n: Int) -> String {
        grouped(n, separator: ",")
    }

    private static func grouped(_ n: Int, separator: String) -> String {
        var digits = String(n.magnitude)
        var groups: [String] = []
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        groups.insert(digits, at: 0)
        return (n < 0 ? "-" : "") + groups.joined(separator: separator)
    }

    // MARK: One axis

    /// How one axis is named: both at once, or height or width alone; and
    /// whether the hyperparameters need an axis subscript (F_h, S_w) because
    /// they differ between height and width.
    struct Axis: Equatable {
        enum Side { case both, height, width }

        var side: Side
        var subscripted: Bool

        static let both = Axis(side: .both, subscripted: false)

        /// The output size's symbol(s), e.g. `H_{\text{out}} = W_{\text{out}}`.
        var output: String {
            switch side {
            case .both: return "H_{\\text{out}} = W_{\\text{out}}"
            case .height: return "H_{\\text{out}}"
            case .width: return "W_{\\text{out}}"
            }
        }

        var input: String { side == .width ? "W_{\\text{in}}" : "H_{\\text{in}}" }

        /// A hyperparameter's symbol: `F`, `F_h`, `F'_w` …
        func symbol(_ base: String) -> String {
            guard subscripted else { return base }
            return side == .width ? "\(base)_w" : "\(base)_h"
        }

        var before: String {
            switch side {
            case .both: return "P_{\\text{top}} = P_{\\text{left}}"
            case .height: return "P_{\\text{top}}"
            case .width: return "P_{\\text{left}}"
            }
        }

        var after: String {
            switch side {
            case .both: return "P_{\\text{bottom}} = P_{\\text{right}}"
            case .height: return "P_{\\text{bottom}}"
            case .width: return "P_{\\text{right}}"
            }
        }
    }

    /// `F' = D(F - 1) + 1 = 2 \cdot (3 - 1) + 1 = 5`
    static func effectiveKernel(_ a: ConvSolver.Axis, _ axis: Axis) -> String {
        let f = axis.symbol("F"), d = axis.symbol("D")
        return "\(axis.symbol("F'")) = \(d)(\(f) - 1) + 1 = \(a.dilation) \\cdot (\(a.kernel) - 1) + 1 = \(a.effectiveKernel)"
    }

    /// The kernel symbol the size rule uses: the effective one when dilated.
    private static func kernelSymbol(_ a: ConvSolver.Axis, _ axis: Axis) -> String {
        axis.symbol(a.dilation == 1 ? "F" : "F'")
    }

    /// `H_out = ⌊(H_in + 2P − F)/S⌋ + 1 = ⌊(32 + 2·0 − 5)/1⌋ + 1 = 27 + 1 = 28`.
    /// For `"same"` the padding on the two sides may differ, so both are
    /// written (`P_top + P_bottom`) in the check.
    static func sizeRule(_ a: ConvSolver.Axis, _ axis: Axis) -> String {
        let pad: String
        let padNumbers: String
        if a.same {
            pad = axis.side == .width ? "P_{\\text{left}} + P_{\\text{right}}" : "P_{\\text{top}} + P_{\\text{bottom}}"
            padNumbers = "\(a.padBefore) + \(a.padAfter)"
        } else {
            pad = "2\(axis.symbol("P"))"
            padNumbers = "2 \\cdot \(a.padBefore)"
        }
        let s = axis.symbol("S")
        var line = "\(axis.output) = \\left\\lfloor \\frac{\(axis.input) + \(pad) - \(kernelSymbol(a, axis))}{\(s)} \\right\\rfloor + 1"
        line += " = \\left\\lfloor \\frac{\(a.input) + \(padNumbers) - \(a.effectiveKernel)}{\(a.stride)} \\right\\rfloor + 1"
        if a.stride != 1 {
            line += " = \\left\\lfloor \\frac{\(a.numerator)}{\(a.stride)} \\right\\rfloor + 1"
        }
        line += " = \(a.quotient) + 1 = \(a.output)"
        return line
    }

    /// `\frac{31}{2} = 15.5`: the division that was not exact.
    static func inexactDivision(_ a: ConvSolver.Axis) -> String {
        "\\frac{\(a.numerator)}{\(a.stride)} \(NumberFormat.result(a.ratio))"
    }

    /// `\lfloor 15.5 \rfloor = 15`
    static func floor(_ a: ConvSolver.Axis) -> String {
        "\\lfloor \(NumberFormat.latex(a.ratio)) \\rfloor = \(a.quotient)"
    }

    /// `H_out = ⌈H_in / S⌉ = ⌈32 / 2⌉ = 16`
    static func sameOutput(_ a: ConvSolver.Axis, _ axis: Axis) -> String {
        "\(axis.output) = \\left\\lceil \\frac{\(axis.input)}{\(axis.symbol("S"))} \\right\\rceil = \\left\\lceil \\frac{\(a.input)}{\(a.stride)} \\right\\rceil = \(a.output)"
    }

    /// `\frac{32}{3} \approx 10.6667`, when `"same"` had to round up.
    static func sameDivision(_ a: ConvSolver.Axis) -> String {
        "\\frac{\(a.input)}{\(a.stride)} \(NumberFormat.result(a.sameRatio))"
    }

    /// `P = max((H_out − 1)·S + F − H_in, 0) = max((16 − 1)·2 + 5 − 32, 0) = 3`
    static func samePadding(_ a: ConvSolver.Axis, _ axis: Axis) -> String {
        let out = axis.side == .width ? "W_{\\text{out}}" : "H_{\\text{out}}"
        let p = axis.symbol("P")
        return "\(p) = \\max\\left((\(out) - 1) \(axis.symbol("S")) + \(kernelSymbol(a, axis)) - \(axis.input),\\ 0\\right)"
            + " = \\max\\left((\(a.output) - 1) \\cdot \(a.stride) + \(a.effectiveKernel) - \(a.input),\\ 0\\right) = \(a.totalPadding)"
    }

    /// `P_top = ⌊3/2⌋ = 1`, `P_bottom = 3 − 1 = 2`: TensorFlow puts the odd
    /// pixel after the input (bottom, right).
    static func sameSplit(_ a: ConvSolver.Axis, _ axis: Axis) -> (before: String, after: String) {
        let before = "\(axis.before) = \\left\\lfloor \\frac{\(a.totalPadding)}{2} \\right\\rfloor = \(a.padBefore)"
        let after = "\(axis.after) = \(a.totalPadding) - \(a.padBefore) = \(a.padAfter)"
        return (before, after)
    }
}
