/// Levenshtein distance, used to suggest a function name for a typo
/// ("unknown function 'epx' (did you mean 'exp'?)").
///
/// Names are short, so the simple two-row dynamic programme is plenty.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
            current[j] = Swift.min(substitution, previous[j] + 1, current[j - 1] + 1)
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}

/// The known function closest to `name`, if it is within edit distance 2.
/// Ties go to the earlier entry of `Primitive.functions`.
func suggestedFunctionName(for name: String) -> String? {
    var best: (name: String, distance: Int)?
    for function in Primitive.functions {
        let distance = editDistance(name, function.rawValue)
        if distance <= 2, best == nil || distance < best!.distance {
            best = (function.rawValue, distance)
        }
    }
    return best?.name
}
