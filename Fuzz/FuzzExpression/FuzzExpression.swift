import FuzzSupport
import ReviewKit

/// Fuzz target: the expression parser and the computational graph.
///
/// Any bytes are read as an expression (invalid UTF-8 repaired, as a JSON
/// string could not hold it anyway), parsed, and, when they parse, run
/// forward and backward with every variable set from the input's own bytes.
/// A parse error or a graph error is a fine answer; a trap, a hang or a
/// sanitizer report is not.
func fuzzExpression(_ bytes: [UInt8]) {
    let source = String(decoding: bytes, as: UTF8.self)
    guard let parsed = try? ExpressionParser.parse(source) else { return }
    var values: [String: Double] = [:]
    for (i, name) in parsed.variablesInOrderOfFirstAppearance.enumerated() {
        values[name] = Double(Int(bytes[i % max(bytes.count, 1)]) - 128) / 16
    }
    guard let graph = try? ComputationGraph(parsed, values: values) else { return }
    precondition(graph.value.isFinite, "the graph accepted a non-finite value")
    for input in graph.inputNodes {
        precondition(input.gradient.map(\.isFinite) ?? true, "the graph accepted a non-finite gradient")
    }
}

@main enum Main {
    static func main() { FuzzMain.run(fuzzExpression) }
}
