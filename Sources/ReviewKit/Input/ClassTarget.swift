import Foundation

/// One example's target for a classifier's softmax output: a class index,
/// or a probability vector (one-hot or soft). Kept as written so a problem
/// is echoed in the form it was given. Softmax's `target` and rnn's
/// softmax targets read it the same way (`Field.classTarget(classes:)`).
enum ClassTarget: Sendable, Equatable {
    case index(Int)
    case distribution([Double])

    /// How far a probability target's sum may be from 1 (the contract's 1e-9).
    static let sumTolerance = 1e-9

    /// The target as a probability vector over `classes` classes.
    func distribution(classes: Int) -> [Double] {
        switch self {
        case .index(let k): return (0..<classes).map { $0 == k ? 1 : 0 }
        case .distribution(let y): return y
        }
    }

    /// The class index, when the target was given as one.
    var index: Int? {
        if case .index(let k) = self { k } else { nil }
    }

    var json: JSONValue {
        switch self {
        case .index(let k): return .number(k)
        case .distribution(let y): return .numbers(y)
        }
    }
}

extension Field {
    /// A class index in 0..<classes, or a probability vector of length
    /// `classes` that is non-negative and sums to 1.
    func classTarget(classes: Int) throws -> ClassTarget {
        switch value.kind {
        case .number:
            return .index(try int(in: 0...classes - 1))
        case .array(let items):
            guard items.count == classes else {
                throw error("must have \(counted(classes, "entry", "entries")) (one per class), got \(items.count)")
            }
            let y = try numberArray()
            for (entry, value) in zip(try array(), y) where value < 0 {
                throw entry.error("must be non-negative (a probability), got \(entry.describe())")
            }
            let sum = y.reduce(0, +)
            guard abs(sum - 1) <= ClassTarget.sumTolerance else {
                throw error("must sum to 1, got entries that sum to \(String(format: "%.12g", sum))")
            }
            return .distribution(y)
        default:
            throw error("must be a class index or a probability vector, got \(describe())")
        }
    }
}
