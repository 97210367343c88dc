/// The parts of a gated cell's sheet that GRU and LSTM write the same way:
/// the given inputs and gate parameters, each gate's pre-activation (in
/// symbols, with the matrices put in, entry by entry) and its value, and a
/// vector update split into one line per entry. Each topic's presenter keeps
/// only what its cell has of its own (the reset input and the update rule;
/// the cell state and the peepholes).
///
/// Every formula comes from the trace or from the `PreActivation` the
/// solver summed; `book` collects them in the order the sheet shows them.
struct GatedCellSheet {
    let trace: Trace
    /// n: one unit means every vector is shown as its one number.
    let units: Int
    var book = FormulaBook()

    // MARK: Question

    /// `T`, `n`, `d` and the flags both cells' templates test.
    static func flags(x: [[Double]], gates: [GateParameters], units n: Int) -> TemplateObject {
        [
            "T": .text(x.count), "n": .text(n), "d": .text(x[0].count),
            "oneStep": .flag(x.count == 1), "oneUnit": .flag(n == 1),
            "stacked": .flag(gates.contains(where: \.stacked)),
        ]
    }

    /// `x_1 = …`, `x_2 = …` as a list (`line`, `last`).
    mutating func inputs(_ x: [[Double]]) -> TemplateData {
        .list(x.indices) { row in
            ["line": .text(book.inline(CellNotation.at("x", row + 1) .= .vector(x[row]))), "last": .flag(row == x.count - 1)]
        }
    }

    /// `h_0 = …` (or `c_0 = …`): a starting vector.
    mutating func start(_ name: String, _ value: [Double]) -> TemplateData {
        .text(book.inline(CellNotation.at(name, 0) .= .vector(value)))
    }

    /// One gate's given parameters: `W` and `U` (or the stacked `W`) and `b`,
    /// added to `flags` (which name the gate for the templates).
    mutating func givenGate(_ p: GateParameters, label: Formula, flags: TemplateObject) -> TemplateObject {
        var object = flags
        if p.stacked {
            object["W"] = .text(book.inline(.symbol("W", sup: CellNotation.gateLabel(label)) .= .matrix(p.w)))
            object["stackedGate"] = true
        } else {
            object["W"] = .text(book.inline(CellNotation.weight("W", label) .= .matrix(p.wh)))
            object["U"] = .text(book.inline(CellNotation.weight("U", label) .= .matrix(p.ux)))
        }
        object["b"] = .text(book.inline(CellNotation.weight("b", label) .= .vector(p.b)))
        return object
    }

    // MARK: Solution

    /// What step t starts from: `t`, `x_t = …`, `h_{t−1} = …`.
    mutating func stepStart(t: Int, x: [Double], hPrevious: [Double]) -> TemplateObject {
        [
            "t": .text(t), "tPrevious": .text(t - 1), "first": .flag(t == 1),
            "xLine": .text(book.inline(CellNotation.at("x", t) .= .vector(x))),
            "hLine": .text(book.inline(CellNotation.at("h", t - 1) .= .vector(hPrevious))),
        ]
    }

    /// One gate at step t: its pre-activation `a` (symbols, matrices, entry
    /// by entry; the trace step `pre_activations.<id>[t−1]`) and its value
    /// (the trace step `<id>[t−1]`), added to `flags`.
    mutating func gate(
        _ id: String, label: Formula, t: Int, pre a: PreActivation, preValues: [Double], flags: TemplateObject
    ) -> TemplateObject {
        let row = t - 1
        let name = trace["pre_activations.\(id)[\(row)]"].name ?? CellNotation.pre(label, t)
        var object = flags
        if units > 1 {
            // Two lines, so neither runs off the page: the matrices, then each entry's sum.
            object["preLine"] = .text(book.display(name .= a.symbolic .= a.withMatrices))
            object["preExpanded"] = .text(book.display(
                name .= .column((0..<units).map { .sum(a.entryTerms($0)) }) .=≈ .column(preValues)))
        } else {
            object["preLine"] = .text(book.display(name .= a.symbolic .= .sum(a.entryTerms(0)) .=≈ .number(preValues[0])))
        }
        object["valueLine"] = .text(book.display(scalarIfOne(trace["\(id)[\(row)]"])))
        return object
    }

    /// `formula = substituted ≈ value`, with the one entry of a one-unit
    /// cell as a plain number rather than a vector of one.
    func scalarIfOne(_ step: WorkedStep) -> Formula {
        if units == 1, case .vector(let entries) = step.substituted, case .vector(let values) = step.result {
            return step.formula .= entries[0] .=≈ values[0]
        }
        return step.formula .= step.substituted .=≈ step.result
    }

    /// A vector update `name = rule = vectors ⊙ vectors`, then each entry
    /// written out as a column (`<key>Line`, `<key>Expanded`); one line for
    /// a one-unit cell, whose entries are plain numbers.
    mutating func split(_ key: String, _ step: WorkedStep, entries: [Formula]) -> TemplateObject {
        let name = step.name ?? step.formula
        guard case .vector(let values) = step.result else { preconditionFailure("\(step.id) is not a vector step") }
        guard entries.count > 1 else {
            return ["\(key)Line": .text(book.display(step.formula .= entries[0] .=≈ values[0]))]
        }
        return [
            "\(key)Line": .text(book.display(step.formula .= step.substituted)),
            "\(key)Expanded": .text(book.display(name .= .column(entries) .=≈ .column(values))),
        ]
    }

    /// `h_T ≈ …` (or `c_T`): the last step's vector, the final answer.
    mutating func answer(_ name: String, step t: Int, _ value: [Double]) -> TemplateData {
        .text(book.inline(CellNotation.at(name, t) .=≈ .vector(value)))
    }
}

extension GatedCellSheet {
    /// Records one gate of step t: its pre-activation (`pre_activations.<id>[t−1]`,
    /// entry by entry) and its value `f(a)` (`<id>[t−1]`) under the name `value`.
    static func recordGate(
        _ trace: inout Trace, id: String, label: Formula, t: Int, pre a: PreActivation, preValues: [Double],
        activation f: Activation, value: Formula, values: [Double]
    ) {
        let row = t - 1
        let name = CellNotation.pre(label, t)
        trace.record(WorkedStep(
            id: "pre_activations.\(id)[\(row)]", label: "a^(\(id))_\(t)",
            formula: name .= a.symbolic, name: name, substituted: a.expanded, value: .vector(preValues)))
        trace.record(WorkedStep(
            id: "\(id)[\(row)]", label: "\(id)_\(t)", formula: value .= f.formula(name), name: value,
            substituted: .vector(preValues.map { f.formula(.number($0)) }), value: .vector(values)))
    }
}
