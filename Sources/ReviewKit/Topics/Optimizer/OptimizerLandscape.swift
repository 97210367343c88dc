/// The objective on a grid around the iterates, for the contour plot of a
/// two-parameter problem: numbers only, from the backprop engine. Points
/// where f is undefined (a log of a negative number) are left as NaN and
/// the drawing skips them.
enum OptimizerLandscape {
    static let samples = 41

    static func grid(_ parsed: ParsedExpression, names: [String], path: [[Double]])
        -> (values: [[Double]], x: ClosedRange<Double>, y: ClosedRange<Double>)?
    {
        guard names.count == 2, !path.isEmpty else { return nil }
        // One scale on both axes (so a round bowl looks round), wide
        // enough to show the curves' shape around a short path.
        let lows = (0..<2).map { i in path.map { $0[i] }.min()! }, highs = (0..<2).map { i in path.map { $0[i] }.max()! }
        let half = max(highs[0] - lows[0], highs[1] - lows[1]) / 2 * 1.4 + 0.5
        func range(_ i: Int) -> ClosedRange<Double> {
            let centre = (lows[i] + highs[i]) / 2
            return (centre - half)...(centre + half)
        }
        let (x, y) = (range(0), range(1))
        guard x.lowerBound.isFinite, x.upperBound.isFinite, y.lowerBound.isFinite, y.upperBound.isFinite else { return nil }
        let n = samples - 1
        let f = parsed.function(of: names)
        let values = (0...n).map { r in
            (0...n).map { c in
                let point = [
                    x.lowerBound + (x.upperBound - x.lowerBound) * Double(c) / Double(n),
                    y.lowerBound + (y.upperBound - y.lowerBound) * Double(r) / Double(n),
                ]
                return f(point) ?? .nan
            }
        }
        return (values, x, y)
    }
}
