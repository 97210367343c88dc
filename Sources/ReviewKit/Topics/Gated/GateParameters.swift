/// One gate of a gated cell (`lstm`, `gru`): the matrix `Wh` on the previous
/// state h_{t−1}, the matrix `Ux` on the input x_t, the bias `b`, and for an
/// LSTM's sigmoid gates an optional peephole vector on the cell.
///
/// The course's mnemonic "Wh + Ux" (notes 003) is kept in the names: what
/// multiplies h is `Wh`, what multiplies x is `Ux`, whatever letters a slide
/// uses. A gate written as one `W` on the stacked [h_{t−1}, x_t] (notes 000,
/// `W_i @ [h_{t−1}, x_t]`, h first) is split into the same two blocks and
/// remembered as stacked, so the echoed problem keeps the file's form.
struct GateParameters: Sendable, Equatable {
    /// n×n, multiplies h_{t−1}.
    var wh: [[Double]]
    /// n×d, multiplies x_t.
    var ux: [[Double]]
    /// n entries (zeros when absent).
    var b: [Double]
    /// n entries: p ⊙ c added to the pre-activation (LSTM i, f, o only).
    var peephole: [Double]?
    /// Given as one `W` = [Wh | Ux] on [h_{t−1}, x_t].
    var stacked = false

    /// [Wh | Ux], the stacked form.
    var w: [[Double]] { zip(wh, ux).map { $0 + $1 } }
}

/// The sizes a gated cell's fields must agree on: n units (the rows of the
/// first gate's matrix) and d inputs (the columns of `x`).
struct CellShape: Sendable, Equatable {
    var units: Int
    var inputs: Int
}

/// Reads a gate object and checks every shape against n and d, reporting a
/// misfit as the contract words it: `gates.f.Wh: 2×3, expected 2×2`.
enum GateDecoding {
    /// Units of a cell: every printed vector has n entries and every matrix n rows.
    static let maxUnits = 50

    static let keys = ["Wh", "Ux", "W", "b", "peephole"]

    /// The README table of a gate object (`peephole` only where allowed).
    static func schema(peephole: Bool) -> FieldSchema<GateParameters> {
        var specs: [FieldSchema<GateParameters>.Spec] = [
            .readWithSiblings(
                "Wh", type: "n×n matrix", doc: "multiplies the previous state $h_{t-1}$ (the $W$ of “Wh + Ux”); required unless `W` is given",
                write: { $0.stacked ? .null : matrixJSON($0.wh) }),
            .readWithSiblings(
                "Ux", type: "n×d matrix", doc: "multiplies the input $x_t$ (the $U$ of “Wh + Ux”); required unless `W` is given",
                write: { $0.stacked ? .null : matrixJSON($0.ux) }),
            .readWithSiblings(
                "W", type: "n×(n+d) matrix", default: "none",
                doc: "instead of `Wh` and `Ux`: one matrix on $[h_{t-1}, x_t]$, the $n$ columns for $h$ first",
                write: { $0.stacked ? matrixJSON($0.w) : .null }),
            .readWithSiblings("b", type: "vector of n numbers", default: "zeros", doc: "the bias", write: { vectorJSON($0.b) }),
        ]
        if peephole {
            specs.append(.readWithSiblings(
                "peephole", type: "vector of n numbers", default: "none",
                doc: "$p$: adds $p \\odot c_{t-1}$ (gates `i`, `f`) or $p \\odot c_t$ (gate `o`); not on `g`",
                write: { $0.peephole.map(vectorJSON) ?? .null }))
        }
        return FieldSchema(specs)
    }

    /// One gate. `units` is nil for the first gate read, whose matrix sets n.
    /// `peephole`: whether this gate may have one (nil: the key is unknown
    /// here); `peepholeRefusal` is the error for a gate that may not.
    static func gate(
        _ field: Field, units: Int?, inputs d: Int, allowsPeephole: Bool?, peepholeRefusal: String = ""
    ) throws -> GateParameters {
        let object = try field.object(allowedKeys: allowsPeephole == nil ? keys.filter { $0 != "peephole" } : keys)
        var gate = GateParameters(wh: [], ux: [], b: [])
        if let w = object.optional("W") {
            if object.contains("Wh") || object.contains("Ux") {
                throw w.error("give either 'W' (on [h, x]) or 'Wh' and 'Ux', not both")
            }
            let m = try w.numberMatrix()
            let n = try units ?? firstUnits(m, w)
            try expectShape(m, rows: n, columns: n + d, w)
            gate.wh = m.map { Array($0[0..<n]) }
            gate.ux = m.map { Array($0[n...]) }
            gate.stacked = true
        } else {
            let whField = try object.required("Wh")
            let wh = try whField.numberMatrix()
            let n = try units ?? firstUnits(wh, whField)
            try expectShape(wh, rows: n, columns: n, whField)
            let uxField = try object.required("Ux")
            let ux = try uxField.numberMatrix()
            try expectShape(ux, rows: n, columns: d, uxField)
            gate.wh = wh
            gate.ux = ux
        }
        let n = gate.wh.count
        gate.b = try object.optional("b").map { try vector($0, count: n) } ?? Array(repeating: 0, count: n)
        if let p = object.optional("peephole") {
            guard allowsPeephole == true else { throw p.error(peepholeRefusal) }
            gate.peephole = try vector(p, count: n)
        }
        return gate
    }

    /// n from the first gate's matrix: at least one row, at most `maxUnits`.
    private static func firstUnits(_ m: [[Double]], _ field: Field) throws -> Int {
        guard !m.isEmpty else { throw field.error("must have at least one row (one per unit), got an empty matrix") }
        guard m.count <= maxUnits else { throw field.error("has \(m.count) rows; at most \(maxUnits) units are supported") }
        return m.count
    }

    /// `2×3, expected 2×2`, the contract's wording of a misfit.
    static func expectShape(_ m: [[Double]], rows: Int, columns: Int, _ field: Field) throws {
        let actual = (m.count, m.first?.count ?? 0)
        guard actual != (rows, columns) else { return }
        throw field.error("\(actual.0)×\(actual.1), expected \(rows)×\(columns)")
    }

    /// A vector of exactly `count` numbers: `3 entries, expected 2`.
    static func vector(_ field: Field, count: Int) throws -> [Double] {
        let v = try field.numberArray()
        guard v.count == count else {
            throw field.error("\(v.count) \(v.count == 1 ? "entry" : "entries"), expected \(count)")
        }
        return v
    }

    /// `x`: T×d, one row per step, at least one step and one input.
    static func inputs(_ field: Field, maxSteps: Int) throws -> [[Double]] {
        let x = try field.numberMatrix()
        guard !x.isEmpty else { throw field.error("must have at least one row (one per step), got an empty matrix") }
        guard x.count <= maxSteps else { throw field.error("has \(x.count) rows; at most \(maxSteps) steps are supported") }
        guard !x[0].isEmpty else {
            throw Field(value: field.value, path: field.path.appending(index: 0)).error("must have at least one entry, got an empty row")
        }
        guard x[0].count <= maxUnits else {
            throw field.error("has \(x[0].count) columns; at most \(maxUnits) inputs are supported")
        }
        return x
    }

    static func matrixJSON(_ m: [[Double]]) -> JSONValue { .array(m.map(vectorJSON)) }
    static func vectorJSON(_ v: [Double]) -> JSONValue { .array(v.map { .number($0) }) }
}
