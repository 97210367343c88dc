/// One worked step, recorded once by a solver or a topic: everything the
/// JSON `steps`, the sheet's formulas and the reproducibility check need.
///
/// `formula` is the rule with symbols (`a_i = z_i - m`); `substituted` is
/// the same computation with the numbers put in, without its left side
/// (`[2 - 2, 1 - 2, 0.1 - 2]`); `name` is the left side it is written under
/// (`a`), so the JSON reads `a = [2 - 2, …]`.
struct WorkedStep: Sendable, Equatable {
    var id: String
    /// The JSON `label`: a short name for the quantity.
    var label: String
    var formula: Formula
    var name: Formula?
    var substituted: Formula
    var value: StepValue

    /// The value as numbers: `0.7311`, `(0.659, 0.2424, 0.0986)`, a matrix.
    var result: Formula { value.formula }

    /// `substituted =≈ value`, the tail of a worked line.
    var worked: Formula { substituted .=≈ result }

    /// `lhs = substituted =≈ value`: a whole worked line, e.g. with the
    /// step's `formula` or `name` as `lhs`.
    func line(from lhs: Formula) -> Formula { lhs .= substituted .=≈ result }

    /// Entry `i` of a vector step: its substituted entry and its value.
    func entry(_ i: Int) -> (substituted: Formula, value: Formula) {
        guard case .vector(let entries) = substituted, case .vector(let values) = value else {
            preconditionFailure("step \(id) is not a vector step")
        }
        return (entries[i], .number(values[i]))
    }

    /// `substituted_i =≈ value_i` for entry `i` of a vector step.
    func worked(_ i: Int) -> Formula {
        let (substituted, value) = entry(i)
        return substituted .=≈ value
    }
}

/// What a step computed: a number, a vector or a matrix, kept at full
/// precision (JSON writes it as is; sheets round it through `NumberPolicy`).
enum StepValue: Sendable, Equatable {
    case scalar(Double)
    case vector([Double])
    case matrix([[Double]])

    var formula: Formula {
        switch self {
        case .scalar(let x): return .number(x)
        case .vector(let xs): return .vector(xs)
        case .matrix(let rows): return .matrix(rows)
        }
    }

    /// Whether every number in it is finite (`FiniteCheck`).
    var isFinite: Bool {
        switch self {
        case .scalar(let x): return x.isFinite
        case .vector(let xs): return xs.allSatisfy(\.isFinite)
        case .matrix(let rows): return rows.allSatisfy { $0.allSatisfy(\.isFinite) }
        }
    }

    /// How many numbers it holds (`WorkBudget` counts them).
    var count: Int {
        switch self {
        case .scalar: return 1
        case .vector(let xs): return xs.count
        case .matrix(let rows): return rows.reduce(0) { $0 + $1.count }
        }
    }

    var json: JSONValue {
        switch self {
        case .scalar(let x): return .number(x)
        case .vector(let xs): return .array(xs.map { .number($0) })
        case .matrix(let rows): return .array(rows.map { .array($0.map { .number($0) }) })
        }
    }
}

/// The steps of one solution in the order they were computed. Every
/// notation reads it; none adds to it.
struct Trace: Sendable, Equatable {
    private(set) var steps: [WorkedStep] = []
    private var index: [String: Int] = [:]

    /// Records a step; ids are unique within a trace.
    mutating func record(_ step: WorkedStep) {
        precondition(index[step.id] == nil, "step \(step.id) recorded twice")
        index[step.id] = steps.count
        steps.append(step)
    }

    subscript(id: String) -> WorkedStep {
        guard let i = index[id] else { preconditionFailure("no step \(id)") }
        return steps[i]
    }

    /// The JSON `steps`, written by the plain-text writer.
    func jsonSteps(policy: NumberPolicy = .standard) -> [Step] {
        let writer = PlainFormulaWriter(policy: policy)
        return steps.map { step in
            let substituted = step.name.map { $0 .= step.substituted } ?? step.substituted
            return Step(
                id: step.id, label: step.label, formula: writer.write(step.formula),
                substituted: writer.write(substituted), value: step.value.json)
        }
    }
}

extension Trace {
    /// Records a step from its parts, as the topics' traces write them one
    /// after another; the JSON label is the id unless one is given.
    mutating func record(
        _ id: String, label: String? = nil, _ formula: Formula, name: Formula?, _ substituted: Formula, _ value: StepValue
    ) {
        record(WorkedStep(id: id, label: label ?? id, formula: formula, name: name, substituted: substituted, value: value))
    }
}
