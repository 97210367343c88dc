/// Batch normalisation of one feature column at a time: numbers only.
///
/// Training: μ_B = (1/m)Σx_i, σ²_B = (1/m)Σ(x_i − μ_B)² (biased, as the
/// notes), x̂ = (x − μ_B)/√(σ²_B + ε), y = γx̂ + β; the running statistics
/// move as PyTorch's (the variance unbiased, σ²_B·m/(m−1)). Inference uses
/// the running statistics instead and updates nothing. Backward: dβ = Σdy,
/// dγ = Σdy·x̂, and dx by the compact formula (training) or γdy/√(var + ε)
/// (inference).
enum BatchNormSolver {
    struct Feature: Sendable {
        var x: [Double]
        var gamma: Double, beta: Double
        /// The statistics used: the batch's in training, the running ones in inference.
        var mean: Double, variance: Double
        /// x_i − μ and its square.
        var centred: [Double], squares: [Double]
        /// √(σ² + ε)
        var std: Double
        var xHat: [Double], y: [Double]
        /// After the update (training only).
        var runningMean: Double?, runningVar: Double?
        /// σ²_B·m/(m − 1), the unbiased variance the running update takes.
        var unbiased: Double?
        var dy: [Double]?
        var gradBeta: Double?, gradGamma: Double?, gradX: [Double]?
        /// Σ_j dy_j x̂_j … the pieces of the compact dx formula.
        var dyXHat: [Double]?
    }

    /// A wrong rule a student may use instead (the contract's slips), so
    /// mistake diagnosis can compute the answers it gives.
    enum Variant: Sendable {
        case right
        /// 1/(m − 1) in σ²_B (`bn-unbiased-variance`)
        case unbiasedVariance
        /// √σ²_B + ε (`eps-outside-sqrt`)
        case epsOutsideSqrt
        /// the biased σ²_B in the running update (`running-var-biased`)
        case runningVarBiased
        /// running ← momentum·running + (1 − momentum)·batch (`momentum-reversed`)
        case momentumReversed
        /// dx = γ dy/√(σ²_B + ε), μ_B and σ²_B taken as constants (`dx-ignores-statistics`)
        case dxIgnoresStatistics
    }

    enum Failure: Error {
        /// σ² + ε = 0 for this feature (a constant feature with ε = 0).
        case zeroVariance(feature: Int)
        case notFinite(feature: Int)
    }

    static func solve(
        columns: [[Double]], gamma: [Double], beta: [Double], eps: Double, training: Bool,
        runningMean: [Double], runningVar: [Double], momentum: Double, gradOutput: [[Double]]?,
        variant: Variant = .right
    ) throws(Failure) -> [Feature] {
        var out: [Feature] = []
        for (j, x) in columns.enumerated() {
            let m = Double(x.count)
            let mean = training ? x.reduce(0, +) / m : runningMean[j]
            let centred = x.map { $0 - mean }
            let squares = centred.map { $0 * $0 }
            let variance = training ? squares.reduce(0, +) / (variant == .unbiasedVariance ? m - 1 : m) : runningVar[j]
            guard variance + eps > 0 else { throw .zeroVariance(feature: j) }
            let std = variant == .epsOutsideSqrt ? variance.squareRoot() + eps : (variance + eps).squareRoot()
            let xHat = centred.map { $0 / std }
            let y = xHat.map { gamma[j] * $0 + beta[j] }
            var feature = Feature(
                x: x, gamma: gamma[j], beta: beta[j], mean: mean, variance: variance, centred: centred, squares: squares,
                std: std, xHat: xHat, y: y)
            if training {
                let unbiased = variance * m / (m - 1)
                feature.unbiased = unbiased
                let batchVar = variant == .runningVarBiased ? variance : unbiased
                let (keep, take) = variant == .momentumReversed ? (momentum, 1 - momentum) : (1 - momentum, momentum)
                feature.runningMean = keep * runningMean[j] + take * mean
                feature.runningVar = keep * runningVar[j] + take * batchVar
            }
            if let gradOutput {
                let dy = gradOutput[j]
                feature.dy = dy
                let sumDy = dy.reduce(0, +)
                let products = zip(dy, xHat).map { $0 * $1 }
                let sumDyXHat = products.reduce(0, +)
                feature.dyXHat = products
                feature.gradBeta = sumDy
                feature.gradGamma = sumDyXHat
                feature.gradX = training && variant != .dxIgnoresStatistics
                    ? x.indices.map { gamma[j] / (m * std) * (m * dy[$0] - sumDy - xHat[$0] * sumDyXHat) }
                    : dy.map { gamma[j] * $0 / std }
            }
            let numbers = [mean, variance, std, feature.runningMean ?? 0, feature.runningVar ?? 0, feature.gradBeta ?? 0,
                feature.gradGamma ?? 0] + xHat + y + (feature.gradX ?? [])
            guard numbers.allSatisfy(\.isFinite) else { throw .notFinite(feature: j) }
            out.append(feature)
        }
        return out
    }
}
