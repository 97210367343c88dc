/// Spelling suggestions for unknown field names and topics.
///
/// Uses the optimal-string-alignment variant of Damerau–Levenshtein, so the
/// most common typo, two swapped letters (`kenrel`), costs 1 like any other
/// single slip, not 2.
public func editDistance(_ a: String, _ b: String) -> Int {
    let s = Array(a.unicodeScalars), t = Array(b.unicodeScalars)
    if s.isEmpty { return t.count }
    if t.isEmpty { return s.count }
    // Three rolling rows: two back for transpositions, one back, current.
    var twoBack = [Int](repeating: 0, count: t.count + 1)
    var previous = Array(0...t.count)
    var current = [Int](repeating: 0, count: t.count + 1)
    for i in 1...s.count {
        current[0] = i
        for j in 1...t.count {
            let cost = s[i - 1] == t[j - 1] ? 0 : 1
            var best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1, j > 1, s[i - 1] == t[j - 2], s[i - 2] == t[j - 1] {
                best = min(best, twoBack[j - 2] + 1)
            }
            current[j] = best
        }
        (twoBack, previous, current) = (previous, current, twoBack)
    }
    return previous[t.count]
}

/// The candidate closest to `name`, if one is within `maxDistance` edits.
/// Ties go to the earlier candidate, so suggestions are deterministic.
/// An exact match is returned as is (distance 0).
///
/// Short names need a second rule: the edits must change less than half of
/// the longer name. Otherwise every four-letter word is "close" to every
/// other (`mean` is two edits from `max`, and suggesting `max` to someone
/// who meant an average is worse than listing the choices).
public func closestMatch(to name: String, in candidates: [String], maxDistance: Int = 2) -> String? {
    var best: (candidate: String, distance: Int)?
    for candidate in candidates {
        let d = editDistance(name, candidate)
        let longer = max(name.unicodeScalars.count, candidate.unicodeScalars.count)
        if d <= maxDistance, d == 0 || 2 * d < longer, d < (best?.distance ?? Int.max) {
            best = (candidate, d)
        }
    }
    return best?.candidate
}

/// "unknown topic 'sofmax' (did you mean 'softmax'?)", or, when no name is
/// near, "unknown topic 'x'; expected one of: a, b": the one form every
/// name the user chose from a list is refused in (topics, bellman's states
/// and actions). `what` is the refused name with its kind; `listing`
/// introduces the known names.
func unknownNameMessage(_ what: String, _ name: String, among known: [String], listing: String) -> String {
    let hint = didYouMean(name, among: known)
    return "unknown \(what)" + (hint.isEmpty ? "; \(listing): \(known.joined(separator: ", "))" : hint)
}

/// " (did you mean 'x'?)" when a known name is near `name`, else "": the
/// hint after a refused name.
func didYouMean(_ name: String, among known: [String]) -> String {
    closestMatch(to: name, in: known).map { " (did you mean '\($0)'?)" } ?? ""
}
