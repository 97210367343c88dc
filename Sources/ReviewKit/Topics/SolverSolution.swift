/// The solution of a topic whose numbers come from one solver: the problem,
/// the solver's result and every worked step recorded from them once (the
/// topic's `…Trace.record`). Declared once instead of the same three-field
/// struct in each such topic (softmax, attention, convolve, kmeans, loss,
/// mlp); `Topic.trace` then comes free (`TracedSolution`).
struct SolverSolution<Problem: Sendable, Result: Sendable>: Sendable, TracedSolution {
    var problem: Problem
    var result: Result
    var trace: Trace
}
