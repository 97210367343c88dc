/// What a GRU and an LSTM problem share: inputs x (one row per step), the
/// named gates' parameters and the starting state h_0. The fields, the
/// reading of `gates`, the per-step answers and the sheet limit are written
/// once here for both.
protocol GatedCellProblem: Sendable {
    /// The gate names in the contract's order (`gates` keys, answers).
    associatedtype Gate: RawRepresentable<String> & CaseIterable & Sendable where Gate.AllCases == [Gate]
    /// T×d, row t−1 is x_t.
    var x: [[Double]] { get set }
    /// One per gate, in `Gate.allCases` order.
    var gates: [GateParameters] { get set }
    var h0: [Double] { get set }
}

extension GatedCellProblem {
    var units: Int { gates.first?.wh.count ?? 0 }
}

/// Steps a gated-cell problem may have (each is a page of a sheet; JSON
/// takes them all), and how many a worked sheet shows.
enum GatedCellLimits {
    static let maxSteps = 1000
    static let maxSheetSteps = 50

    static func sheetLimit(steps: Int) -> SolveError? {
        .sheetLimit(steps, atMost: maxSheetSteps, at: "x", "has \(steps) steps")
    }
}

extension FieldSchema.Spec where Problem: GatedCellProblem {
    /// `x`: the T×d inputs.
    static var cellInputs: Self {
        .custom(
            "x", type: "T×d matrix", doc: "the inputs, row $t-1$ is $x_t$ (one row per step)",
            read: { field, problem in problem.x = try GateDecoding.inputs(field, maxSteps: GatedCellLimits.maxSteps) },
            write: { GateDecoding.matrixJSON($0.x) })
    }

    /// `gates`: one object per gate (tables in `gatesSchema`), read by `read`.
    static func cellGates(
        _ gatesSchema: FieldSchema<Problem>,
        read: @escaping @Sendable (Field, _ inputs: Int) throws -> [GateParameters]
    ) -> Self {
        let names = Problem.Gate.allCases.map { "`\($0.rawValue)`" }
        return .custom(
            "gates", type: "object with \(names.dropLast().joined(separator: ", ")), \(names.last!) (tables below)",
            doc: "each gate's $W$ (`Wh`, on $h_{t-1}$), $U$ (`Ux`, on $x_t$) and $b$; the first matrix sets the $n$ units",
            read: { field, problem in problem.gates = try read(field, problem.x[0].count) },
            write: { gatesSchema.encodedObject($0) })
    }

    /// `h0` (or `c0` through `path`): a starting vector of n numbers, zeros when absent.
    static func cellStart(_ name: String, _ path: WritableKeyPath<Problem, [Double]> & Sendable) -> Self {
        .custom(
            name, type: "vector of n numbers", default: "zeros", doc: "$\(name.prefix(1))_0$",
            read: { field, problem in problem[keyPath: path] = try GateDecoding.vector(field, count: problem.units) },
            write: { GateDecoding.vectorJSON($0[keyPath: path]) })
    }
}

extension FieldSchema where Problem: GatedCellProblem {
    /// The README table of `gates`: one row per gate, documented by `doc`.
    static func cellGateTable(_ gateSchema: FieldSchema<GateParameters>, doc: @escaping (Problem.Gate) -> String) -> Self {
        FieldSchema(Problem.Gate.allCases.enumerated().map { index, gate in
            .readWithSiblings(
                gate.rawValue, type: "gate object (table below)", doc: doc(gate),
                write: { gateSchema.encodedObject($0.gates[index]) })
        })
    }
}

extension GateDecoding {
    /// Every gate of `gates`, in order; the first sets n. `allowsPeephole`
    /// and `peepholeRefusal` as in `gate(_:units:inputs:allowsPeephole:peepholeRefusal:)`.
    static func gates<Gate: RawRepresentable<String> & CaseIterable>(
        _ field: Field, _: Gate.Type, inputs d: Int, allowsPeephole: (Gate) -> Bool?, peepholeRefusal: String = ""
    ) throws -> [GateParameters] {
        let object = try field.object(allowedKeys: Gate.allCases.map(\.rawValue))
        var gates: [GateParameters] = []
        for gate in Gate.allCases {
            gates.append(try GateDecoding.gate(
                try object.required(gate.rawValue), units: gates.first?.wh.count, inputs: d,
                allowsPeephole: allowsPeephole(gate), peepholeRefusal: peepholeRefusal))
        }
        return gates
    }

    /// The answers both cells give per step: `pre_activations` and each
    /// gate's values (a row per step), then the cell's own rows (`extra`).
    static func stepAnswers<Gate: RawRepresentable<String> & CaseIterable, Step>(
        _ steps: [Step], _: Gate.Type, pre: (Step) -> [[Double]], values: (Step) -> [[Double]],
        extra: [(String, (Step) -> [Double])]
    ) -> JSONValue {
        func rows(_ pick: (Step) -> [Double]) -> JSONValue { matrixJSON(steps.map(pick)) }
        let gates = Array(Gate.allCases.enumerated())
        return .object(
            [("pre_activations", .object(gates.map { k, gate in (gate.rawValue, rows { pre($0)[k] }) }))]
                + gates.map { k, gate in (gate.rawValue, rows { values($0)[k] }) }
                + extra.map { name, pick in (name, rows(pick)) })
    }
}
