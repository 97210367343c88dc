import Foundation

/// The softmax, defined once, computed the stable way every topic with a
/// softmax works it by hand: `softmax` itself, rnn's softmax outputs, mlp's
/// softmax layer and attention's weights.
///
/// Subtract the largest logit before exponentiating (so no e^x overflows and
/// the sum is at least 1), and take logs as ln p_i = a_i − ln S
/// (log-sum-exp), so a loss stays finite even when a probability underflows
/// to 0. A logit of −∞ (a key attention masks out) gets an exponential and a
/// probability of exactly 0.
///
/// The values are the exact expressions the topics have always used, so
/// answers do not move by a bit: with T = 1, (z_i − m) / T is z_i − m.
struct Softmax: Sendable {
    var logits: [Double]
    var temperature: Double
    /// m = max_i z_i
    var max: Double
    /// a_i = (z_i − m) / T
    var shifted: [Double]
    /// e^{a_i}
    var exponentials: [Double]
    /// S = Σ_j e^{a_j}
    var sum: Double
    /// p_i = e^{a_i} / S
    var probabilities: [Double]
    /// ln S
    var logSum: Double
    /// ln p_i = a_i − ln S
    var logProbabilities: [Double]
}

extension Softmax {
    /// softmax(z / T), step by step.
    init(_ z: [Double], temperature t: Double = 1) {
        let m = z.max() ?? 0
        let a = z.map { ($0 - m) / t }
        let e = a.map { exp($0) }
        let s = e.reduce(0, +)
        let logS = log(s)
        self.init(
            logits: z, temperature: t, max: m, shifted: a, exponentials: e, sum: s, probabilities: e.map { $0 / s },
            logSum: logS, logProbabilities: a.map { $0 - logS })
    }
}

/// The cross-entropy H(y, p) = −Σ_i y_i ln p_i of a softmax against a target
/// distribution, and its gradient with respect to the logits, defined once
/// (softmax's rows, rnn's softmax losses); `formula` writes it for every
/// topic that has it (softmax, rnn, mlp, loss).
struct CrossEntropy: Sendable {
    var softmax: Softmax
    /// The target as a distribution y (a class index becomes one-hot).
    var target: [Double]
    /// −y_i ln p_i (exactly 0 where y_i = 0, even if p_i underflowed)
    var terms: [Double]
    /// L = Σ_i −y_i ln p_i
    var loss: Double
    /// p_i − y_i
    var difference: [Double]
    /// ∂L/∂z_i = (p_i − y_i) / T
    var gradient: [Double]
}

extension CrossEntropy {
    init(_ softmax: Softmax, target y: [Double]) {
        let terms = zip(y, softmax.logProbabilities).map { yi, lp in yi == 0 ? 0 : -yi * lp }
        let difference = zip(softmax.probabilities, y).map { $0 - $1 }
        self.init(
            softmax: softmax, target: y, terms: terms, loss: terms.reduce(0, +), difference: difference,
            gradient: difference.map { $0 / softmax.temperature })
    }

    /// `−Σ_i y_i ln p_i`, in the topic's letters (`t_j` and `a_j` in mlp).
    static func formula(_ y: Formula, _ p: Formula, over i: Formula) -> Formula {
        -.sum(over: i, .juxtapose(y, .ln(p)))
    }

    /// The class of a one-hot target vector, if it is one: its loss is
    /// −ln p_k alone, which softmax and rnn write out.
    static func oneHotClass(_ y: [Double]) -> Int? {
        guard y.filter({ $0 != 0 }).count == 1, let k = y.firstIndex(of: 1) else { return nil }
        return k
    }
}
