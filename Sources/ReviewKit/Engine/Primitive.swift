/// The primitives an expression can be built from.
///
/// One enum serves both the parser (which only needs names and arities) and the
/// graph (which needs the calculus in `Primitive+Calculus.swift`), so there is a
/// single list of what the `backprop` topic supports.
public enum Primitive: String, Sendable, Equatable, Hashable, CaseIterable {
    case add, subtract, multiply, divide, power, negate
    case exp, log, sqrt, abs, sigmoid, tanh, relu, sin, cos
    case max, min

    /// Functions in the order used to break ties when suggesting a spelling.
    public static let functions: [Primitive] = [
        .exp, .log, .sqrt, .abs, .sigmoid, .tanh, .relu, .sin, .cos, .max, .min,
    ]

    /// The operation written as `name(...)` in the source, if `name` is a function.
    /// Operators (`+`, `^`, unary `-`, …) have no function spelling.
    public init?(functionName name: String) {
        guard let op = Primitive.byFunctionName[name] else { return nil }
        self = op
    }

    /// Looked up for every name the parser reads, so a hash table rather than a scan.
    private static let byFunctionName: [String: Primitive] = Dictionary(
        uniqueKeysWithValues: functions.map { ($0.rawValue, $0) })

    /// Whether this operation is written as a function call.
    public var isFunction: Bool { Primitive.functions.contains(self) }

    /// How many operands the operation takes.
    public var arity: Int {
        switch self {
        case .add, .subtract, .multiply, .divide, .power, .max, .min: return 2
        case .negate, .exp, .log, .sqrt, .abs, .sigmoid, .tanh, .relu, .sin, .cos: return 1
        }
    }
}
